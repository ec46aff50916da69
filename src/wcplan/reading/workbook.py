"""Reading one worksheet of an .xlsx workbook as rows of text, within bounds.

A workbook is a zip of XML parts that openpyxl parses, and a submitted one is untrusted: it may
be damaged, or built to inflate to gigabytes or to declare a sheet of a million rows by 16,384
columns. So that any workbook costs at most one sentence and a second or two:

- before openpyxl opens it, the file and the sizes its parts declare are checked against
  MAX_UNPACKED. zipfile never inflates a part past its declared size (it stops there and the
  checksum fails), so the declared sizes bound what is read, whatever the compression ratio;
- the chosen worksheet is parsed by openpyxl's own sheet parser, cell by cell as the file holds
  them. The sheet's declared dimension is never trusted (openpyxl's read-only rows are padded to
  it, and stop at it), and data beyond MAX_ROWS or MAX_COLUMNS refuses the sheet in one sentence;
- whatever openpyxl raises while reading becomes one sentence naming the file.

Rows carry their own row numbers, so a row whose first cells are empty is read like any other.
A merged range shows its first cell's value across the range, but the file holds it only in
that first cell; rows in which a merge hides a value are MergedRows, which the reader reports.
"""

from __future__ import annotations

import functools
import math
import warnings
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from wcplan.base.i18n import _
from wcplan.base.packages import import_openpyxl

#: The most a workbook may hold once unpacked. A table of actuals or progress is far smaller
#: (10,000 rows are under 3 MiB), and openpyxl parses about 8 MiB a second of the densest sheet,
#: so that reading the largest workbook still takes under two seconds.
MAX_UNPACKED = 8 * 2**20
#: Rows and columns of a sheet that are read: the plan's 42 indicators by month for four years
#: are about 2,000 rows, and a table needs its nine columns and a few of notes.
MAX_ROWS = 20_000
MAX_COLUMNS = 64


