"""The tables of the terminal outputs, drawn without Rich's Table where their columns fill the
terminal exactly, which is nearly always: every column's width is then known beforehand
(`layout.fit`, or as wide as its widest cell with one column taking the rest), and each cell
is wrapped and padded straight into its lines.

Rich's Table does the same through several layers of renderables, padding and cropping per
cell, which made drawing the `targets` table two thirds of that command's run. What is drawn
here is what Rich's Table draws for the same table: the same wrapped lines (each cell's own
`wrap`), the same padding, rule and styles, character for character (tests/test_grid.py checks
both on generated tables, in colour and without). A table whose columns do not fill the width
exactly (a terminal too narrow for the fewest cells, a column wider than the terminal) is left
to Rich's Table, which shrinks or spreads the columns by its own rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich import box as boxes
from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.table import Table


@dataclass
class GridColumn:
    header: str
    justify: str = "left"
    style: str | None = None
    no_wrap: bool = False
    overflow: str = "ellipsis"
    width: int | None = None
    min_width: int | None = None
    ratio: int | None = None


class Grid:
    """A table drawn line by line, in the two shapes wcplan uses: `rule` (a line under the
    headings, two cells between columns, none at the edges: Rich's SIMPLE_HEAD box without edge,
    collapsed padding) or, without it, one cell of padding on each side of every column."""

    def __init__(
        self,
        title: Text | None = None,
        caption: Text | None = None,
        rule: bool = True,
        header_style: str = "table.header",
    ):
        self.title = title
        self.caption = caption
        self.rule = rule
        self.header_style = header_style
        self.columns: list[GridColumn] = []
        self.rows: list[tuple] = []
        self._fitted: tuple[int, list[int] | None] | None = None  # (terminal width, column widths)

    def __repr__(self) -> str:
        return f"Grid(rule={self.rule}, columns={self.columns!r}, rows={self.rows!r})"

    def add_column(self, header: str, **settings) -> None:
        self.columns.append(GridColumn(header, **settings))
        self._fitted = None

    def add_row(self, *cells) -> None:
        self.rows.append(cells)
        self._fitted = None

    # -- the shape -------------------------------------------------------------------------
    def _pads(self, index: int) -> tuple[int, int]:
        """The (left, right) padding of the cells of column `index`."""
        last = index == len(self.columns) - 1
        if self.rule:  # collapsed padding, no padding at the edges: one cell right of each but the last
            return 0, 0 if last else 1
        return 1, 1

    def _dividers(self) -> int:
        return len(self.columns) - 1 if self.rule else 0

    def widths(self, console: Console, width: int) -> list[int] | None:
        """Each column's width with its padding, or None where Rich's Table would not simply give
        every column what it asks: the columns do not fill `width` exactly."""
        room = width - self._dividers()
        widths: list[int | None] = []
        flexible = []
        for i, c in enumerate(self.columns):
            pad = sum(self._pads(i))
            if c.width is not None:
                widths.append(c.width + pad)
            elif c.ratio:
                flexible.append(i)
                widths.append(None)
            else:
                cells = [console.render_str(c.header, highlight=False), *(row[i] for row in self.rows)]
                widest = max(_widest(cell) for cell in cells)
                widths.append(max(widest, c.min_width or 0) + pad)
        if len(flexible) > 1:
            return None
        if flexible:
            (i,) = flexible
            rest = room - sum(w for w in widths if w is not None)
            if rest < max(self.columns[i].width or 1, 1) + sum(self._pads(i)):
                return None
            widths[i] = rest
        if sum(widths) != room or any(w < 1 + sum(self._pads(i)) for i, w in enumerate(widths)):
            return None
        return widths

    # -- drawing ---------------------------------------------------------------------------
    def print(self, console: Console) -> None:
        """Print the table. Its lines are cut at line ends and no wider than the terminal already:
        the console need not do it again (as it does for any renderable), unless Rich's Table
        draws it."""
        console.print(self, crop=self._widths(console, console.width) is None)

    def _widths(self, console: Console, width: int) -> list[int] | None:
        """`widths`, worked out once for a terminal's width (print asks, then draws)."""
        if self._fitted is None or self._fitted[0] != width:
            self._fitted = (width, self.widths(console, width) if self.columns else None)
        return self._fitted[1]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = self._widths(console, options.max_width)
        if widths is None:
            yield self.table()
            return
        table_width = sum(widths) + self._dividers()
        render_options = options.update(width=table_width, highlight=False, height=None)
        if self.title:
            yield from _lines(console, self.title, render_options)
        header_style = console.get_style(self.header_style)
        headers = [console.render_str(c.header, highlight=False) for c in self.columns]
        # the box: blank dividers, a line under the headings (ASCII where the terminal needs it)
        shape = boxes.SIMPLE_HEAD.substitute(options, safe=console.safe_box) if self.rule else None
        last = len(self.rows)
        for index, row in enumerate([headers, *self.rows]):
            divider = None
            if shape:
                edge = shape.foot_vertical if index == last else shape.mid_vertical
                divider = Segment(shape.head_vertical if index == 0 else edge)
            yield from self._row(console, widths, row, header_style, index == 0, divider)
            if shape and index == 0:
                yield Segment(shape.get_row(widths, "head", edge=False), Style.null())
                yield Segment.line()
        if self.caption:
            yield from _lines(console, self.caption, render_options)

    def _row(self, console, widths, cells, header_style, header, divider):
        styles = [header_style if header else console.get_style(c.style or "") for c in self.columns]
        rendered = [
            _cell_lines(console, cell, column, width, *self._pads(i), style)
            for i, (cell, column, width, style) in enumerate(
                zip(cells, self.columns, widths, styles, strict=True)
            )
        ]
        height = max(len(lines) for lines in rendered)
        for i, lines in enumerate(rendered):
            missing = height - len(lines)
            if missing:
                blank = [Segment(" " * widths[i], styles[i])]
                # headings sit at the bottom of their row, cells at the top
                rendered[i] = [blank] * missing + lines if header else lines + [blank] * missing
        new_line = Segment.line()
        for n in range(height):
            for i, lines in enumerate(rendered):
                if i and divider:
                    yield divider
                yield from lines[n]
            yield new_line

    def table(self) -> Table:
        """The same table as Rich's Table draws it."""
        from rich.table import Table

        if self.rule:
            table = Table(
                title=self.title,
                title_justify="left",
                title_style="bold",
                caption=self.caption,
                caption_justify="left",
                box=boxes.SIMPLE_HEAD,
                padding=(0, 1),
                collapse_padding=True,
                pad_edge=False,
                show_edge=False,
                expand=True,
                header_style=self.header_style,
            )
        else:
            table = Table(
                title=self.title,
                title_justify="left",
                title_style="bold",
                box=None,
                padding=(0, 1),
                header_style=self.header_style,
                expand=True,
            )
        for c in self.columns:
            table.add_column(
                c.header,
                justify=c.justify,
                style=c.style,
                no_wrap=c.no_wrap,
                overflow=c.overflow,
                width=c.width,
                min_width=c.min_width,
                ratio=c.ratio,
            )
        for row in self.rows:
            table.add_row(*row)
        return table


