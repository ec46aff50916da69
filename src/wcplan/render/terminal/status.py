"""`wcplan status` on a terminal: one table per lead unit, columns that fit the terminal's width,
and the plan-wide line, legend and notes below."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from wcplan.base.controls import visible
from wcplan.base.i18n import N_, _
from wcplan.model.periods import shown
from wcplan.render import text
from wcplan.render.terminal.tables import (
    OUTLOOK_STYLE,
    STATUS_STYLE,
    Wrapped,
    plain,
    print_notes,
    simple_table,
    status_cell,
    text_cells,
)
from wcplan.rules.verdicts import Status
from wcplan.rules.yearend import Assessment

#: The fewest cells the indicator name gets before optional columns are dropped (6 characters).
NAME_MIN = 12


def _status_columns(assessment: Assessment, width: int):
    """The status table's columns: (header, width, justify, cell, optional). Fixed widths for
    everything but the name, so that every unit's table lines up; optional columns are dropped,
    last first, while the name would get fewer than NAME_MIN cells."""

    def gap(r):
        return Wrapped(
            text.gap(r), style=STATUS_STYLE[r.status] if r.status in (Status.BEHIND, Status.OFF_TRACK) else ""
        )

    def outlook(r):
        return Wrapped(text.outlook(r), style=OUTLOOK_STYLE[r.projection.outlook] if r.projection else "")

    columns = [
        (N_("ID"), "right", lambda r: str(r.indicator.id), False),
        (N_("Indicator"), "left", lambda r: r.indicator.label, False),
        (N_("Unit"), "left", lambda r: text.unit(r.indicator, short=True), False),
        (N_("Target"), "right", lambda r: text.number(r.target), False),
        (N_("Actual"), "right", lambda r: text.number(r.actual.value) if r.actual else "", False),
        (N_("Gap"), "right", gap, False),
        (N_("Compl."), "right", lambda r: text.percent(r.completion), False),
        (N_("Progr."), "right", lambda r: text.progress(r.progress), True),
        (N_("Status"), "left", lambda r: status_cell(r.status, r.provisional), False),
    ]
    if any(r.expected is not None for r in assessment.results):
        # flows judged against the time schedule: what was due by now, and how far ahead or behind
        columns[6:6] = [
            (N_("Expected"), "right", lambda r: text.number(r.expected), False),
            (N_("Sched."), "right", lambda r: text.points(r.schedule_gap), False),
        ]
    columns.append((N_("Plan"), "right", text.so_far, True))
    if any(r.projection for r in assessment.results):
        columns.append((N_("Outlook"), "left", outlook, True))
    # Every column but the name is as wide as its widest cell in any unit's table, so that all the
    # tables line up, in either language (a Chinese character takes two cells).
    sized = []
    for header, justify, cell, optional in columns:
        if header == "Indicator":
            size = NAME_MIN
        else:
            cells = [cell(r) for r in assessment.results]
            size = max(
                [cell_len(_(header))]
                + [cell_len(c.plain if isinstance(c, Text) else visible(c)) for c in cells]
            )
        sized.append((header, size, justify, cell, optional))
    hidden = []
    # Two cells of padding separate columns; optional columns go in this order while the name would
    # get fewer than 10 Chinese characters (20 cells).
    for name in ("Plan", "Progr.", "Outlook"):
        if width - sum(c[1] + 2 for c in sized if c[0] != "Indicator") >= 2 * 10:
            break
        column = next((c for c in sized if c[0] == name), None)
        if column is not None:
            sized.remove(column)
            hidden.append(_(name))
    return sized, hidden


def render_status(assessment: Assessment, console: Console) -> None:
    meta = assessment.plan.meta
    year = assessment.year
    if assessment.whole_year:
        what = _("year-end status {year}").format(year=year)
    else:
        what = _("status {period}, the year to date ({months}/12 of {year})").format(
            period=shown(assessment.label), months=assessment.period.months, year=year
        )
    console.print(
        Wrapped.assemble(plain(meta.short_label, "bold"), plain(f" ({meta.document_number}) — {what}"))
    )
    if not assessment.results:
        console.print(Wrapped(_("No indicator matches the filters.")))
    columns, hidden = _status_columns(assessment, console.width)
    plan = assessment.plan
    for summary in assessment.units:
        results = [r for r in assessment.results if r.indicator.lead == summary.unit]
        table = simple_table(
            _("{unit} · lead unit · {indicators}").format(
                unit=plan.unit_label(summary.unit), indicators=text.indicators(summary.total)
            ),
            text.counts_line(summary.counts),
        )
        for header, width, justify, _cell, _optional in columns:
            if header == "Indicator":
                table.add_column(_(header), ratio=1, min_width=NAME_MIN, overflow="fold")
            else:
                table.add_column(_(header), justify=justify, no_wrap=True, min_width=width)
        for r in results:
            table.add_row(*text_cells(*(cell(r) for _h, _w, _j, cell, _o in columns)))
        console.print()
        table.print(console)

    counts = assessment.counts
    share = assessment.met_or_on_track_share
    console.print()
    subject, counted = text.summary_subject(assessment)
    line = Wrapped.assemble(plain(subject, "bold"), plain(_(" ({indicators}): ").format(indicators=counted)))
    for i, (status, n) in enumerate(counts.items()):
        if i:
            line.append(" · ")
        line.append(f"{text.status_label(status)} {n}", style=STATUS_STYLE[status] if n else "dim")
    if share is not None:
        line.append(
            " — " + _("{share}% met or on track").format(share=text.number(share * 100, 1, trim=False))
        )
    console.print(line)
    console.print(
        Wrapped(
            _(
                "Compl. = actual / target (完成率); Progr. = progress ratio R of the methodology; "
                "gaps of percentage indicators are in percentage points (pp); Plan = the whole plan so far "
                "(annual: actuals / targets to date, 累计法; others: progress to the final target); "
                "Outlook = projected to the final year at the pace so far (趋势判断)."
            ),
            style="dim",
        )
    )
    if any(r.provisional for r in assessment.results):
        console.print(
            Wrapped(
                _(
                    "* provisional: judged on a figure from within the year. Flows (amounts over the year) "
                    "are judged against the time schedule, Expected = target × months / 12, Sched. = "
                    "completion minus the elapsed share, in points (序时进度); counts and shares against "
                    "the year-end target."
                ),
                style="dim",
            )
        )
    if hidden:
        console.print(
            Wrapped(
                _(
                    "Hidden to fit {width} columns: {columns}; widen the terminal or use --format json "
                    "to see them."
                ).format(width=console.width, columns=_(", ").join(hidden)),
                style="dim",
            )
        )
    print_notes(text.notes(assessment), console)
    if assessment.files:
        console.print(plain(_("Actuals: {files}").format(files=", ".join(assessment.files)), "dim"))
    else:
        console.print(Wrapped(_("Actuals: none found; every indicator has no data."), style="dim"))