class Unreadable(Exception):
    """The workbook, or the sheet asked for, cannot be read: one finding's code and sentence."""

    def __init__(self, code: str, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.code, self.message, self.line, self.column = code, message, line, column


class Merge(NamedTuple):
    """A merged range whose first cell holds a value, which Excel shows across the range."""

    cells: str  # A2:A4
    anchor: tuple[int, int]  # (row, column) of the first cell, which holds the value
    shown: str
    columns: range  # the range's columns, 1-based

    def hides(self, row: int, column: int) -> bool:
        return column in self.columns and (row, column) != self.anchor


class MergedRow(list):
    """A row of cell texts in which merged ranges hide a value (see Merge.hides)."""

    def __init__(self, cells: list[str], merges: list[Merge]):
        super().__init__(cells)
        self.merges = merges


Rows = list[tuple[int, list[str]]]


def read_sheet(path: Path, sheet: str | None = None) -> Rows:
    """(row number, cell texts) of each row with data of the named (or the first) worksheet,
    every row as wide as the widest; raises Unreadable."""
    _check_size(path)
    import_openpyxl()
    from openpyxl import load_workbook

    with warnings.catch_warnings():
        # openpyxl warns of parts it skips (data validation, a date beyond the calendar); they
        # change nothing wcplan reads, and a cell it cannot read comes back as text to check.
        warnings.simplefilter("ignore")
        try:
            book = load_workbook(path, read_only=True, data_only=False)
        except Exception as exc:  # any failure of the parser on a damaged file, whatever its type
            raise _damaged(exc) from None
        try:
            return _rows(*_cells(book, _choose(book, sheet)))
        except Unreadable:
            raise
        except Exception as exc:
            raise _damaged(exc) from None
        finally:
            book.close()


def _damaged(exc: Exception) -> Unreadable:
    return Unreadable(
        "file-unreadable",
        _(
            "cannot read this file as an Excel workbook ({error}); if Excel opens it, save it again from "
            "Excel."
        ).format(error=f"{type(exc).__name__}: {exc}"),
    )


def _check_size(path: Path) -> None:
    import zipfile

    limit = f"{MAX_UNPACKED / 2**20:.0f}"
    try:
        size = path.stat().st_size
        if size <= MAX_UNPACKED:  # a larger file is not opened: it may list millions of parts
            with zipfile.ZipFile(path) as archive:
                unpacked = sum(part.file_size for part in archive.infolist())
    except OSError as exc:
        raise Unreadable(
            "file-unreadable", _("cannot read this file: {reason}.").format(reason=exc.strerror)
        ) from None
    except Exception as exc:  # BadZipFile, or whatever else zipfile meets in a damaged archive
        raise _damaged(exc) from None
    if size > MAX_UNPACKED:
        raise Unreadable(
            "workbook-too-large",
            _(
                "this file is {size} MiB, more than the {limit} MiB wcplan reads of a workbook; save "
                "the table alone in a new workbook."
            ).format(size=math.ceil(size / 2**20), limit=limit),
        )
    if unpacked > MAX_UNPACKED:
        raise Unreadable(
            "workbook-too-large",
            _(
                "this workbook unpacks to {size} MiB, more than the {limit} MiB wcplan reads; save the "
                "table alone in a new workbook."
            ).format(size=math.ceil(unpacked / 2**20), limit=limit),
        )


def _choose(book, name: str | None):
    worksheets = [s.title for s in book.worksheets]
    if not book.sheetnames:  # a damaged workbook part may list no sheet at all
        raise Unreadable("sheet-missing", _("the workbook has no worksheet to read."))
    if not worksheets:
        raise Unreadable("sheet-missing", _("this workbook holds only charts, no worksheet of figures."))
    if name is None:
        return book.worksheets[0]
    if name not in book.sheetnames:
        raise Unreadable(
            "sheet-missing",
            _("the workbook has no sheet called '{sheet}' (it has {value}).").format(
                sheet=name, value=", ".join(book.sheetnames)
            ),
        )
    if name not in worksheets:
        raise Unreadable(
            "sheet-missing",
            _("the sheet '{sheet}' is a chart, not a table; name a worksheet with --sheet ({value}).").format(
                sheet=name, value=", ".join(worksheets)
            ),
        )
    return book[name]


def _cells(book, sheet) -> tuple[dict[int, dict[int, str]], list[str]]:
    """The texts of the cells with data, by row and column, and the merged ranges of the sheet."""
    from openpyxl.cell.read_only import ReadOnlyCell

    # openpyxl's read-only sheets parse their part with this parser too, but pad every row to the
    # sheet's declared dimension; read here, a row costs only the cells it holds.
    open_part, strings = sheet._get_source, sheet._shared_strings
    formats = {
        "epoch": book.epoch,
        "date_formats": book._date_formats,
        "timedelta_formats": book._timedelta_formats,
    }
    rows: dict[int, dict[int, str]] = {}
    percent: dict[int, bool] = {}  # style id -> whether its number format shows a percentage
    with open_part() as part:
        parser = _parser()(part, strings, **formats)
        for number, parsed in parser.parse():
            texts = {}
            for cell in parsed:
                value, style = cell["value"], cell["style_id"]
                if isinstance(value, int | float) and style not in percent:
                    percent[style] = "%" in (ReadOnlyCell(sheet, **cell).number_format or "")
                text = _cell_text(value, percent.get(style, False))
                if not text.strip():
                    continue
                if cell["column"] > MAX_COLUMNS:
                    raise Unreadable(
                        "sheet-too-large",
                        _(
                            "this cell holds data, but wcplan reads only the first {limit} columns of a "
                            "sheet (A to {last}); move the table to the left."
                        ).format(limit=MAX_COLUMNS, last=_letter(MAX_COLUMNS)),
                        number,
                        cell["column"],
                    )
                texts[cell["column"]] = text
            if not texts:
                continue
            if number < 1:
                raise ValueError(f"row number {number}")
            if number > MAX_ROWS:
                raise Unreadable(
                    "sheet-too-large",
                    _(
                        "this row holds data, but wcplan reads only the first {limit} rows of a sheet; "
                        "split the table into several files."
                    ).format(limit=f"{MAX_ROWS:,}"),
                    number,
                )
            rows.setdefault(number, {}).update(texts)
        merges = [m.ref for m in parser.merged_cells.mergeCell] if parser.merged_cells else []
    return rows, merges


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)


