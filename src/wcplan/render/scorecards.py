"""Unit scorecards as a terminal table, JSON or Markdown."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from wcplan.assess import STATUSES, Scorecard, Status
from wcplan.controls import visible
from wcplan.i18n import _
from wcplan.render import text
from wcplan.render.json import clean

_COUNTED = [Status.MET, Status.ON_TRACK, Status.BEHIND, Status.OFF_TRACK, Status.NO_DATA, Status.UNKNOWN]


def _score(card: Scorecard) -> str:
    return text.percent(card.score, 0) or "—"


def _worst(card: Scorecard) -> str:
    r = card.worst
    if r is None:
        return ""
    detail = text.status_label(r.status)
    if r.progress is not None:
        detail += _(", R {value}").format(value=text.progress(r.progress))
    return f"{r.indicator.id} {r.indicator.label} ({detail})"


def score_table(title: str) -> Table:
    """The borderless, full-width table every scorecard uses."""
    return Table(
        title=Text(visible(title)),
        title_justify="left",
        title_style="bold",
        box=None,
        padding=(0, 1),
        header_style="bold",
        expand=True,
    )


def render_table(
    cards: list[Scorecard], plan, year: int, by: str, notes: list[str], console: Console
) -> None:
    from wcplan.render.terminal import STATUS_STYLE, plain, print_notes

    if by == "lead":
        title = _("Scorecards {year} by lead unit (考核): score = (met + on track) / assessed")
    else:
        title = _("Scorecards {year} by responsible unit (考核): score = (met + on track) / assessed")
    table = score_table(title.format(year=year))
    table.add_column(_("Unit"), overflow="fold", ratio=2, min_width=10)
    table.add_column(_("Score"), justify="right", no_wrap=True)
    for status in _COUNTED:
        label = text.status_label(status)
        table.add_column(label, justify="right", no_wrap=True, style=STATUS_STYLE[status], min_width=3)
    table.add_column(_("Worst indicator"), overflow="fold", ratio=3, min_width=12)
    for card in cards:
        table.add_row(
            plain(plan.unit_label(card.unit)),
            Text(_score(card), style="bold"),
            *(Text(str(card.counts[s])) for s in _COUNTED),
            plain(_worst(card)),
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


def document(cards: list[Scorecard], year: int, by: str, notes: list[str]) -> dict:
    return clean(
        {
            "year": year,
            "by": by,
            "units": [
                {
                    "unit": c.unit,
                    "indicators": [r.indicator.id for r in c.results],
                    **{str(s): c.counts[s] for s in STATUSES},
                    "assessed": c.assessed,
                    "score": c.score,
                    "worst": None
                    if c.worst is None
                    else {
                        "id": c.worst.indicator.id,
                        "name": c.worst.indicator.name,
                        "status": str(c.worst.status),
                        "progress": c.worst.progress,
                    },
                }
                for c in cards
            ],
            "notes": notes,
        }
    )


def markdown(cards: list[Scorecard], plan, year: int, by: str, notes: list[str]) -> str:
    from wcplan.render.markdown import escape, table

    if by == "lead":
        title = _("Scorecards {year} by lead unit (牵头单位)")
    else:
        title = _("Scorecards {year} by responsible unit (责任单位)")
    head = [_("Unit"), _("Score"), *(text.status_label(s) for s in _COUNTED), _("Worst indicator")]
    rows = [
        [plan.unit_label(c.unit), _score(c), *(str(c.counts[s]) for s in _COUNTED), _worst(c)] for c in cards
    ]
    lines = [
        "## " + escape(title.format(year=year)),
        "",
        escape(_("Score = (met + on track) / assessed; a unit with nothing assessed has no score (—).")),
        "",
        *table(head, "lr" + "r" * len(_COUNTED) + "l", rows),
    ]
    if notes:
        lines += ["", *(f"> {escape(note)}" for note in notes)]
    return "\n".join(lines) + "\n"
