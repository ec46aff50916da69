"""The terminal tables drawn line by line (wcplan.render.terminal.grid) look exactly as Rich's
Table draws them: the same characters, and the same style on every character, for any cells
and widths, in both shapes, in colour and without, on a UTF-8 terminal and an ASCII one."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.ansi import AnsiDecoder
from rich.console import Console
from rich.text import Text

from cli_checks import examples
from wcplan.render.terminal.grid import Grid
from wcplan.render.terminal.tables import Wrapped

WORDS = st.sampled_from(
    [
        "Gross",
        "industrial",
        "output",
        "integration-of-informatization",
        "两化融合发展水平",
        "区工信局",
        "（望城经开区）",
        "，",
        "1,700",
        "-48",
        "95.1%",
        "",
        "[bold]x[/]",
        "a\nb",
    ]
)
STYLES = st.sampled_from([None, "", "bold", "dim", "green", "bold yellow", "red"])


@st.composite
def cells(draw):
    value = " ".join(draw(st.lists(WORDS, max_size=6)))
    kind = draw(st.sampled_from(["str", "text", "wrapped", "spans", "whole"]))
    style = draw(STYLES) or ""
    if kind == "str":
        return value.replace("[", "(")  # a string cell is read as markup, as Rich reads it
    if kind == "text":
        return Text(value, style=style)
    cell = Wrapped(value, style=style)
    if kind == "whole":
        cell.stylize(draw(STYLES) or "cyan")  # a status cell: its colour over all of it
    if kind == "spans" and value:
        start = draw(st.integers(0, len(value) - 1))
        cell.stylize(draw(STYLES) or "bold", start, draw(st.integers(start, len(value))))
    return cell


@st.composite
def grids(draw):
    rule = draw(st.booleans())
    n = draw(st.integers(1, 6))
    width = draw(st.integers(10, 140))
    grid = Grid(
        title=Wrapped(draw(WORDS)) if draw(st.booleans()) else None,
        caption=Wrapped(draw(WORDS)) if rule and draw(st.booleans()) else None,
        rule=rule,
        header_style=draw(st.sampled_from(["table.header", "bold"])),
    )
    rows = [[draw(cells()) for _ in range(n)] for _ in range(draw(st.integers(0, 5)))]
    exact = draw(st.booleans())
    # exact: explicit widths that fill the terminal, as layout.fit gives them (the usual case);
    # otherwise measured columns, at most one taking the rest, as the status table has them
    pads = [(0 if i == n - 1 else 1) if rule else 2 for i in range(n)]
    room = width - (n - 1 if rule else 0) - sum(pads)
    shares = draw(st.lists(st.integers(1, 30), min_size=n, max_size=n))
    given_widths = [max(1, room * s // sum(shares)) for s in shares]
    given_widths[-1] = max(1, room - sum(given_widths[:-1]))
    flexible = draw(st.integers(-1, n - 1))
    for i in range(n):
        settings_ = {
            "justify": draw(st.sampled_from(["left", "right", "center"])),
            "style": draw(STYLES),
            "no_wrap": draw(st.booleans()),
            "overflow": draw(st.sampled_from(["ellipsis", "fold"])),
        }
        if exact:
            settings_["width"] = given_widths[i]
        elif i == flexible:
            settings_.update(ratio=1, min_width=draw(st.integers(1, 12)), no_wrap=False, overflow="fold")
        else:
            settings_["min_width"] = draw(st.integers(0, 10))
        header = draw(st.sampled_from(["ID", "Indicator", "指标", "Compl.", "Lead unit"]))
        grid.add_column(header, **settings_)
    for row in rows:
        grid.add_row(*row)
    # widths that fill the terminal take the line-by-line road, always
    fills = exact and sum(given_widths) == room and all(w >= 1 for w in given_widths)
    return grid, width, fills


def drawn(renderable, width: int, colour: bool, ascii_only: bool = False) -> list[Text]:
    """What a terminal shows: each line's characters and the style of each."""
    out = io.StringIO()
    console = Console(
        file=out,
        width=width,
        force_terminal=colour,
        color_system="standard" if colour else None,
        legacy_windows=False,
        _environ={},
    )
    if ascii_only:
        console.encoding  # noqa: B018
        console._encoding = "ascii"  # as on a terminal that cannot show box-drawing characters
    if isinstance(renderable, Grid):
        renderable.print(console)  # uncropped where the grid draws it: its lines fit already
    else:
        console.print(renderable)
    return list(AnsiDecoder().decode(out.getvalue()))


def styles(line: Text) -> list:
    per_char = [line.get_style_at_offset(Console(), i) for i in range(len(line.plain))]
    return [str(s) for s in per_char]


@settings(deadline=None, max_examples=examples(100))
@given(grids(), st.booleans())
def test_a_grid_draws_what_richs_table_draws(made, colour):
    grid, width, fills = made
    if fills:
        assert grid.widths(Console(width=width), width) is not None
    mine = drawn(grid, width, colour)
    rich = drawn(grid.table(), width, colour)
    assert [line.plain for line in mine] == [line.plain for line in rich]
    assert [styles(line) for line in mine] == [styles(line) for line in rich]


def test_ascii_terminals_get_rich_s_ascii_box():
    grid = Grid(title=Wrapped("Title"))
    grid.add_column("A", width=5)
    grid.add_column("B", width=12)
    grid.add_row("1", "2")
    grid.add_row("3", "4")
    assert [t.plain for t in drawn(grid, 20, False, ascii_only=True)] == [
        t.plain for t in drawn(grid.table(), 20, False, ascii_only=True)
    ]


def test_an_unbroken_cell_too_wide_is_cut_as_rich_cuts_it():
    """A figure's column does not wrap: a cell wider than it ends in … (its trailing space
    included, as Rich counts it), whether it is drawn line by line or by Rich."""
    for cell in ("b ", "a\nb ", "1,700  ", "两化", " 5"):
        for justify in ("left", "right", "center"):
            grid = Grid()
            grid.add_column("A", width=1, no_wrap=True, justify=justify)
            grid.add_column("B", width=4)
            grid.add_row(Wrapped(cell, style="bold"), "x")
            for colour in (False, True):
                mine, rich = drawn(grid, 7, colour), drawn(grid.table(), 7, colour)
                assert [t.plain for t in mine] == [t.plain for t in rich]
                assert [styles(t) for t in mine] == [styles(t) for t in rich]
