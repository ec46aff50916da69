"""`wcplan tasks` on a terminal: per lead unit, a table of its lines of work and one of its
commitments, with columns as wide in every unit's table, then the totals and notes."""

from __future__ import annotations

from rich.console import Console

from wcplan.base.controls import visible
from wcplan.base.i18n import _, ngettext
from wcplan.model.records import WorkStatus
from wcplan.render import tasktext
from wcplan.render.terminal.layout import Column, Fitted, add_columns, fit, hidden_note
from wcplan.render.terminal.tables import (
    OUTLOOK_STYLE,
    STATUS_STYLE,
    Wrapped,
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


#: How each commitment column fits: (ratio of a wrapping column, fewest cells, hidden in this
#: order when the terminal is too narrow); right-aligned columns hold figures.
COMMITMENT_FIT = {"Commitment": (1, 16, 0), "Plan": (0, 0, 1), "Outlook": (0, 0, 2), "Gap": (0, 0, 3)}
RIGHT = ("Target", "Value", "Gap", "Plan")


def _line_columns(assessment: TasksAssessment) -> list[Column]:
    """The lines-of-work table's columns, sized over every unit's table so that they line up."""
    rows = [tasktext.line_cells(r) for r in assessment.lines]
    wrapping = {"Line of work": (2, 12), "Note": (3, 16)}
    return [
        Column(
            _(h),
            [visible(row[i]) for row in rows],
            ratio=wrapping.get(h, (0, 0))[0],
            least=wrapping.get(h, (0, 0))[1],
        )
        for i, h in enumerate(tasktext.LINE_COLUMNS)
    ]


def _commitment_columns(assessment: TasksAssessment) -> list[Column]:
    rows = [tasktext.commitment_cells(r) for r in assessment.commitments]
    return [
        Column(
            _(h),
            [visible(row[i]) for row in rows],
            justify="right" if h in RIGHT else "left",
            ratio=COMMITMENT_FIT.get(h, (0, 0, 0))[0],
            least=COMMITMENT_FIT.get(h, (0, 0, 0))[1],
            hide=COMMITMENT_FIT.get(h, (0, 0, 0))[2],
        )
        for i, h in enumerate(tasktext.COMMITMENT_COLUMNS)
    ]


def _shown(cells: list, columns: list[Column], fitted: Fitted) -> list:
    return [cell for cell, c in zip(cells, columns, strict=True) if c.header not in fitted.hidden]


def render_tasks(assessment: TasksAssessment, console: Console) -> None:
    """`wcplan tasks`: per lead unit, its lines of work and its commitments, then the totals."""
    meta, plan = assessment.plan.meta, assessment.plan
    console.print(
        Wrapped.assemble(
            plain(meta.short_label, "bold"),
            plain(
                f" ({meta.document_number}) — "
                + _("tasks and commitments {year}").format(year=assessment.year)
            ),
        )
    )
    if not assessment.lines and not assessment.commitments:
        console.print(Wrapped(_("No task or commitment matches the filters.")))
    line_columns, commitment_columns = _line_columns(assessment), _commitment_columns(assessment)
    line_fit = fit(line_columns, console.width)
    commitment_fit = fit(commitment_columns, console.width)
    for unit in assessment.units:
        lines, commitments = unit.lines, unit.commitments
        if lines:
            table = simple_table(
                _("{unit} · lines of work it leads · {n}").format(
                    unit=plan.unit_label(unit.unit), n=len(lines)
                ),
                tasktext.counts_text(unit.line_counts, tasktext.LINE_LABEL),
            )
            add_columns(table, line_fit)
            for r in lines:
                cells = text_cells(*tasktext.line_cells(r))
                cells[2].stylize(LINE_STYLE[r.state])
                if r.stale:
                    cells[3].stylize("dim")
                table.add_row(*_shown(cells, line_columns, line_fit))
            console.print()
            table.print(console)
        if commitments:
            table = simple_table(
                _("{unit} · commitments · {n}").format(unit=plan.unit_label(unit.unit), n=len(commitments)),
                tasktext.counts_text(unit.commitment_counts, tasktext.STATE_LABEL),
            )
            add_columns(table, commitment_fit)
            for r in commitments:
                cells = text_cells(*tasktext.commitment_cells(r))
                if r.due:
                    cells[7].stylize(STATUS_STYLE[r.judgement.status])
                else:
                    cells[7].stylize("dim")
                if r.projection:
                    cells[9].stylize(OUTLOOK_STYLE[r.projection.outlook])
                table.add_row(*_shown(cells, commitment_columns, commitment_fit))
            console.print()
            table.print(console)
    console.print()
    if assessment.units_shown:
        names = plan.units_label(assessment.units_shown)
        subject = ngettext("Unit {names}", "Units {names}", len(assessment.units_shown)).format(names=names)
        counted = ngettext(" ({n} line of work): ", " ({n} lines of work): ", len(assessment.lines))
    else:  # as the commitments' line below
        subject, counted = _("Lines of work"), _(" ({n}): ")
    line = Wrapped.assemble(plain(subject, "bold"), counted.format(n=len(assessment.lines)))
    line.append(tasktext.counts_text(assessment.line_counts, tasktext.LINE_LABEL) or _("none"))
    console.print(line)
    line = Wrapped.assemble((_("Commitments"), "bold"), _(" ({n}): ").format(n=len(assessment.commitments)))
    line.append(tasktext.counts_text(assessment.commitment_counts, tasktext.STATE_LABEL) or _("none"))
    console.print(line)
    console.print(Wrapped(tasktext.legend(), style="dim"))
    hidden_note(line_fit, console)
    hidden_note(commitment_fit, console)
    print_notes(tasktext.notes(assessment), console)
    if assessment.files:
        console.print(plain(_("Read: {files}").format(files=", ".join(assessment.files)), "dim"))
