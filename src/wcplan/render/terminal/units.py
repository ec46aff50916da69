"""`wcplan units` on a terminal: the units' scorecards (考核), then the tasks scorecard."""

from __future__ import annotations

from rich.console import Console

from wcplan.base.i18n import _
from wcplan.model.plan import Plan
from wcplan.render import tasktext, text
from wcplan.render.terminal.layout import Column, add_columns, fit, hidden_note
from wcplan.render.terminal.tables import STATUS_STYLE, Wrapped, plain, print_notes, score_table
from wcplan.rules.commitments import TasksAssessment
from wcplan.rules.scorecards import Scorecards
from wcplan.rules.verdicts import STATUSES


def render_scorecards(cards: Scorecards, plan: Plan, notes: list[str], console: Console) -> None:
    """The units' scorecards: counts per status, score and worst indicator, best score first."""
    year, by = cards.year, cards.by
    if by == "lead":
        title = _("Scorecards {year} by lead unit (考核): score = (met + on track) / assessed")
    else:
        title = _("Scorecards {year} by responsible unit (考核): score = (met + on track) / assessed")
    table = score_table(title.format(year=year))
    rows = [
        [
            plain(plan.unit_label(card.unit)),
            Wrapped(text.score(card), style="bold"),
            *(Wrapped(str(card.counts[s])) for s in STATUSES),
            plain(text.worst(card)),
        ]
        for card in cards
    ]
    columns = [
        Column(_("Unit"), [r[0] for r in rows], ratio=2, least=20),
        Column(_("Score"), [r[1] for r in rows], justify="right"),
        *(
            # narrowed to the status's symbol where the names and the worst indicator need the room
            Column(
                text.status_label(s),
                [r[2 + i] for r in rows],
                justify="right",
                short=text.STATUS_SYMBOL[s],
                style=STATUS_STYLE[s],
            )
            for i, s in enumerate(STATUSES)
        ),
        Column(_("Worst indicator"), [r[-1] for r in rows], ratio=3, least=24, hide=1),
    ]
    fitted = fit(columns, console.width, edges=2)
    add_columns(table, fitted)
    for row in rows:
        table.add_row(*(cell for cell, c in zip(row, columns, strict=True) if c.header not in fitted.hidden))
    table.print(console)
    console.print(
        Wrapped(
            _(
                "assessed = indicators with an actual and a computable status; a unit with none has no "
                "score (—), not a score of 0."
            ),
            style="dim",
        )
    )
    if fitted.shortened:
        console.print(
            Wrapped(
                _("Narrowed to fit {width} columns: each status is headed by its symbol, {legend}.").format(
                    width=console.width,
                    legend=_(", ").join(text.status_text(s) for s in STATUSES),
                ),
                style="dim",
            )
        )
    hidden_note(fitted, console)
    print_notes(notes, console)


def render_tasks_scorecards(work: TasksAssessment, console: Console) -> None:
    """The tasks scorecard: each lead unit's lines of work and commitments, score and commitments at risk."""
    table = score_table(tasktext.scorecard_title(work))
    rows = [[plain(c) for c in row] for row in tasktext.scorecard_rows(work)]
    columns = []
    for i, header in enumerate(tasktext.SCORECARD_COLUMNS):
        numeric = header in ("Score", tasktext.SCORECARD_COLUMNS[-1])
        cells = [r[i] for r in rows]
        if numeric:
            columns.append(Column(_(header), cells, justify="right"))
        else:
            columns.append(Column(_(header), cells, ratio=2, least=12))
    add_columns(table, fit(columns, console.width, edges=2))
    for row in rows:
        table.add_row(*row)
    console.print()
    table.print(console)
    console.print(Wrapped(tasktext.scorecard_note(), style="dim"))
    for note in tasktext.notes(work):
        if text.is_illustrative_note(note):
            console.print(plain(note, "bold yellow"))