def _lines(console: Console, text: Text, options: ConsoleOptions) -> RenderResult:
    """A title or caption, its lines cut at their ends as the console cuts what it prints."""
    rendered = console.render(text, options.update(justify="left"))
    for line in Segment.split_and_crop_lines(rendered, options.max_width, pad=False):
        yield from line


def _widest(cell) -> int:
    """The width Rich measures a cell at: its longest line."""
    plain = cell.plain if isinstance(cell, Text) else cell
    return max((cell_len(line) for line in plain.splitlines()), default=0)


def _cell_lines(console, cell, column: GridColumn, width: int, left: int, right: int, style):
    """The lines of one cell, each exactly `width` cells wide with its padding, all in `style`
    under the cell's own styles (as Rich's Table pads and styles them)."""
    inner = width - left - right
    if isinstance(cell, str):
        cell = console.render_str(cell, highlight=False)
    no_wrap = cell.no_wrap if cell.no_wrap is not None else column.no_wrap
    justify = cell.justify or column.justify
    overflow = cell.overflow or column.overflow
    lines = None
    if hasattr(cell, "plain_lines") and _one_style(cell):
        # a text of one style (or one span over all of it), wrapped straight into strings
        plain = cell.plain_lines(inner, justify, overflow, no_wrap)
        if plain is not None:
            lines = _plain_segments(console, cell, plain, inner)
    if lines is None:
        wrapped = cell.wrap(
            console,
            inner,
            justify=justify,
            overflow=overflow,
            tab_size=console.tab_size if cell.tab_size is None else cell.tab_size,
            no_wrap=no_wrap,
        )
        lines = _segments(console, wrapped, inner, cell.end)
    out = []
    apply = style.__add__ if style else None
    for line in lines:
        if left:
            line.insert(0, Segment(" " * left))
        if right:
            line.append(Segment(" " * right))
        if apply:
            line = [Segment(text, None if control else apply(own), control) for text, own, control in line]
        out.append(line)
    return out


