"""What every terminal table shares: the colours of statuses and outlooks, text cells shown
harmlessly, the shapes of the tables, and the notes below them. Colour is decided by the Console:
only on a terminal, never with NO_COLOR or --no-color; every status also reads as a word and a
symbol."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from wcplan.base.controls import visible
from wcplan.render import text
from wcplan.rules.outlook import Outlook
from wcplan.rules.status import Status

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
    (wcplan.base.controls), so that nothing in a file can colour, move or reorder the terminal."""
    return Text(visible(value), style=style)


def status_cell(status: Status, provisional: bool = False) -> Text:
    return Text(text.status_text(status) + ("*" if provisional else ""), style=STATUS_STYLE[status])


def text_cells(*cells: str | Text) -> list[Text]:
    """Data cells as Text: strings through `plain`; a Text is made by the renderer."""
    return [cell if isinstance(cell, Text) else plain(cell) for cell in cells]


def simple_table(title: str, caption: str | None = None) -> Table:
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


def print_notes(notes: list[str], console: Console) -> None:
    """Notes below a table; the illustrative-data warning in bold."""
    for note in notes:
        console.print(plain(note, "bold yellow" if text.is_illustrative_note(note) else ""))


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
