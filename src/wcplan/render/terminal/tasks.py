"""`wcplan tasks` on a terminal: per lead unit, a table of its lines of work and one of its
commitments, with columns as wide in every unit's table, then the totals and notes."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from wcplan.base.controls import visible
from wcplan.base.i18n import _, ngettext
from wcplan.model.records import WorkStatus
from wcplan.render import tasktext
from wcplan.render.terminal.tables import (
    OUTLOOK_STYLE,
    STATUS_STYLE,
    plain,
    print_notes,
    simple_table,
    text_cells,
)
from wcplan.rules.commitments import NO_REPORT, TasksAssessment

LINE_STYLE = {
    WorkStatus.NOT_STARTED.value: "dim",
    WorkStatus.IN_PROGRESS.value: "cyan",
    WorkStatus.DONE.value: "green",
    WorkStatus.LAGGING.value: "yellow",
    NO_REPORT: "dim",
}


def _widths(columns: list[str], rows: list[list[str]], wide: str) -> dict[str, int]:
    """Each column's width in cells: its widest cell or heading, over every unit's table, so that the
    tables line up in either language; the `wide` column gets the rest."""
    return {
        c: max([cell_len(_(c)), *(cell_len(visible(row[i])) for row in rows)])
        for i, c in enumerate(columns)
        if c != wide
    }


def render_tasks(assessment: TasksAssessment, console: Console) -> None:
    """`wcplan tasks`: per lead unit, its lines of work and its commitments, then the totals."""
    meta, plan = assessment.plan.meta, assessment.plan
    console.print(
        Text.assemble(
            plain(meta.short_label, "bold"),
            plain(
                f" ({meta.document_number}) — "
                + _("tasks and commitments {year}").format(year=assessment.year)
            ),
        )
    )
    if not assessment.lines and not assessment.commitments:
        console.print(Text(_("No task or commitment matches the filters.")))
    line_widths = _widths(
        tasktext.LINE_COLUMNS[:4], [tasktext.line_cells(r)[:4] for r in assessment.lines], "Line of work"
    )
    widths = _widths(
        tasktext.COMMITMENT_COLUMNS,
        [tasktext.commitment_cells(r) for r in assessment.commitments],
        "Commitment",
    )
    for unit in assessment.units:
        lines, commitments = unit.lines, unit.commitments
        if lines:
            table = simple_table(
                _("{unit} · lines of work it leads · {n}").format(
                    unit=plan.unit_label(unit.unit), n=len(lines)
                ),
                tasktext.counts_text(unit.line_counts, tasktext.LINE_LABEL),
            )
            table.add_column(_("ID"), no_wrap=True, min_width=line_widths["ID"])
            table.add_column(_("Line of work"), ratio=2, min_width=12, overflow="fold")
            table.add_column(_("Status"), no_wrap=True, min_width=line_widths["Status"])
            table.add_column(_("Date"), no_wrap=True, min_width=line_widths["Date"])
            table.add_column(_("Note"), ratio=3, min_width=12, overflow="fold")
            for r in lines:
                cells = text_cells(*tasktext.line_cells(r))
                cells[2].stylize(LINE_STYLE[r.state])
                if r.stale:
                    cells[3].stylize("dim")
                table.add_row(*cells)
            console.print()
            console.print(table)
        if commitments:
            table = simple_table(
                _("{unit} · commitments · {n}").format(unit=plan.unit_label(unit.unit), n=len(commitments)),
                tasktext.counts_text(unit.commitment_counts, tasktext.STATE_LABEL),
            )
            for header in tasktext.COMMITMENT_COLUMNS:
                if header == "Commitment":
                    table.add_column(_(header), ratio=1, min_width=12, overflow="fold")
                else:
                    right = header in ("Target", "Value", "Gap", "Plan")
                    table.add_column(
                        _(header),
                        justify="right" if right else "left",
                        no_wrap=True,
                        min_width=widths[header],
                    )
            for r in commitments:
                cells = text_cells(*tasktext.commitment_cells(r))
                if r.due:
                    cells[7].stylize(STATUS_STYLE[r.judgement.status])
                else:
                    cells[7].stylize("dim")
                if r.projection:
                    cells[9].stylize(OUTLOOK_STYLE[r.projection.outlook])
                table.add_row(*cells)
            console.print()
            console.print(table)
    console.print()
    if assessment.units_shown:
        names = plan.units_label(assessment.units_shown)
        subject = ngettext("Unit {names}", "Units {names}", len(assessment.units_shown)).format(names=names)
    else:
        subject = _("Plan-wide")
    counted = ngettext(" ({n} line of work): ", " ({n} lines of work): ", len(assessment.lines))
    line = Text.assemble(plain(subject, "bold"), counted.format(n=len(assessment.lines)))
    line.append(tasktext.counts_text(assessment.line_counts, tasktext.LINE_LABEL) or _("none"))
    console.print(line)
    line = Text.assemble((_("Commitments"), "bold"), f" ({len(assessment.commitments)}): ")
    line.append(tasktext.counts_text(assessment.commitment_counts, tasktext.STATE_LABEL) or _("none"))
    console.print(line)
    console.print(Text(tasktext.legend(), style="dim"))
    print_notes(tasktext.notes(assessment), console)
    if assessment.files:
        console.print(plain(_("Read: {files}").format(files=", ".join(assessment.files)), "dim"))