def _rows(cells: dict[int, dict[int, str]], merged: list[str]) -> Rows:
    """Every row as wide as the widest, in row order; rows where a merge hides a value as MergedRows."""
    width = max((max(texts) for texts in cells.values()), default=0)
    numbers = sorted(cells)
    hiding = _merges(cells, merged, numbers, width)
    rows: Rows = []
    for number in numbers:
        row = [""] * width
        for column, text in cells[number].items():
            row[column - 1] = text
        merges = hiding.get(number)
        rows.append((number, MergedRow(row, merges) if merges else row))
    return rows


def _merges(
    cells: dict[int, dict[int, str]], merged: list[str], numbers: list[int], width: int
) -> dict[int, list[Merge]]:
    """Row number -> the merges that hide a value in that row, for the rows with data."""
    from openpyxl.worksheet.cell_range import CellRange

    hiding: dict[int, list[Merge]] = {}
    last = numbers[-1] if numbers else 0
    area = 0
    for ref in merged:
        first_column, first_row, last_column, last_row = CellRange(ref).bounds
        shown = cells.get(first_row, {}).get(first_column)
        if not shown:
            continue  # an empty first cell: the range hides nothing
        # Merged ranges never overlap in a sound workbook, so together they cover at most the
        # rows and columns with data; more means they overlap, and marking them has no bound.
        area += (min(last_row, last) - first_row + 1) * (min(last_column, width) - first_column + 1)
        if area > last * width:
            raise ValueError("merged cells overlap")
        merge = Merge(ref, (first_row, first_column), shown, range(first_column, last_column + 1))
        for number in numbers[bisect_left(numbers, first_row) : bisect_right(numbers, last_row)]:
            hiding.setdefault(number, []).append(merge)
    return hiding


@functools.cache
def _parser():
    """openpyxl's sheet parser, keeping as written the numbers it cannot hold."""
    from openpyxl.utils import coordinate_to_tuple
    from openpyxl.worksheet._reader import VALUE_TAG, WorkSheetParser

    class Parser(WorkSheetParser):
        def parse_cell(self, element):
            try:
                cell = super().parse_cell(element)
            except ValueError:
                # int() refuses a whole number of thousands of digits (Python's limit)
                written = element.findtext(VALUE_TAG) or ""
                if element.get("t", "n") != "n" or not written.lstrip("+-").isdigit():
                    raise
                reference = element.get("r")
                row, column = (
                    coordinate_to_tuple(reference) if reference else (self.row_counter, self.col_counter)
                )
                cell = {"row": row, "column": column, "value": written, "data_type": "s", "style_id": 0}
            value = cell["value"]
            if isinstance(value, float) and not math.isfinite(value):  # 1e999
                cell.update(value=element.findtext(VALUE_TAG), data_type="s")
            # Such a number goes on as written, and the value checks report it at its cell.
            return cell

    return Parser


def _cell_text(value, percent: bool = False) -> str:
    """A cell's value as the text a CSV file would hold (`percent`: its number format shows a
    percentage); a formula stays a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        if percent:
            return f"{_number_text(value * 100)}%"  # a cell formatted as 27% holds 0.27
        return _number_text(value)
    return str(value)


def _number_text(value: float) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))  # beyond 1e16 a float's int() has digits it never held
    return repr(round(value, 10)) if isinstance(value, float) else str(value)


def workbook_rows(path: Path, sheet: str | None, report) -> Iterator[tuple[int, list[str]]]:
    """Rows of the first (or the named) worksheet, each failure one finding through `report`
    (a wcplan.reading.table.Reporter); formulas are never evaluated."""
    try:
        rows = read_sheet(path, sheet)
    except Unreadable as problem:
        report(problem.code, problem.message, problem.line, problem.column)
        return iter(())
    return iter(rows)
