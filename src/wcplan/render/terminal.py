"""Terminal tables (Rich). Colour is decided by the Console: only on a terminal,
never with NO_COLOR or --no-color; every status also reads as a word and a symbol."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from wcplan.assess import Assessment, Status
from wcplan.outlook import Outlook
from wcplan.plan import Plan
from wcplan.render import text

OUTLOOK_STYLE = {
    Outlook.LIKELY: "green",
    Outlook.AT_RISK: "yellow",
    Outlook.UNLIKELY: "red",
    Outlook.UNKNOWN: "dim",
}
STATUS_STYLE = {
    Status.MET: "green",
    Status.ON_TRACK: "cyan",
    Status.BEHIND: "yellow",
    Status.OFF_TRACK: "red",
    Status.NO_DATA: "dim",
    Status.UNKNOWN: "dim",
}


def status_cell(status: Status, provisional: bool = False) -> Text:
    return Text(text.status_text(status) + ("*" if provisional else ""), style=STATUS_STYLE[status])


def _row(*cells: str | Text) -> list[Text]:
    """Data cells as Text, never as markup: a name with [brackets] must print as written."""
    return [cell if isinstance(cell, Text) else Text(cell) for cell in cells]


def _table(title: str, caption: str | None = None) -> Table:
    return Table(
        title=Text(title),
        title_justify="left",
        title_style="bold",
        caption=Text(caption) if caption else None,
        caption_justify="left",
        box=box.SIMPLE_HEAD,
        padding=(0, 1),
        collapse_padding=True,
        pad_edge=False,
        show_edge=False,
        expand=True,
    )


#: The fewest cells the indicator name gets before optional columns are dropped (6 characters).
NAME_MIN = 12


def _status_columns(assessment: Assessment, width: int):
    """The status table's columns: (header, width, justify, cell, optional). Fixed widths for
    everything but the name, so that every unit's table lines up; optional columns are dropped,
    last first, while the name would get fewer than NAME_MIN cells."""

    def gap(r):
        return Text(
            text.gap(r), style=STATUS_STYLE[r.status] if r.status in (Status.BEHIND, Status.OFF_TRACK) else ""
        )

    def outlook(r):
        return Text(text.outlook(r), style=OUTLOOK_STYLE[r.projection.outlook] if r.projection else "")

    columns = [
        ("ID", 2, "right", lambda r: str(r.indicator.id), False),
        ("Indicator", NAME_MIN, "left", lambda r: r.indicator.name, False),
        ("Unit", 4, "left", lambda r: r.indicator.unit, False),
        ("Target", 6, "right", lambda r: text.number(r.target), False),
        ("Actual", 6, "right", lambda r: text.number(r.actual.value) if r.actual else "", False),
        ("Gap", 8, "right", gap, False),
        ("Compl.", 6, "right", lambda r: text.percent(r.completion), False),
        ("Progr.", 6, "right", lambda r: text.progress(r.progress), True),
        ("Status", 12, "left", lambda r: status_cell(r.status, r.provisional), False),
    ]
    if any(r.expected is not None for r in assessment.results):
        # flows judged against the time schedule: what was due by now, and how far ahead or behind
        columns[6:6] = [
            ("Expected", 8, "right", lambda r: text.number(r.expected), False),
            ("Sched.", 7, "right", lambda r: text.points(r.schedule_gap), False),
        ]
    columns.append(("Plan", 6, "right", text.so_far, True))
    if any(r.projection for r in assessment.results):
        columns.append(("Outlook", 8, "left", outlook, True))
    hidden = []
    # The name column wants 2 cells per character, 2 cells of padding separate columns;
    # optional columns go in this order while the name would get fewer than 10 characters.
    for name in ("Plan", "Progr.", "Outlook"):
        if width - sum(c[1] + 2 for c in columns if c[0] != "Indicator") >= 2 * 10:
            break
        column = next((c for c in columns if c[0] == name), None)
        if column is not None:
            columns.remove(column)
            hidden.append(name)
    return columns, hidden


def render_status(assessment: Assessment, console: Console) -> None:
    meta = assessment.plan.meta
    year = assessment.year
    console.print(
        Text.assemble(
            (meta.short_title or meta.title, "bold"),
            f" ({meta.document_number}) — "
            + (
                f"year-end status {year}"
                if assessment.whole_year
                else f"status {assessment.label}, the year to date ({assessment.period.months}/12 of {year})"
            ),
        )
    )
    if not assessment.results:
        console.print(Text("No indicator matches the filters."))
    columns, hidden = _status_columns(assessment, console.width)
    for summary in assessment.units:
        results = [r for r in assessment.results if r.indicator.lead == summary.unit]
        table = _table(
            f"{summary.unit} · lead unit · {summary.total} indicator{'s' if summary.total != 1 else ''}",
            text.counts_line(summary.counts),
        )
        for header, width, justify, _cell, _optional in columns:
            if header == "Indicator":
                table.add_column(header, ratio=1, min_width=NAME_MIN, overflow="fold")
            else:
                table.add_column(header, justify=justify, no_wrap=True, min_width=width)
        for r in results:
            table.add_row(*_row(*(cell(r) for _h, _w, _j, cell, _o in columns)))
        console.print()
        console.print(table)

    counts = assessment.counts
    share = assessment.met_or_on_track_share
    console.print()
    line = Text.assemble(("Plan-wide", "bold"), f" ({len(assessment.results)} indicators): ")
    for i, (status, n) in enumerate(counts.items()):
        if i:
            line.append(" · ")
        line.append(f"{text.STATUS_LABEL[status]} {n}", style=STATUS_STYLE[status] if n else "dim")
    if share is not None:
        line.append(f" — {share * 100:.1f}% met or on track")
    console.print(line)
    console.print(
        Text(
            "Compl. = actual / target (完成率); Progr. = progress ratio R of the methodology; "
            "gaps of % indicators are in percentage points (pp); Plan = the whole plan so far "
            "(annual: actuals / targets to date, 累计法; others: progress to the final target); "
            "Outlook = projected to the final year at the pace so far (趋势判断).",
            style="dim",
        )
    )
    if any(r.provisional for r in assessment.results):
        console.print(
            Text(
                "* provisional: judged on a figure from within the year. Flows (amounts over the year) "
                "are judged against the time schedule, Expected = target × months / 12, Sched. = "
                "completion minus the elapsed share, in points (序时进度); counts and shares against "
                "the year-end target.",
                style="dim",
            )
        )
    if hidden:
        console.print(
            Text(
                f"Hidden to fit {console.width} columns: {', '.join(hidden)}; widen the terminal "
                "or use --format json to see them.",
                style="dim",
            )
        )
    for note in text.notes(assessment):
        console.print(Text(note, style="bold yellow" if note.startswith("Illustrative") else ""))
    if assessment.files:
        console.print(Text("Actuals: " + ", ".join(assessment.files), style="dim"))
    else:
        console.print(Text("Actuals: none found; every indicator has no data.", style="dim"))


def render_targets(plan: Plan, indicators, console: Console) -> None:
    meta = plan.meta
    console.print(Text.assemble((meta.title, "bold"), f" {meta.document_number}"))
    console.print(
        Text(
            f"Base year {meta.base_year}; plan years {', '.join(map(str, meta.years))}; "
            f"{len(indicators)} of {len(plan.indicators)} indicators shown."
        )
    )
    categories = list(dict.fromkeys(i.category for i in indicators))
    for category in categories:
        table = _table(category)
        table.add_column("ID", justify="right", no_wrap=True)
        # Name and unit columns share the width; a unit name is 10 characters at most here.
        table.add_column("Indicator", ratio=3, min_width=10, overflow="fold")
        table.add_column("Unit", no_wrap=True)
        table.add_column(f"{meta.base_year}", justify="right", no_wrap=True)
        for year in meta.years:
            table.add_column(str(year), justify="right", no_wrap=True)
        table.add_column("Attr.", no_wrap=True)
        table.add_column("Lead", ratio=2, overflow="fold")
        table.add_column("Responsible", ratio=2, overflow="fold")
        for ind in (i for i in indicators if i.category == category):
            table.add_row(
                *_row(
                    str(ind.id),
                    ind.name,
                    ind.unit,
                    text.number(ind.baseline) if ind.baseline is not None else Text("—", style="dim"),
                    *(text.number(ind.targets.get(y)) for y in meta.years),
                    text.ATTRIBUTE_LABEL[ind.attribute],
                    ind.lead,
                    "\n".join(ind.responsible),
                )
            )
        console.print()
        console.print(table)
    console.print(Text("— : no value in the plan (kept missing, never 0).", style="dim"))
