"""`wcplan trend` on a terminal: one indicator's years as a table, and a chart (Rich text on a
character grid)."""

from __future__ import annotations

import math
from itertools import pairwise

from rich.console import Console
from rich.table import Table
from rich.text import Text

from wcplan.base.i18n import N_, _
from wcplan.model.plan import Plan
from wcplan.render import text
from wcplan.render.terminal.tables import (
    OUTLOOK_STYLE,
    STATUS_STYLE,
    Wrapped,
    plain,
    print_notes,
    status_cell,
)
from wcplan.rules.trend import Trend

# ASCII marks: one cell wide in every terminal, CJK ones included.
TARGET, ACTUAL, PROJECTED = "-", "o", "+"


def render_trend(t: Trend, plan: Plan, notes: list[str], console: Console) -> None:
    """The indicator, its years (target, actual, status), the plan so far, the outlook and a chart."""
    ind = t.indicator
    console.print(
        Wrapped.assemble(
            plain(f"{ind.id} {ind.label}", "bold"),
            plain(f" ({text.unit(ind)}, {text.attribute_label(ind.attribute)})"),
        )
    )
    console.print(
        plain(
            _("lead unit {lead}; responsible: {responsible}").format(
                lead=plan.unit_label(ind.lead), responsible=plan.units_label(ind.responsible)
            ),
            "dim",
        )
    )
    table = Table(box=None, padding=(0, 1), header_style="bold")
    right = ("Target", "Actual", "Gap", "Compl.", "Progr.")
    for header in (N_("Year"), *text.RESULT_COLUMNS[4:], N_("Source")):  # Target … Status
        table.add_column(_(header), justify="right" if header in right else "left")
    baseline = "—" if ind.baseline is None else text.number(ind.baseline)
    table.add_row(
        Wrapped(str(plan.meta.base_year)),
        Wrapped(_("baseline")),
        Wrapped(baseline),
        *(Wrapped("") for _i in range(5)),
    )
    for r in t.years:
        table.add_row(
            Wrapped(str(r.year)),
            Wrapped(text.number(r.target)),
            Wrapped(text.number(r.actual.value) if r.actual else ""),
            Wrapped(text.gap(r)),
            Wrapped(text.percent(r.completion)),
            Wrapped(text.progress(r.progress)),
            status_cell(r.status),
            plain(text.source_label(r) or "", "dim"),
        )
    console.print(table)
    latest = next((r for r in reversed(t.years) if r.actual is not None), None)
    if latest is not None and latest.so_far is not None:
        if latest.so_far.completion is not None:
            sentence = _("Plan so far ({year}): {share} of the targets to date")
        elif latest.so_far.progress is not None:
            sentence = _("Plan so far ({year}): {share} of the way to the final target")
        else:
            sentence = _("Plan so far ({year}): unknown ({reason})")
        reason = latest.so_far.reason or _("no baseline, and no earlier actual to measure progress from")
        sentence = sentence.format(year=latest.year, share=text.so_far(latest), reason=reason)
        missing = latest.so_far.missing_years
        if missing:
            sentence += _("; no actual for {years}").format(years=", ".join(map(str, missing)))
        console.print(plain(sentence))
    p = t.projection
    if p is not None:
        line = Wrapped(_("Outlook from {year}: ").format(year=t.projected_from))
        line.append(text.outlook_label(p.outlook), style=OUTLOOK_STYLE[p.outlook])
        if p.value is not None:
            if ind.attribute.value == "annual":
                line.append(_(", projected plan total {value}").format(value=text.number(p.value)))
            else:
                line.append(
                    _(", projected {year} {value}").format(year=plan.years[-1], value=text.number(p.value))
                )
        if p.reason:
            line.append_text(plain(_(" ({reason})").format(reason=p.reason)))
        console.print(line)
    console.print()
    console.print(chart(t, plan, min(console.width, 72) - 10, STATUS_STYLE, OUTLOOK_STYLE))
    print_notes(notes, console)


def chart(t: Trend, plan, width: int, status_style, outlook_style, height: int = 10) -> Text:
    """Targets as a line (-), actuals as points (o, coloured by status), the projection as +."""
    ind = t.indicator
    # One column per year, evenly spaced: a plan need not follow its base year at once (2015, then
    # 2021-2023), nor give its years in order.
    years = sorted({plan.meta.base_year, *plan.years})
    targets = {y: float(ind.targets[y]) for y in plan.years}
    if ind.baseline is not None:
        targets[plan.meta.base_year] = float(ind.baseline)
    actuals = {r.year: (r.actual.value, r.status) for r in t.years if r.actual is not None}
    projected = None
    if t.projection is not None and t.projection.value is not None and ind.attribute.value != "annual":
        projected = t.projection.value
    if projected is not None and not math.isfinite(projected):
        projected = None  # a projection that overflowed has no place on the chart
    values = [*targets.values(), *(v for v, _ in actuals.values())] + (
        [projected] if projected is not None else []
    )
    low, high = min(values), max(values)
    if high == low:
        high = low + 1
    # rows from values scaled to at most 1, so that differences of huge values stay finite
    scale = max(abs(low), abs(high)) or 1.0
    span = high / scale - low / scale
    step = (width - 1) / (len(years) - 1)
    column = {year: n for n, year in enumerate(years)}

    def x_of(year: int) -> int:
        return round(column[year] * step)

    def y_of(value: float) -> int:
        return round((value / scale - low / scale) / span * (height - 1)) if span else 0

    grid: list[list[tuple[str, str]]] = [[(" ", "")] * width for _ in range(height)]
    known = sorted(targets)
    for a, b in pairwise(known):
        xa, xb = x_of(a), x_of(b)
        for x in range(xa, xb + 1):
            value = targets[a] + (targets[b] - targets[a]) * (x - xa) / max(xb - xa, 1)
            grid[y_of(value)][x] = (TARGET, "dim")
    if projected is not None and t.projected_from in actuals:
        grid[y_of(projected)][x_of(plan.years[-1])] = (PROJECTED, outlook_style[t.projection.outlook])
    for year, (value, status) in actuals.items():
        grid[y_of(value)][x_of(year)] = (ACTUAL, f"bold {status_style[status]}")

    label_width = max(len(text.number(high)), len(text.number(low)))
    out = Wrapped()
    for row in range(height - 1, -1, -1):
        label = text.number(high) if row == height - 1 else text.number(low) if row == 0 else ""
        out.append(f"{label:>{label_width}} |")
        for char, style in grid[row]:
            out.append(char, style=style)
        out.append("\n")
    axis = [" "] * width
    for year in years:
        stamp = str(year)
        start = min(max(x_of(year) - 2, 0), width - len(stamp))
        axis[start : start + len(stamp)] = stamp
    out.append(" " * label_width + " +" + "-" * width + "\n")
    out.append(" " * (label_width + 2) + "".join(axis) + "\n")
    out.append(
        _("{target} target path from the baseline   {actual} actual (coloured by status)").format(
            target=TARGET, actual=ACTUAL
        ),
        style="dim",
    )
    if projected is not None:
        out.append(
            "   " + _("{mark} projected {year}").format(mark=PROJECTED, year=plan.years[-1]), style="dim"
        )
    return out
