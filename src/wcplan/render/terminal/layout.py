"""Columns that fit the terminal: each fixed column as wide as its widest cell, the wrapping ones
(names, notes) sharing what is left; where they would get too little, columns are shortened
(a shorter heading) and then hidden, in an order each table gives, and a note says which."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from wcplan.base.i18n import _
from wcplan.base.linebreak import longest_piece
from wcplan.render.terminal.tables import Wrapped

if TYPE_CHECKING:
    from wcplan.render.terminal.grid import Grid


@dataclass(frozen=True)
class Column:
    #: the heading as shown (translated)
    header: str
    #: one cell per row (the widest cell of every table that must line up with this one)
    cells: Sequence[str | Text] = ()
    justify: str = "left"
    #: share of the width left over for a column that wraps (0: as wide as its widest cell)
    ratio: int = 0
    #: the fewest cells a wrapping column may get before columns are shortened or hidden
    least: int = 0
    #: a shorter heading (and the width it needs) used when the columns do not fit
    short: str | None = None
    #: hidden, lowest first, while the columns do not fit even when shortened (0: never hidden)
    hide: int = 0
    #: the style of its cells
    style: str = ""
    #: the width given by `fit`
    width: int = field(default=0, compare=False)

    def fewest(self) -> int:
        """The fewest cells it may get: `least`, or its longest word if that is longer (up to
        twice `least`, beyond which a word is cut)."""
        words = [longest_piece(c.plain if isinstance(c, Text) else c, cell_len) for c in self.cells]
        return max(self.least, min(max(words, default=0), 2 * self.least))

    def natural(self, header: str) -> int:
        lines = [line for c in self.cells for line in (c.plain if isinstance(c, Text) else c).splitlines()]
        return max([cell_len(header), *map(cell_len, lines)])


@dataclass(frozen=True)
class Fitted:
    columns: list[Column]
    #: the headings of the columns hidden to fit
    hidden: list[str]
    #: whether the shorter headings are used
    shortened: bool


def fit(columns: Sequence[Column], width: int, padding: int = 2, edges: int = 0) -> Fitted:
    """Give every column a width within `width` cells (`padding` between two columns, `edges`
    at the two sides together); shorten, then hide columns while a wrapping one would get fewer
    than its `least` cells."""
    shown = list(columns)
    hidden: list[str] = []
    for shortened in (False, True):
        while True:
            sized = _sized(shown, shortened)
            fixed = sum(c.width for c in sized if not c.ratio)
            room = width - fixed - padding * (len(sized) - 1) - edges
            flexible = [c for c in sized if c.ratio]
            if room >= sum(c.fewest() for c in flexible):
                return Fitted(_share(sized, room), hidden, shortened)
            if not shortened and any(c.short for c in shown):
                break  # try the shorter headings before hiding anything
            candidates = [c for c in shown if c.hide]
            if not candidates:
                # nothing more to hide: the wrapping columns get what there is
                return Fitted(_share(sized, max(room, len(flexible))), hidden, shortened)
            gone = min(candidates, key=lambda c: c.hide)
            shown.remove(gone)
            hidden.append(gone.header)
    raise AssertionError("unreachable")


def _sized(columns: list[Column], shortened: bool) -> list[Column]:
    out = []
    for c in columns:
        header = c.short if shortened and c.short else c.header
        out.append(replace(c, header=header, width=0 if c.ratio else c.natural(header)))
    return out


def _share(columns: list[Column], room: int) -> list[Column]:
    """The room left over, shared by the wrapping columns: each its fewest cells first, then the
    rest in proportion to their ratios (all in proportion when there is less than that)."""
    flexible = [c for c in columns if c.ratio]
    fewest = {id(c): c.fewest() for c in flexible}
    base = sum(fewest.values())
    spare = room - base if base <= room else room
    total = sum(c.ratio for c in flexible) or 1
    given, out = 0, []
    for c in columns:
        if c.ratio:
            start = fewest[id(c)] if base <= room else 0
            share = spare * c.ratio // total
            if c is flexible[-1]:
                share = room - given - start
            given += start + share
            c = replace(c, width=max(start + share, 1))
        out.append(c)
    return out


def add_columns(table: Grid, fitted: Fitted) -> None:
    """The fitted columns of `table`, each exactly as wide as `fit` made it."""
    for c in fitted.columns:
        table.add_column(
            c.header,
            justify=c.justify,
            width=c.width,
            no_wrap=not c.ratio,
            overflow="ellipsis" if not c.ratio else "fold",
            style=c.style or None,
        )


def hidden_note(fitted: Fitted, console: Console) -> None:
    """The sentence saying which columns were hidden to fit, if any."""
    if fitted.hidden:
        console.print(
            Wrapped(
                _(
                    "Hidden to fit {width} columns: {columns}; widen the terminal or use --format json "
                    "to see them."
                ).format(width=console.width, columns=_(", ").join(fitted.hidden)),
                style="dim",
            )
        )