def _one_style(cell: Text) -> bool:
    """Whether a text has no span, or one over all of it (a cell stylized whole)."""
    spans = cell.spans
    return not spans or (len(spans) == 1 and spans[0].start == 0 and spans[0].end >= len(cell.plain))


def _plain_segments(console, cell: Text, lines: list, width: int) -> list[list[Segment]] | None:
    """The segments of the lines of a text of one style, padded to `width`; None if it does not
    end its lines as Text usually does, or a line is wider (then it is rendered as Text). A span
    over the whole text styles the text, not the spaces justification added."""
    if cell.end != "\n":
        return None
    style = console.get_style(cell.style) if cell.style else None
    top = style
    if cell.spans:
        spanned = console.get_style(cell.spans[0].style)
        top = style + spanned if style else spanned
    return _padded(lines, width, style, top)


def _segments(console, lines, width: int, end: str) -> list[list[Segment]]:
    """The segments of each wrapped line, padded to `width`: what Text renders them as."""
    if end == "\n" and not any(line.spans for line in lines) and len({line.style for line in lines}) <= 1:
        # lines of one style that fit: as the strings of a text of one style
        style = console.get_style(lines[0].style) if lines and lines[0].style else None
        fitting = _padded([(0, line.plain, 0) for line in lines], width, style, style)
        if fitting is not None:
            return fitting
    # as Text renders itself: the lines joined (each line's own style becomes a span), then cut
    # at the line ends and padded to the width
    segments = Text("\n").join(lines).render(console, end=end)
    return list(Segment.split_and_crop_lines(segments, width, pad=True, include_new_lines=False))


def _padded(lines: list, width: int, style, top) -> list[list[Segment]] | None:
    """Lines given as (spaces before, text, spaces after), as Text renders them in `style` with
    the text in `top`, each padded to `width` (the padding unstyled); None if one is wider."""
    sizes = [before + cell_len(text) + after for before, text, after in lines]
    if max(sizes, default=0) > width:
        return None
    out = []
    for (before, text, after), size in zip(lines, sizes, strict=True):
        if top is style or not text:
            segments = [Segment(" " * before + text + " " * after, style)] if size else []
        else:
            segments = [Segment(" " * before, style)] if before else []
            segments.append(Segment(text, top))
            if after:
                segments.append(Segment(" " * after, style))
        if size < width:
            segments.append(Segment(" " * (width - size)))
        out.append(segments)
    return out or [[Segment(" " * width)]]
