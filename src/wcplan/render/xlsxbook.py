"""A workbook built whole, then written by XlsxWriter: `Sheet` holds rows of values and a style per
cell as openpyxl would hold them (so that a sheet's widths can come from all its rows before any is
written), and `save` writes every cell with a value or a style, typed: text always as a string,
never a formula. Every sheet prints on A4 landscape, one page wide, its title and header rows on
each page, the report's title above and the page number below."""

from __future__ import annotations

import datetime as dt
import io
import re

from wcplan.base.controls import visible
from wcplan.base.i18n import _


class Sheet:
    """A sheet built whole before it is written (its widths come from every row): rows of values and
    a style per cell (font, fill, number format, alignment, quote prefix), as a reader sees them."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.rows: list[list] = []
        self.styles: dict[tuple[int, int], dict] = {}
        self.widths: dict[int, int] = {}
        self.heights: dict[int, float] = {}
        self.merged: list[int] = []  # rows merged across the table's columns
        self.table = False  # title row, then a header row: frozen, filtered, repeated on each page

    @property
    def max_row(self) -> int:
        return len(self.rows)

    @property
    def max_column(self) -> int:
        return max(map(len, self.rows), default=1)

    def value(self, row: int, column: int):
        values = self.rows[row - 1]
        return values[column - 1] if column <= len(values) else None

    def style(self, row: int, column: int, **style) -> None:
        self.styles.setdefault((row, column), {}).update(style)

    def font(self, row: int, column: int) -> tuple:
        return self.styles.get((row, column), {}).get("font", (None, None))


def save(sheets: list[Sheet], made_on: dt.date, page_title: str) -> bytes:
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    # the report's date, not the clock's: the same report makes the same file (SOURCE_DATE_EPOCH)
    book.set_properties({"created": dt.datetime.combine(made_on, dt.time(), dt.UTC)})
    formats: dict = {}
    for sheet in sheets:
        _write(book, sheet, formats, page_title)
    book.close()
    return out.getvalue()


def _format(book, formats: dict, style: dict):
    """One XlsxWriter format per style (fonts bold; colours as openpyxl's RRGGBB)."""
    key = tuple(sorted(style.items()))
    if key not in formats:
        spec: dict = {}
        if "font" in style:
            size, colour = style["font"]
            spec.update(bold=True, **({"font_size": size} if size else {}))
            spec.update({"font_color": "#" + colour} if colour else {})
        if "fill" in style:
            spec.update(pattern=1, bg_color="#" + style["fill"])
        if style.get("num"):
            spec["num_format"] = style["num"]
        wrap, vertical, horizontal = style.get("align", (None, None, None))
        spec.update({"text_wrap": True} if wrap else {}, **({"valign": vertical} if vertical else {}))
        spec.update(
            {"align": horizontal} if horizontal else {},
            **({"quote_prefix": True} if style.get("quote") else {}),
        )
        formats[key] = book.add_format(spec)
    return formats[key]


def _write(book, sheet: Sheet, formats: dict, page_title: str) -> None:
    """Every cell with a value or a style, typed: text always as a string (never a formula)."""
    ws = book.add_worksheet(sheet.name)
    last = sheet.max_column
    for r in sheet.merged:
        style = sheet.styles.get((r, 1))
        ws.merge_range(r - 1, 0, r - 1, last - 1, None, style and _format(book, formats, style))
    cells = {(r, c) for r, row in enumerate(sheet.rows, 1) for c, v in enumerate(row, 1) if v is not None}
    merged = set(sheet.merged)
    for r, c in sorted(cells | set(sheet.styles)):
        if r in merged and c > 1:
            continue
        value, style = sheet.value(r, c), sheet.styles.get((r, c))
        cell_format = style and _format(book, formats, style)
        if isinstance(value, str):
            ws.write_string(r - 1, c - 1, _fitting(value), cell_format)
        elif isinstance(value, bool):
            ws.write_boolean(r - 1, c - 1, value, cell_format)
        elif isinstance(value, (int, float)):
            ws.write_number(r - 1, c - 1, value, cell_format)
        elif isinstance(value, dt.date):
            ws.write_datetime(r - 1, c - 1, value, cell_format)
        elif value is None:
            ws.write_blank(r - 1, c - 1, None, cell_format)
        else:
            raise TypeError(f"no cell for {type(value).__name__}")
    for column, width in sheet.widths.items():
        ws.set_column_pixels(column - 1, column - 1, width * 7)  # 7 pixels a character: `width` exactly
    for r, height in sheet.heights.items():
        ws.set_row_pixels(r - 1, height / 0.75)  # in pixels, as many as the points asked: not rounded
    if sheet.table:
        ws.freeze_panes(2, 0)
        if sheet.max_row > 2:
            ws.autofilter(1, 0, sheet.max_row - 1, last - 1)
        ws.repeat_rows(0, 1)
    _print_setup(ws, page_title)


#: The most characters an Excel cell holds.
EXCEL_TEXT = 32767


def _fitting(text: str) -> str:
    """A text as a cell can hold it: one longer than Excel's limit is cut there and ends in …, so
    that the cut shows (XlsxWriter would cut it without a sign). Other formats hold it whole."""
    return text if len(text) <= EXCEL_TEXT else text[: EXCEL_TEXT - 1] + "…"


def _print_setup(ws, page_title: str) -> None:
    """A4 landscape, one page wide (as many pages long as it takes), the title and header rows on
    every page, the report's title above and the page number below."""
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.center_horizontally()
    ws.set_margins(left=0.5, right=0.5, top=0.75, bottom=0.75)
    ws.set_header("&C&9 " + _header_text(visible(page_title)), margin=0.5)
    page = _("page {page} of {pages}").replace("&", "&&")
    ws.set_footer("&C&9 " + page.replace("{page}", "&P").replace("{pages}", "&N"), margin=0.5)


def _header_text(title: str) -> str:
    """The title as a header's text: & doubled (a lone & starts a code); an & before G or [Picture]
    as a full-width ＆ (XlsxWriter takes &G for a picture's place, even after an &); shortened, with
    …, to Excel's 255 characters of header."""
    title = re.sub(r"&(?=G|\[Picture\])", "＆", title)
    title = title[:251]  # longer than fits whatever it holds
    escaped = title.replace("&", "&&")
    while _utf16("&C&9 " + escaped) > 255:
        title = title[:-1]
        escaped = title.replace("&", "&&") + "…"
    return escaped


def _utf16(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2
