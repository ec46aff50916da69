"""Reading actuals: CSV or Excel files in, one tidy table (a list of `Actual` records) plus findings out.

This is the one reading path: `wcplan validate` reports its findings, `wcplan status` refuses
to assess while any is an error. Every row either lands in the table or produces a finding
with file, line and column: nothing is dropped silently, nothing is guessed, input files are
only read. LINE is the line an editor shows (the header is line 1; in a workbook, the row
number); COLUMN is the field's position (1 for the first column).

The pieces are the reading package's: files (wcplan.reading.files), rows of CSV or of a
workbook (csvrows, workbook), the header (headers), each row's checks (rowcheck), and the
merging of figures across files (merging). A file whose header has an `item` column is a
task-progress file, handed to wcplan.reading.progress.

A CSV file of BULK_SIZE lines or more is read column by column with numpy (wcplan.reading.columns
and cells), each distinct text checked once by the same functions, with the same findings.
Smaller files never import numpy, and no file of actuals imports pandas: importing it alone costs
more than `status` may (benchmarks/startup.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from wcplan.base.findings import Batch, Finding, Severity, Validation, expand, validate
from wcplan.base.i18n import _
from wcplan.base.paths import display_path
from wcplan.base.plain import clean, frame
from wcplan.model.plan import Plan
from wcplan.model.records import Actual, Progress
from wcplan.reading.csvrows import csv_file, text_rows
from wcplan.reading.files import expand_paths, record
from wcplan.reading.headers import actuals_columns, is_progress_header
from wcplan.reading.merging import ActualsMerger, implausible_jumps
from wcplan.reading.progress import ProgressReader
from wcplan.reading.rowcheck import CHECKED, RowChecker
from wcplan.reading.table import Reporter, Rows, data_rows, header_row
from wcplan.reading.workbook import workbook_rows

if TYPE_CHECKING:
    import pandas

#: A CSV file of actuals with at least this many lines is read column by column
#: (wcplan.reading.columns), when it is plain enough for that. Measured as whole `validate -f json`
#: processes (CPU seconds, medians of 5): rows / columns at 20,000 rows 0.16 / 0.19 (every row a
#: duplicate) and 0.20 / 0.22 (every row a conflict); at 40,000 rows 0.24 / 0.21 and 0.32 / 0.25;
#: at 60,000 rows 0.31 / 0.20 and 0.43 / 0.27. Columns cost a fixed 0.07 s or so (importing numpy
#: first), then far less per row: they break even near 30,000 rows. (With pandas, as they once
#: read, near 60,000: the line is still there, so that files of an ordinary size are read as
#: before.)
BULK_SIZE = 60_000


@dataclass
class ActualsRead:
    """What reading produced: the tidy table, every finding, and the files read."""

    actuals: list[Actual]
    #: The findings as read: a large file's are one Batch, whose sentences are made when needed.
    found: list[Finding | Batch] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    #: Rows of task-progress files among the files read (wcplan.reading.progress), merged.
    progress: list[Progress] = field(default_factory=list)
    #: Which of `files` were task-progress files.
    progress_files: list[str] = field(default_factory=list)
    #: With ReadOptions.trace, the rows of actuals that did not become data (a problem, a value
    #: not filled in, a repeat), by (file, line): the (indicator id, year, months) they name, where
    #: both could be read. A finding at such a row can so be traced to its indicator
    #: (wcplan.rules.submissions). None when the rows were not traced.
    unread: dict[tuple[str, int], tuple[int, int, int]] | None = None

    @cached_property
    def findings(self) -> list[Finding]:
        """Every finding, in the order found."""
        return expand(self.found)

    @property
    def actuals_files(self) -> list[str]:
        return [f for f in self.files if f not in self.progress_files]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.WARNING]

    @property
    def notes(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.NOTE]

    def validate(self, strict: bool = False) -> Validation:
        """The findings ordered by file, line and column, counted and judged (`strict`: warnings
        fail too), as `wcplan validate` reports them."""
        return validate(self.files, self.found, strict)

    def to_records(self, what: Literal["actuals", "progress", "findings"] = "actuals") -> list[dict]:
        """The tidy table of actuals as plain records, one per figure (or the task progress, or the
        findings)."""
        if what == "findings":
            return [f.to_dict() for f in self.findings]
        rows = self.progress if what == "progress" else self.actuals
        return [
            {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in clean(row._asdict()).items()}
            for row in rows
        ]

    def to_frame(self, what: Literal["actuals", "progress", "findings"] = "actuals") -> pandas.DataFrame:
        """The records of `to_records` as a pandas DataFrame (pandas is imported here)."""
        fields = {"actuals": Actual._fields, "progress": Progress._fields, "findings": Finding._fields}
        return frame(self.to_records(what), list(fields[what]))


@dataclass(frozen=True)
class ReadOptions:
    #: Decode CSV files with this encoding instead of detecting UTF-8 or GB18030.
    encoding: str | None = None
    #: The worksheet to read from a workbook (default: the first).
    sheet: str | None = None
    #: A folder with no file to read is an error, not a warning (`validate`).
    files_required: bool = False
    #: Keep ActualsRead.unread: what each row that did not become data names (wcplan submissions).
    #: Off by default: in a file of a million repeated rows it would hold a million entries.
    trace: bool = False


def read_actuals(
    paths: Sequence[Path], plan: Plan, options: ReadOptions | None = None, tasks=None
) -> ActualsRead:
    """Read every file (folders: their .csv and .xlsx files) and merge them into one table.

    Files whose header has an `item` column are task-progress files (wcplan.reading.progress); they are
    read against `tasks`, the tasks file or a function that loads it (called only when needed).
    """
    options = options or ReadOptions()
    files, findings = expand_paths(paths, options.files_required)
    checker = RowChecker(plan, options.trace)
    merger = ActualsMerger(findings)
    progress = ProgressFiles(plan, tasks, findings)
    names: list[str] = []
    for path in files:
        record(path)
        name = display_path(path)
        names.append(name)
        report = Reporter(name, findings)
        if path.suffix.lower() == ".xlsx":
            text, utf8, rows = None, None, workbook_rows(path, options.sheet, report)
        else:
            text, utf8 = csv_file(path, options.encoding, report)
            rows = text_rows(text, report)
        read_table(rows, checker, merger, report, progress, text, utf8)
    merged = merger.merged()
    findings.extend(implausible_jumps(merged, plan))
    return ActualsRead(merged, findings, names, progress.merged(), progress.files, checker.unread)


class ProgressFiles:
    """Task-progress files met among the inputs: read with the tasks file, loaded on first need."""

    def __init__(self, plan: Plan, tasks, findings: list[Finding]):
        self.plan, self.tasks, self.findings = plan, tasks, findings
        self.reader = None
        self.files: list[str] = []

    def read(self, rows: Rows, header: list[str], line: int, report: Reporter) -> None:
        self.files.append(report.name)
        if self.tasks is None:
            report(
                "progress-not-expected",
                _(
                    "this is a task-progress file (it has an 'item' column), not a file of indicator "
                    "actuals; keep it in the progress/ folder."
                ),
                line,
            )
            return
        if self.reader is None:
            tasks = self.tasks() if callable(self.tasks) else self.tasks
            self.reader = ProgressReader(self.plan, tasks, self.findings)
        self.reader.read(rows, header, line, report)

    def merged(self) -> list:
        return self.reader.merged() if self.reader else []


def read_table(
    rows: Rows,
    checker: RowChecker,
    merger: ActualsMerger,
    report: Reporter,
    progress: ProgressFiles,
    text: str | None = None,
    utf8: memoryview | None = None,
) -> None:
    """Read the rows of one file (`text`: the text of a CSV file, which a large one is read from
    column by column, when it is plain enough for that: wcplan.reading.columns; `utf8`: the text
    as UTF-8, when the file holds it so)."""
    header_line, header = header_row(rows)
    if header is None:
        if not report.codes:  # an unreadable or empty file already said so
            report("empty-file", _("this file holds only blank lines."))
        return
    if is_progress_header(header):
        progress.read(rows, header, header_line, report)
        return
    columns = actuals_columns(header, header_line, report)
    if columns is None:
        return
    layout = [columns.get(c) for c in CHECKED]
    counted = None  # (rows read, rows not filled in) when read column by column
    if text is not None and checker.unread is None and header_line == 1 and text.count("\n") >= BULK_SIZE:
        from wcplan.reading.columns import read_columns

        data = text.encode("utf-8") if utf8 is None else utf8
        counted = read_columns(data, len(header), columns, layout, checker, merger, report)
    if counted is not None:
        read, unfilled = counted
    else:
        read = unfilled = 0
        for line, row in data_rows(rows, header, header_line, report, columns):
            read += 1
            unfilled += checker.check(row, columns, layout, line, report, merger)
    if read and unfilled == read:
        # A file that holds no figure at all says nothing, like one without data rows: an error, so
        # that a fill-in sheet sent back empty cannot pass CI. One partly filled is valid.
        report(
            "nothing-filled",
            _(
                "no row of this file has a value: it is a fill-in sheet not filled in yet. Fill in the "
                "values before submitting it."
            ),
            header_line,
        )
