"""`wcplan units` on a terminal: the units' scorecards (考核), then the tasks scorecard."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from wcplan.base.i18n import _
from wcplan.model.plan import Plan
from wcplan.render import tasktext, text
from wcplan.render.terminal.tables import STATUS_STYLE, plain, print_notes, score_table
from wcplan.rules.commitments import TasksAssessment
from wcplan.rules.scorecards import Scorecards
from wcplan.rules.status import STATUSES


def render_scorecards(cards: Scorecards, plan: Plan, notes: list[str], console: Console) -> None:
    """The units' scorecards: counts per status, score and worst indicator, best score first."""
    year, by = cards.year, cards.by
    if by == "lead":
        title = _("Scorecards {year} by lead unit (考核): score = (met + on track) / assessed")
    else:
        title = _("Scorecards {year} by responsible unit (考核): score = (met + on track) / assessed")
    table = score_table(title.format(year=year))
    table.add_column(_("Unit"), overflow="fold", ratio=2, min_width=10)
    table.add_column(_("Score"), justify="right", no_wrap=True)
    for status in STATUSES:
        label = text.status_label(status)
        table.add_column(label, justify="right", no_wrap=True, style=STATUS_STYLE[status], min_width=3)
    table.add_column(_("Worst indicator"), overflow="fold", ratio=3, min_width=12)
    for card in cards:
        table.add_row(
            plain(plan.unit_label(card.unit)),
            Text(text.score(card), style="bold"),
            *(Text(str(card.counts[s])) for s in STATUSES),
            plain(text.worst(card)),
        )
    console.print(table)
    console.print(
        Text(
            _(
                "assessed = indicators with an actual and a computable status; a unit with none has no "
                "score (—), not a score of 0."
            ),
            style="dim",
        )
    )
    print_notes(notes, console)


def render_tasks_scorecards(work: TasksAssessment, console: Console) -> None:
    """The tasks scorecard: each lead unit's lines of work and commitments, score and commitments at risk."""
    table = score_table(tasktext.scorecard_title(work))
    for header in tasktext.SCORECARD_COLUMNS:
        numeric = header in ("Score", tasktext.SCORECARD_COLUMNS[-1])
        table.add_column(
            _(header),
            justify="right" if numeric else "left",
            overflow="fold",
            ratio=None if numeric else 2,
            min_width=6 if numeric else 10,
        )
    for row in tasktext.scorecard_rows(work):
        table.add_row(*(plain(c) for c in row))
    console.print()
    console.print(table)
    console.print(Text(tasktext.scorecard_note(), style="dim"))
    for note in tasktext.notes(work):
        if text.is_illustrative_note(note):
            console.print(plain(note, "bold yellow"))
