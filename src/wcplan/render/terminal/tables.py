"""What every terminal table shares: the colours of statuses and outlooks, text cells shown
harmlessly, the shapes of the tables, and the notes below them. Colour is decided by the Console:
only on a terminal, never with NO_COLOR or --no-color; every status also reads as a word and a
symbol."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions
from rich.containers import Lines
from rich.measure import Measurement
from rich.text import Text

from wcplan.base.controls import visible
from wcplan.base.linebreak import break_offsets, longest_piece
from wcplan.render import text
from wcplan.render.terminal.grid import Grid
from wcplan.rules.verdicts import Outlook, Status

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


class Wrapped(Text):
    """Text that breaks its lines as wcplan.base.linebreak says: English between words, Chinese
    never before closing punctuation (Rich would cut a word anywhere, and start a line with ）)."""

    def wrap(self, console: Console, width: int, *, justify=None, overflow=None, tab_size=8, no_wrap=None):
        if no_wrap or self.no_wrap or overflow == "ignore":
            return super().wrap(
                console, width, justify=justify, overflow=overflow, tab_size=tab_size, no_wrap=no_wrap
            )
        lines = Lines()
        for line in self.split(allow_blank=True):
            pieces = line.divide(break_offsets(line.plain, width, fold=True, measure=cell_len))
            for piece in pieces:
                piece.rstrip_end(width)
                piece.rstrip()
                if justify and justify not in ("default", "left", "full"):
                    Lines([piece]).justify(console, width, justify=justify, overflow=overflow or "fold")
                piece.truncate(width, overflow=overflow or "fold")
            lines.extend(pieces)
        return lines

    def plain_lines(
        self, width: int, justify: str, overflow: str, no_wrap: bool = False
    ) -> list[tuple[int, str, int]] | None:
        """The lines `wrap` gives, as strings: what the terminal tables draw
        (wcplan.render.terminal.grid), without making a Text of each line. Each line is the
        spaces justification put before it, its text, and the spaces after it. The same lines
        as `wrap`, and as Rich's own wrap where a line is not to be broken (`no_wrap`: a figure,
        a status); None for what only Text does (tabs, full justification). tests/test_grid.py
        draws tables both ways."""
        if "\t" in self.plain or justify == "full" or overflow == "ignore":
            return None
        lines = []
        for line in self.plain.split("\n"):
            if no_wrap:
                lines.append(_unbroken(line, width, justify, overflow))
                continue
            starts = [0, *break_offsets(line, width, fold=True, measure=cell_len)]
            for start, end in zip(starts, [*starts[1:], len(line)], strict=True):
                piece = line[start:end].rstrip()
                if justify in ("right", "center"):
                    lines.append(_justified(piece, width, justify, overflow))
                else:
                    lines.append((0, _truncate(piece, width, overflow), 0))
        return lines

    def __rich__(self) -> _Paragraph:
        # Console.print joins the Text objects it is given into a new, plain Text, which would
        # wrap as Rich does: what it prints is the paragraph this text renders as.
        return _Paragraph(self)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """The narrowest it can be is its longest piece that cannot break."""
        measured = super().__rich_measure__(console, options)
        return Measurement(min(longest_piece(self.plain, cell_len), measured.maximum), measured.maximum)


def _unbroken(line: str, width: int, justify: str, overflow: str) -> tuple[int, str, int]:
    """A line Rich's Text.wrap does not break: justified (left: padded to the width), then cut to
    the width."""
    if justify == "left":
        size = cell_len(line)
        return 0, _truncate(line, width, overflow), max(width - size, 0)
    if justify in ("right", "center"):
        return _justified(line.rstrip(), width, justify, overflow)
    return 0, _truncate(line, width, overflow), 0


def _justified(piece: str, width: int, justify: str, overflow: str) -> tuple[int, str, int]:
    """Lines.justify of one right- or centre-justified line (already without trailing spaces)."""
    piece = _truncate(piece, width, overflow)
    spare = width - cell_len(piece)
    if justify == "right":
        return spare, piece, 0
    return spare // 2, piece, spare - spare // 2


def _truncate(text: str, width: int, overflow: str) -> str:
    """Text.truncate's cut, on a string."""
    if overflow == "ignore" or cell_len(text) <= width:
        return text
    if overflow == "ellipsis":
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


class _Paragraph:
    """A Wrapped text as Rich renders it (not a Text, so that it is rendered as it is)."""

    def __init__(self, text: Wrapped):
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions):
        return self.text.__rich_console__(console, options)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return self.text.__rich_measure__(console, options)


def plain(value: str, style: str = "") -> Text:
    """Text as every terminal output shows it: never read as markup (a name with [brackets]
    prints as written), control characters visible as <U+XXXX> and line breaks as spaces
    (wcplan.base.controls), so that nothing in a file can colour, move or reorder the terminal.
    Its lines break between words, never before closing punctuation (Wrapped)."""
    return Wrapped(visible(value), style=style)


def status_cell(status: Status, provisional: bool = False) -> Text:
    return Text(text.status_text(status) + ("*" if provisional else ""), style=STATUS_STYLE[status])


def text_cells(*cells: str | Text) -> list[Text]:
    """Data cells as Text: strings through `plain`; a Text is made by the renderer."""
    return [cell if isinstance(cell, Text) else plain(cell) for cell in cells]


def simple_table(title: str, caption: str | None = None) -> Grid:
    """A table under its title, a line under its headings, two cells between columns and none
    at the edges, its caption below."""
    return Grid(title=plain(title), caption=plain(caption) if caption else None, rule=True)


def print_notes(notes: list[str], console: Console) -> None:
    """Notes below a table; the illustrative-data warning in bold."""
    for note in notes:
        console.print(plain(note, "bold yellow" if text.is_illustrative_note(note) else ""))


def score_table(title: str) -> Grid:
    """The borderless, full-width table every scorecard uses."""
    return Grid(title=Text(visible(title)), rule=False, header_style="bold")
