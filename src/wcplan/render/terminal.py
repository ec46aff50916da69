"""Terminal tables (Rich). Colour is decided by the Console: only on a terminal,
never with NO_COLOR or --no-color; every status also reads as a word and a symbol."""

from __future__ import annotations

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from wcplan.assess import Assessment, Status
from wcplan.controls import visible
from wcplan.i18n import N_, _
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


def plain(value: str, style: str = "") -> Text:
    """Text as every terminal output shows it: never read as markup (a name with [brackets]
    prints as written), control characters visible as <U+XXXX> and line breaks as spaces
    (wcplan.controls), so that nothing in a file can colour, move or reorder the terminal."""
    return Text(visible(value), style=style)


def status_cell(status: Status, provisional: bool = False) -> Text:
    return Text(text.status_text(status) + ("*" if provisional else ""), style=STATUS_STYLE[status])


def _row(*cells: str | Text) -> list[Text]:
    """Data cells as Text: strings through `plain`; a Text is made by the renderer."""
    return [cell if isinstance(cell, Text) else plain(cell) for cell in cells]


def _table(title: str, caption: str | None = None) -> Table:
    return Table(
        title=plain(title),
        title_justify="left",
        title_style="bold",
        caption=plain(caption) if caption else None,
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
            period=assessment.label, months=assessment.period.months, year=year
        )
    console.print(
        Text.assemble(plain(meta.short_label, "bold"), plain(f" ({meta.document_number}) — {what}"))
    )
    if not assessment.results:
        console.print(Text(_("No indicator matches the filters.")))
    columns, hidden = _status_columns(assessment, console.width)
    plan = assessment.plan
    for summary in assessment.units:
        results = [r for r in assessment.results if r.indicator.lead == summary.unit]
        table = _table(
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
            table.add_row(*_row(*(cell(r) for _h, _w, _j, cell, _o in columns)))
        console.print()
        console.print(table)

    counts = assessment.counts
    share = assessment.met_or_on_track_share
    console.print()
    line = Text.assemble(
        (_("Plan-wide"), "bold"),
        _(" ({indicators}): ").format(indicators=text.indicators(len(assessment.results))),
    )
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
        Text(
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
            Text(
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
            Text(
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
        console.print(Text(_("Actuals: none found; every indicator has no data."), style="dim"))


def print_notes(notes: list[str], console: Console) -> None:
    """Notes below a table; the illustrative-data warning in bold."""
    for note in notes:
        console.print(plain(note, "bold yellow" if text.is_illustrative_note(note) else ""))


def render_targets(plan: Plan, indicators, console: Console) -> None:
    meta = plan.meta
    console.print(Text.assemble(plain(meta.title_label, "bold"), plain(f" {meta.document_number}")))
    console.print(
        Text(
            _("Base year {base}; plan years {years}; {shown} of {total} indicators shown.").format(
                base=meta.base_year,
                years=", ".join(map(str, meta.years)),
                shown=len(indicators),
                total=len(plan.indicators),
            )
        )
    )
    categories = list(dict.fromkeys(i.category for i in indicators))
    for category in categories:
        table = _table(plan.category_label(category))
        table.add_column(_("ID"), justify="right", no_wrap=True)
        # Name and unit columns share the width; a unit name is 10 characters at most here.
        table.add_column(_("Indicator"), ratio=3, min_width=10, overflow="fold")
        table.add_column(_("Unit"), no_wrap=True)
        table.add_column(f"{meta.base_year}", justify="right", no_wrap=True)
        for year in meta.years:
            table.add_column(str(year), justify="right", no_wrap=True)
        table.add_column(_("Attr."), no_wrap=True)
        table.add_column(_("Lead"), ratio=2, overflow="fold")
        table.add_column(_("Responsible"), ratio=2, overflow="fold")
        for ind in (i for i in indicators if i.category == category):
            table.add_row(
                *_row(
                    str(ind.id),
                    ind.label,
                    text.unit(ind, short=True),
                    text.number(ind.baseline) if ind.baseline is not None else Text("—", style="dim"),
                    *(text.number(ind.targets.get(y)) for y in meta.years),
                    text.short_attribute(ind.attribute),
                    plan.unit_label(ind.lead),
                    Text("\n".join(visible(plan.unit_label(u)) for u in ind.responsible)),
                )
            )
        console.print()
        console.print(table)
    console.print(Text(_("— : no value in the plan (kept missing, never 0)."), style="dim"))
