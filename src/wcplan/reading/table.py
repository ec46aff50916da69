"""A table of text read from one file: its rows numbered as an editor shows them, the findings
made about it (`Reporter`), and the data rows after its header.

Shared by every reader (wcplan.reading.actuals, wcplan.reading.progress), whatever the file's
format (wcplan.reading.csvrows, wcplan.reading.workbook).
"""

from __future__ import annotations

from collections.abc import Iterator

from wcplan.base.findings import Finding, Severity
from wcplan.base.i18n import _
from wcplan.reading.workbook import Merge, MergedRow

#: (line where the row starts, its cells as text); the header is line 1.
Rows = Iterator[tuple[int, list[str]]]


class Reporter:
    """Adds findings for one file, and remembers which codes it reported."""

    def __init__(self, name: str, findings: list[Finding]):
        self.name = name
        self.findings = findings
        self.codes: set[str] = set()

    def __call__(self, code, message, line=None, column=None, severity=Severity.ERROR) -> None:
        self.codes.add(code)
        self.findings.append(Finding(code, message, self.name, line, column, severity))


def header_row(rows: Rows) -> tuple[int | None, list[str] | None]:
    """(line, cells) of the first row with anything in it: the header; (None, None) for none."""
    return next(((n, r) for n, r in rows if filled(r)), (None, None))


def data_rows(
    rows: Rows, header: list[str], header_line: int, report: Reporter, columns: dict[str, int]
) -> Rows:
    """The rows after the header that hold data and have the header's width; a ragged row, a
    row in which a merged cell hides a value from one of `columns`, or a file with no data row
    is reported."""
    width = len(header)
    count = 0
    for line, row in rows:
        if not filled(row):
            continue  # blank rows are ignored
        count += 1
        if len(row) != width:
            report(
                "ragged-row",
                _(
                    "this row has {value} fields but the header has {width}; check for a missing or extra "
                    "comma."
                ).format(value=len(row), width=width),
                line,
                min(len(row), width) + 1,
            )
            continue
        if type(row) is MergedRow and merged_cells(row, line, columns, report):
            continue
        yield line, row
    if count == 0 and "csv-malformed" not in report.codes:
        report("no-data-rows", _("this file has a header but no data rows."), header_line)


def merged_cells(row: MergedRow, line: int, columns: dict[str, int], report: Reporter) -> bool:
    """Report each cell of `columns` that a merged range hides; whether there was one."""
    hidden: dict[int, Merge] = {}
    for merge in row.merges:
        for index in columns.values():
            if merge.hides(line, index + 1):
                hidden.setdefault(index + 1, merge)
    for column, merge in sorted(hidden.items(), key=lambda item: item[0]):
        report(
            "merged-cell",
            _(
                "this cell is one of the merged cells {cells}: Excel shows '{shown}' here, but the file "
                "holds it only in the first of them; unmerge the cells and fill in each one."
            ).format(cells=merge.cells, shown=merge.shown),
            line,
            column,
        )
    return bool(hidden)


def filled(row: list[str]) -> bool:
    return bool("".join(row).strip())
