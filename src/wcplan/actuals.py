"""Reading actuals: CSV or Excel files in, one tidy table (a list of `Actual` records) plus findings out.

This is the one reading path: `wcplan validate` reports its findings, `wcplan status` refuses
to assess while any is an error. Every row either lands in the table or produces a finding
with file, line and column: nothing is dropped silently, nothing is guessed, input files are
only read. LINE is the line an editor shows (the header is line 1; in a workbook, the row
number); COLUMN is the field's position (1 for the first column).

The CSV module reads CSV files so that line numbers stay exact around quoted fields that span
lines. pandas is deliberately not used: `status` reads through this path, and importing pandas
alone costs more than the whole command may (benchmarks/startup.py).
"""

from __future__ import annotations

import csv
import errno
import io
import math
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from wcplan import units, workbook
from wcplan.controls import code, controls
from wcplan.findings import Finding, Severity
from wcplan.i18n import N_, _, ngettext
from wcplan.inputs import record
from wcplan.locate import display_path
from wcplan.periods import FORMS_HELP, Period, parse_period, whole_year
from wcplan.plan import Indicator, Plan
from wcplan.records import Actual

#: Column names wcplan reads, with the headers (English or Chinese) that mean each.
#: 单位 is the measurement unit (亿元, 家, %); 填报单位 is the unit that submits the file.
COLUMNS: dict[str, tuple[str, ...]] = {
    "indicator": ("indicator", "id", "序号", "指标编号", "指标序号"),
    "name": ("name", "indicator name", "指标", "主要指标", "指标名称"),
    "year": ("year", "年份", "年度"),
    "period": ("period", "期间", "时期"),
    "value": ("value", "数值", "实际值", "完成值"),
    "unit": ("unit", "单位", "计量单位"),
    "source": ("source", "来源", "数据来源"),
    "note": ("note", "备注", "说明"),
    "reporter": ("reporter", "填报单位"),
}
_HEADER = {alias.casefold(): column for column, aliases in COLUMNS.items() for alias in aliases}
#: The `source` value that marks a made-up, illustrative figure.
ILLUSTRATIVE = "illustrative"
#: A value more than this many times (or less than its inverse) the previous year's is flagged.
JUMP = 5.0
#: The largest figure (in magnitude) a value may have, as written. No figure of the plan comes near
#: it in any unit (the largest, industrial output, is under 2,000 亿元), and below it every sum,
#: ratio and projection wcplan computes stays finite: a value beyond it is an error at its cell.
MAX_FIGURE = 1e15
SUFFIXES = (".csv", ".xlsx")


@dataclass
class ActualsRead:
    """What reading produced: the tidy table, every finding, and the files read."""

    actuals: list[Actual]
    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    #: Rows of task-progress files among the files read (wcplan.progress), merged.
    progress: list = field(default_factory=list)
    #: Which of `files` were task-progress files.
    progress_files: list[str] = field(default_factory=list)

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


@dataclass(frozen=True)
class ReadOptions:
    #: Decode CSV files with this encoding instead of detecting UTF-8 or GB18030.
    encoding: str | None = None
    #: The worksheet to read from a workbook (default: the first).
    sheet: str | None = None
    #: A folder with no file to read is an error, not a warning (`validate`).
    files_required: bool = False


def expand_paths(paths: Iterable[Path], files_required: bool = False) -> tuple[list[Path], list[Finding]]:
    """Files named, and the CSV and Excel files inside folders named, each once, in a stable order.

    A folder with nothing to read is a warning, or an error with `files_required` (`validate`: a
    CI job pointed at the wrong folder must fail). An entry of a folder named like a file of
    actuals that is no file to read (a symbolic link that loops or leads nowhere) is an error."""
    files: list[Path] = []
    findings: list[Finding] = []
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        found, problems = _folder_files(path)
        findings.extend(problems)
        if not found and not problems:
            findings.append(
                Finding(
                    "no-actuals-files",
                    _("this folder holds no .csv or .xlsx files of actuals."),
                    display_path(path),
                    severity=Severity.ERROR if files_required else Severity.WARNING,
                )
            )
        files.extend(found)
    # realpath, not Path.resolve: it never raises, not even on a symbolic link that loops
    unique = list(dict.fromkeys(Path(os.path.realpath(p)) for p in files))
    return unique, findings


def _folder_files(folder: Path) -> tuple[list[Path], list[Finding]]:
    """The CSV and Excel files of a folder, in name order, and a finding for each entry named like
    one that cannot be read. Only the folder itself is listed: nothing below it, so no loop of
    folders can make the listing endless."""
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        reason = _("cannot read this folder: {reason}.").format(reason=exc.strerror)
        return [], [Finding("folder-unreadable", reason, display_path(folder))]
    found: list[Path] = []
    problems: list[Finding] = []
    for entry in entries:
        if entry.suffix.lower() not in SUFFIXES:
            continue
        try:
            mode = entry.stat().st_mode
        except OSError as exc:
            problems.append(Finding("file-unreadable", _unreachable(entry, exc), display_path(entry)))
            continue
        if stat.S_ISREG(mode):
            found.append(entry)
        elif not stat.S_ISDIR(mode):
            sentence = _("this is not a file that can be read (it is a device, a pipe or a socket).")
            problems.append(Finding("file-unreadable", sentence, display_path(entry)))
    return found, problems


def _unreachable(entry: Path, exc: OSError) -> str:
    """Why the file an entry names cannot be reached."""
    if exc.errno == errno.ELOOP:
        return _("this symbolic link loops back on itself, so there is no file to read.")
    if entry.is_symlink() and exc.errno == errno.ENOENT:
        return _("this symbolic link leads to {target}, which does not exist.").format(
            target=os.readlink(entry)
        )
    return _("cannot read this file: {reason}.").format(reason=exc.strerror)


def read_actuals(
    paths: Sequence[Path], plan: Plan, options: ReadOptions | None = None, tasks=None
) -> ActualsRead:
    """Read every file (folders: their .csv and .xlsx files) and merge them into one table.

    Files whose header has an `item` column are task-progress files (wcplan.progress); they are
    read against `tasks`, the tasks file or a function that loads it (called only when needed).
    """
    options = options or ReadOptions()
    files, findings = expand_paths(paths, options.files_required)
    checker = RowChecker(plan)
    merger = _Merger(findings)
    progress = _ProgressFiles(plan, tasks, findings)
    names: list[str] = []
    for path in files:
        record(path)
        name = display_path(path)
        names.append(name)
        report = _Reporter(name, findings)
        xlsx = path.suffix.lower() == ".xlsx"
        rows = _workbook_rows(path, options, report) if xlsx else _csv_rows(path, options, report)
        _read_table(rows, checker, merger, report, progress)
    merged = merger.merged()
    findings.extend(_jumps(merged, plan))
    return ActualsRead(merged, findings, names, progress.merged(), progress.files)


class _ProgressFiles:
    """Task-progress files met among the inputs: read with the tasks file, loaded on first need."""

    def __init__(self, plan: Plan, tasks, findings: list[Finding]):
        self.plan, self.tasks, self.findings = plan, tasks, findings
        self.reader = None
        self.files: list[str] = []

    def read(self, rows: Rows, header: list[str], line: int, report: _Reporter) -> None:
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
            from wcplan.progress import ProgressReader

            tasks = self.tasks() if callable(self.tasks) else self.tasks
            self.reader = ProgressReader(self.plan, tasks, self.findings)
        self.reader.read(rows, header, line, report)

    def merged(self) -> list:
        return self.reader.merged() if self.reader else []


class _Reporter:
    """Adds findings for one file, and remembers which codes it reported."""

    def __init__(self, name: str, findings: list[Finding]):
        self.name = name
        self.findings = findings
        self.codes: set[str] = set()

    def __call__(self, code, message, line=None, column=None, severity=Severity.ERROR) -> None:
        self.codes.add(code)
        self.findings.append(Finding(code, message, self.name, line, column, severity))


# ── files into rows ──────────────────────────────────────────────────────────

Rows = Iterator[tuple[int, list[str]]]


def _csv_rows(path: Path, options: ReadOptions, report: _Reporter) -> Rows:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        report("file-unreadable", _("cannot read this file: {reason}.").format(reason=exc.strerror))
        return iter(())
    text = _decode(raw, options.encoding, report)
    if text is None:
        return iter(())
    if not text.strip():
        report("empty-file", _("this file is empty: it needs a header row and data rows."))
        return iter(())
    # strict: a stray or unclosed quote is an error, not something to guess around
    return _numbered(csv.reader(io.StringIO(text, newline=""), strict=True), report)


def _decode(raw: bytes, encoding: str | None, report: _Reporter) -> str | None:
    if encoding:
        try:
            return raw.decode(encoding)
        except LookupError:
            report(
                "encoding",
                _("'{encoding}' is not an encoding Python knows; try utf-8 or gb18030.").format(
                    encoding=encoding
                ),
            )
        except UnicodeDecodeError as exc:
            line, column = _position(raw, exc.start)
            report(
                "encoding",
                _("this file cannot be decoded as {encoding} (byte 0x{value:02X}).").format(
                    encoding=encoding, value=raw[exc.start]
                ),
                line,
                column,
            )
        return None
    if raw.startswith(b"PK\x03\x04"):
        report("encoding", _("this is an Excel workbook, not a CSV file; give it the .xlsx extension."))
        return None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        report(
            "encoding",
            _(
                "this file is UTF-16 text (Excel's 'Unicode Text'), not CSV; save it from Excel as 'CSV "
                "UTF-8 (Comma delimited)'."
            ),
        )
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    # GB18030 decodes many byte strings: believe it only when the header it yields is wcplan's.
    if text is not None and _recognised_header(text):
        report(
            "encoding-gb18030",
            _(
                "this file is not UTF-8; it was decoded as GB18030 (GBK), which is what Chinese Excel "
                "writes as 'CSV'. Saving it as 'CSV UTF-8' removes the need to guess."
            ),
            severity=Severity.NOTE,
        )
        return text
    line, column = _position(raw, utf8_error.start)
    report(
        "encoding",
        _(
            "this file is neither UTF-8 nor GBK (byte 0x{value:02X} cannot be decoded); save it from "
            "Excel as 'CSV UTF-8 (Comma delimited)', or name its encoding with --encoding."
        ).format(value=raw[utf8_error.start]),
        line,
        column,
    )
    return None


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    line = raw[:offset].count(b"\n") + 1
    return line, offset - (raw.rfind(b"\n", 0, offset) + 1) + 1


def _recognised_header(text: str) -> bool:
    first = next((line for line in text.splitlines() if line.strip()), "")
    cells = [c.strip().strip('"').casefold() for c in first.split(",")]
    from wcplan.progress import HEADER

    known = {_HEADER.get(c) for c in cells} | {HEADER.get(c) for c in cells}
    return bool(known & {"value", "status"})


def _numbered(reader, report: _Reporter) -> Rows:
    """Yield (line where the record starts, fields); the header is line 1.

    A record the CSV parser cannot read is reported and ends the file: after a broken quote
    there is no reliable way to tell where the next record starts.
    """
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            report(
                "csv-malformed",
                _(
                    "the CSV cannot be read from here on ({exc}); check the quotes in this row. The rest of "
                    "the file was not read."
                ).format(exc=exc),
                start,
            )
            return
        yield start, row
        start = reader.line_num + 1


def _workbook_rows(path: Path, options: ReadOptions, report: _Reporter) -> Rows:
    """Rows of the first (or the named) worksheet; formulas are never evaluated (wcplan.workbook)."""
    try:
        rows = workbook.read_sheet(path, options.sheet)
    except workbook.Unreadable as problem:
        report(problem.code, problem.message, problem.line, problem.column)
        return iter(())
    return iter(rows)


# ── rows into records ────────────────────────────────────────────────────────


def _read_table(
    rows: Rows, checker: RowChecker, merger: _Merger, report: _Reporter, progress: _ProgressFiles
) -> None:
    header_line, header = next(((n, r) for n, r in rows if _filled(r)), (None, None))
    if header is None:
        if not report.codes:  # an unreadable or empty file already said so
            report("empty-file", _("this file holds only blank lines."))
        return
    from wcplan.progress import is_progress_header

    if is_progress_header(header) and not any(
        _HEADER.get(c.strip().casefold()) in ("indicator", "name") for c in header
    ):
        progress.read(rows, header, header_line, report)
        return
    columns = _read_header(header, header_line, report)
    if columns is None:
        return
    layout = [columns.get(c) for c in _CHECKED]
    for line, row in data_rows(rows, header, header_line, report, columns):
        checker.check(row, columns, layout, line, report, merger)


def data_rows(
    rows: Rows, header: list[str], header_line: int, report: _Reporter, columns: dict[str, int]
) -> Rows:
    """The rows after the header that hold data and have the header's width; a ragged row, a
    row in which a merged cell hides a value from one of `columns`, or a file with no data row
    is reported."""
    width = len(header)
    count = 0
    for line, row in rows:
        if not _filled(row):
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
        if type(row) is workbook.MergedRow and _merged_cells(row, line, columns, report):
            continue
        yield line, row
    if count == 0 and "csv-malformed" not in report.codes:
        report("no-data-rows", _("this file has a header but no data rows."), header_line)


def report_controls(row: list[str], positions: Iterable[int | None], line: int, report: _Reporter) -> None:
    """A warning for each cell read that holds control characters (wcplan.controls): an escape
    sequence or a direction override in a note is a paste accident or an attack, never data.
    A warning, not an error: no figure depends on it, and every output shows it harmlessly as
    <U+XXXX>; `validate --strict` refuses it."""
    if "".join(row).isprintable():
        return
    for index in sorted(i for i in positions if i is not None):
        found = controls(row[index])
        if not found:
            continue
        codes = ", ".join(dict.fromkeys(code(ch) for _i, ch in found))
        report(
            "control-character",
            ngettext(
                "this cell holds an invisible control character, {codes}, at character {position}; "
                "outputs show it as <{first}>. Delete it from the file.",
                "this cell holds {n} invisible control characters ({codes}), the first at character "
                "{position}; outputs show each as its code in angle brackets, like <{first}>. Delete them "
                "from the file.",
                len(found),
            ).format(n=len(found), codes=codes, first=code(found[0][1]), position=found[0][0] + 1),
            line,
            index + 1,
            Severity.WARNING,
        )


def _merged_cells(row: workbook.MergedRow, line: int, columns: dict[str, int], report: _Reporter) -> bool:
    """Report each cell of `columns` that a merged range hides; whether there was one."""
    hidden: dict[int, workbook.Merge] = {}
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


def _filled(row: list[str]) -> bool:
    return bool("".join(row).strip())


def map_header(
    header: list[str], line: int, report: _Reporter, aliases: dict[str, str], kind: str = ""
) -> dict[str, int] | None:
    """Column name -> position, from the header's English or Chinese names (`aliases`); an
    unknown name is a warning, the same column twice an error (None)."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        label = cell.strip()
        column = aliases.get(label.casefold())
        if column is None:
            if label:
                report(
                    "unknown-column",
                    _("the column '{label}' is not one wcplan reads{kind}; it is ignored.").format(
                        label=label, kind=kind
                    ),
                    line,
                    index + 1,
                    Severity.WARNING,
                )
            continue
        if column in columns:
            report(
                "duplicate-column",
                _("the column '{label}' means {column}, like column {value}; keep one of them.").format(
                    label=label, column=column, value=columns[column] + 1
                ),
                line,
                index + 1,
            )
            return None
        columns[column] = index
    return columns


def _read_header(header: list[str], line: int, report: _Reporter) -> dict[str, int] | None:
    columns = map_header(header, line, report, _HEADER)
    if columns is None:
        return None
    missing = []
    if "indicator" not in columns and "name" not in columns:
        missing.append(_("indicator (or name)"))
    if "year" not in columns and "period" not in columns:
        missing.append(_("year (or period)"))
    if "value" not in columns:
        missing.append("value")
    if missing:
        found = ", ".join(f"'{c.strip()}'" for c in header if c.strip()) or _("nothing")
        separator = next(
            (name for sep, name in ((";", N_("semicolons")), ("\t", N_("tabs"))) if sep in "".join(header)),
            None,
        )
        if separator:
            found += _("; the file seems separated by {separator}: save it as CSV with commas").format(
                separator=_(separator)
            )
        sentence = ngettext(
            "the header lacks the required column {columns} (found {found}).",
            "the header lacks the required columns {columns} (found {found}).",
            len(missing),
        )
        report("missing-column", sentence.format(columns=_(", ").join(missing), found=found), line)
        return None
    if "source" not in columns:
        report(
            "source-missing",
            _("the header has no 'source' column: say where each value comes from."),
            line,
            severity=Severity.WARNING,
        )
    return columns


_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def _normalised(text: str) -> str:
    """Full-width forms to ASCII (１３００ -> 1300), spaces trimmed; plain ASCII is left as it is."""
    return text.strip() if text.isascii() else unicodedata.normalize("NFKC", text).strip()


def parse_number(text: str) -> float | None:
    """A number written plainly: `1300`, `1,300.5`, full-width `１３００`. Never a formula, never
    nan; one beyond a float's range (a thousand digits, 1e999) is infinite, which the range check
    of `check_value` refuses with every figure beyond MAX_FIGURE."""
    text = _normalised(text)
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    if not _PLAIN.fullmatch(text):
        return None  # rejects 'nan', 'inf', '=1+1', '约300', 'N/A'
    return float(text)


def _parse_int(text: str) -> int | None:
    """A whole number written plainly. No id or year has 19 digits, and int() would refuse
    thousands of them (Python's limit), so longer digit strings are not numbers here."""
    text = _normalised(text)
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 18 else None


def name_key(name: str) -> str:
    """A name compared without spaces or full-width forms: how the plan's names are matched."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name))


_CHECKED = ("indicator", "name", "year", "period", "value", "unit", "source", "note", "reporter")


class RowChecker:
    """Turns one data row into an Actual, or into findings: every check a row gets.

    Files repeat a few indicator, period and unit texts over many rows, so each pure parse
    is memoised by its text; findings are still made per row, with that row's line and column.
    """

    def __init__(self, plan: Plan):
        self.plan = plan
        self.by_name = {name_key(i.name): i for i in plan.indicators}
        ids = [i.id for i in plan.indicators]
        self.id_range = f"{min(ids)}–{max(ids)}"
        self.years = {plan.meta.base_year, *plan.years}
        self.years_help = _("{base} (the baseline) or a plan year, {years}").format(
            base=plan.meta.base_year, years=", ".join(map(str, plan.years))
        )
        self._indicators: dict[tuple[str, str], tuple] = {}
        self._periods: dict[tuple[str, str], tuple] = {}
        self._values: dict[tuple[str, int, str], tuple] = {}
        self._converted: set[tuple[str, str, str]] = set()  # (file, from, to) already named in a note

    def check(
        self,
        row: list[str],
        columns: dict[str, int],
        layout: list[int | None],
        line: int,
        report: _Reporter,
        merger: _Merger,
    ) -> None:
        """Check one row and hand its value to `merger`.

        `layout`: the positions of the _CHECKED columns in `row` (None where a file lacks one).
        """
        id_text, name_text, year_text, period_text, value_text, unit_text, source, note, reporter = [
            row[index].strip() if index is not None else "" for index in layout
        ]
        report_controls(row, layout, line, report)
        ok = True
        key = (id_text, name_text)
        found = self._indicators.get(key)
        if found is None:
            found = self._indicators[key] = self._indicator(*key, columns)
        indicator, problem = found
        if problem:
            report(problem[0], problem[2], line, columns[problem[1]] + 1)
            ok = False

        key = (year_text, period_text)
        found = self._periods.get(key)
        if found is None:
            found = self._periods[key] = self._period(*key, columns)
        period, problem = found
        if problem:
            report(problem[0], problem[2], line, columns[problem[1]] + 1)
            ok = False

        value = None
        if indicator is not None or not value_text:
            key = (value_text, indicator.id if indicator else 0, unit_text)
            found = self._values.get(key)
            if found is None:
                found = self._value(value_text, indicator, unit_text)
                if len(self._values) < 100_000:  # values vary most: bound the memo
                    self._values[key] = found
            value, problem, conversion = found
            if problem:
                report(problem[0], problem[2], line, columns[problem[1]] + 1)
                ok = False
            if conversion and (report.name, unit_text, indicator.unit) not in self._converted:
                self._converted.add((report.name, unit_text, indicator.unit))
                report("unit-converted", conversion, line, columns["unit"] + 1, Severity.NOTE)
        elif value_text and parse_number(value_text.removesuffix("%")) is None:
            report(
                "value-not-number",
                _("the value '{text}' is not a number.").format(text=value_text),
                line,
                columns["value"] + 1,
            )

        if not source and "source" in columns:
            report(
                "source-missing",
                _("the source is empty: say where this value comes from."),
                line,
                columns["source"] + 1,
                Severity.WARNING,
            )
        if indicator is not None and reporter and reporter not in indicator.units():
            report(
                "reporter-not-responsible",
                _(
                    "{reporter} is neither the lead nor a responsible unit of indicator {id} ({value}); a "
                    "unit may only report its own indicators."
                ).format(reporter=reporter, id=indicator.id, value=", ".join(indicator.units())),
                line,
                columns["reporter"] + 1,
            )
            ok = False
        if not ok or value is None:
            return
        if merger.seen(indicator.id, period, value, report.name, line):
            return
        merger.add(
            Actual(
                indicator=indicator.id,
                year=period.year,
                value=value,
                source=source or None,
                note=note or None,
                illustrative=source.casefold() == ILLUSTRATIVE,
                file=report.name,
                line=line,
                period=None if period.whole_year else period.label,
                months=period.months,
                reporter=reporter or None,
            ),
            period.label,
        )

    # Each parse returns (result, problem) where problem is (code, column, sentence) or None.

    def _indicator(self, id_text: str, name_text: str, columns) -> tuple:
        by_id = by_name = None
        if id_text:
            number = _parse_int(id_text)
            if number is None:
                return None, (
                    "indicator-invalid",
                    "indicator",
                    _("'{id_text}' is not an indicator id (a whole number, {id_range}).").format(
                        id_text=id_text, id_range=self.id_range
                    ),
                )
            by_id = self.plan.indicator(number)
            if by_id is None:
                return None, (
                    "unknown-indicator",
                    "indicator",
                    _("indicator {number} is not in the plan (its ids run {id_range}).").format(
                        number=number, id_range=self.id_range
                    ),
                )
        if name_text:
            by_name = self.by_name.get(name_key(name_text))
            if by_name is None:
                return None, (
                    "unknown-indicator",
                    "name",
                    _("no indicator of the plan is called '{name_text}'.").format(name_text=name_text),
                )
        if by_id and by_name and by_id.id != by_name.id:
            return None, (
                "id-name-mismatch",
                "name",
                _(
                    "indicator {id} is '{name}', but this row names '{name_text}' (indicator {id2}); correct "
                    "one of them."
                ).format(id=by_id.id, name=by_id.name, name_text=name_text, id2=by_name.id),
            )
        if by_id is None and by_name is None:
            col = "indicator" if "indicator" in columns else "name"
            return None, ("indicator-missing", col, _("the indicator is empty; give its id or its name."))
        return by_id or by_name, None

    def _period(self, year_text: str, period_text: str, columns) -> tuple:
        year = period = None
        if year_text:
            number = _parse_int(year_text.removesuffix("年"))
            if number is None:
                return None, (
                    "year-invalid",
                    "year",
                    _("'{year_text}' is not a year; give {years_help}.").format(
                        year_text=year_text, years_help=self.years_help
                    ),
                )
            year = whole_year(number)
        if period_text:
            period = parse_period(period_text)
            if period is None:
                return None, (
                    "period-invalid",
                    "period",
                    _("'{period}' is not a period; write it as {forms}.").format(
                        period=period_text, forms=_(FORMS_HELP)
                    ),
                )
        if year and period and year.year != period.year:
            return None, (
                "year-period-mismatch",
                "period",
                _("the period {label} is not in the year {year} given beside it.").format(
                    label=period.label, year=year.year
                ),
            )
        chosen = period or year
        col = "period" if period else "year"
        if chosen is None:
            col = "year" if "year" in columns else "period"
            return None, (
                f"{col}-missing",
                col,
                (
                    _("the year is empty; give {years}.")
                    if col == "year"
                    else _("the period is empty; give {years}.")
                ).format(years=self.years_help),
            )
        if chosen.year not in self.years:
            return None, (
                f"{col}-outside-plan",
                col,
                _("{label} is outside the plan; give {years_help}.").format(
                    label=chosen.label, years_help=self.years_help
                ),
            )
        if chosen.year == self.plan.meta.base_year and not chosen.whole_year:
            return None, (
                "period-outside-plan",
                col,
                _("{label} lies in the base year {year}, which has whole-year values only.").format(
                    label=chosen.label, year=chosen.year
                ),
            )
        return chosen, None

    def _value(self, text: str, indicator: Indicator | None, given: str) -> tuple:
        """(value, problem, conversion note) for a value text of an indicator."""
        if indicator is None:
            return check_value(text, "", given, "")
        return check_value(text, indicator.unit, given, _("indicator {id}").format(id=indicator.id))


def check_value(text: str, unit: str, given: str, subject: str) -> tuple:
    """(value, problem, conversion note) for a value text of an item counted in `unit`;
    `subject` names the item in sentences ('indicator 5', 'commitment C02')."""
    if not text:
        return (
            None,
            (
                "value-missing",
                "value",
                _("the value is empty; leave the row out if there is no figure yet."),
            ),
            None,
        )
    clean = _normalised(text)
    percent_sign = clean.endswith("%")
    value = parse_number(clean[:-1] if percent_sign else clean)
    if value is None:
        return (
            None,
            ("value-not-number", "value", _("the value '{text}' is not a number.").format(text=text)),
            None,
        )
    if not abs(value) <= MAX_FIGURE:
        return (
            None,
            (
                "value-out-of-range",
                "value",
                _("the value '{text}' is out of range: no figure of the plan is beyond {limit}.").format(
                    text=text, limit=f"{MAX_FIGURE:,.0f}"
                ),
            ),
            None,
        )
    value += 0.0  # -0 is 0, and must never show as -0.0 downstream
    if percent_sign and not units.is_percent(unit):
        return (
            None,
            (
                "unit-mismatch",
                "value",
                _("the value '{text}' is a percentage, but {subject} is counted in {unit}.").format(
                    text=text, subject=subject, unit=units.named(unit)
                ),
            ),
            None,
        )
    note = None
    if given and not units.same_unit(given, unit):
        factor = units.conversion(given, unit)
        if factor is None:
            return (
                None,
                (
                    "unit-mismatch",
                    "unit",
                    _("the unit {given} cannot be converted to {unit}, the unit of {subject}.").format(
                        given=units.named(given), unit=units.named(unit), subject=subject
                    ),
                ),
                None,
            )
        note = _(
            "values in {given} are converted to {unit}, the unit of {subject} (here {value} "
            "{given_as_written} "
            "= {converted} {unit_as_written}); further rows of this file are converted without a note."
        ).format(
            given=units.named(given),
            unit=units.named(unit),
            subject=subject,
            value=_fmt(value),
            given_as_written=given,
            converted=_fmt(value * factor),
            unit_as_written=unit,
        )
        value *= factor
    if value < 0:
        return (
            None,
            (
                "negative-value",
                "value",
                _("the value {value} is negative; wcplan's measures cannot be.").format(value=_fmt(value)),
            ),
            None,
        )
    if units.is_count(unit) and not float(value).is_integer():
        return (
            None,
            (
                "fraction-for-count",
                "value",
                _("the value {value} is not a whole number, but {subject} is a count ({unit}).").format(
                    value=_fmt(value), subject=subject, unit=unit
                ),
            ),
            None,
        )
    if units.is_percent(unit) and value > 100:
        return (
            None,
            (
                "percent-out-of-range",
                "value",
                _("the value {value} is a percentage above 100.").format(value=_fmt(value)),
            ),
            None,
        )
    return value, None, note


# ── across rows and files ────────────────────────────────────────────────────


class _Merger:
    """Keeps one record per indicator and months of a year, across all files, as rows are read.

    Figures covering the same months are one figure (2022-06 = 2022-Q2 = 2022-H1; 2022-12 =
    2022-Q4 = 2022-H2 = 2022). A repeated figure never becomes a second record: the same value
    again is a warning, a different value an error naming both places, and then neither value is
    kept (wcplan never chooses).
    """

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        self.first: dict[tuple[int, int, int], Actual] = {}
        self.labels: dict[tuple[int, int, int], str] = {}
        self.conflicted: set[tuple[int, int, int]] = set()

    def add(self, record: Actual, label: str) -> None:
        key = (record.indicator, record.year, record.months)
        self.first[key] = record
        self.labels[key] = label

    def seen(self, indicator: int, period: Period, value: float, file: str, line: int) -> bool:
        """Whether this indicator already has a figure for these months; if so, report the repeat."""
        key = (indicator, period.year, period.months)
        earlier = self.first.get(key)
        if earlier is None:
            return False
        label = period.label
        earlier_label = self.labels[key]
        place = (
            _("line {line}").format(line=earlier.line)
            if earlier.file == file
            else f"{earlier.file}:{earlier.line}"
        )
        if earlier_label != label:
            place = _("{place} (as {label})").format(place=place, label=earlier_label)
        if earlier.value == value or math.isclose(earlier.value, value, rel_tol=1e-12):
            self.findings.append(
                Finding(
                    "duplicate-row",
                    _(
                        "indicator {indicator} for {label} is given again with the same value as at "
                        "{place}; the "
                        "two are one value."
                    ).format(indicator=indicator, label=label, place=place),
                    file,
                    line,
                    None,
                    Severity.WARNING,
                )
            )
        else:
            self.conflicted.add(key)
            self.findings.append(
                Finding(
                    "conflicting-values",
                    _(
                        "indicator {indicator} for {label} is {value} here but {value2} at {place}; "
                        "keep one of "
                        "them."
                    ).format(
                        indicator=indicator,
                        label=label,
                        value=_fmt(value),
                        value2=_fmt(earlier.value),
                        place=place,
                    ),
                    file,
                    line,
                )
            )
        return True

    def merged(self) -> list[Actual]:
        return [r for k, r in self.first.items() if k not in self.conflicted]


def _jumps(actuals: list[Actual], plan: Plan) -> list[Finding]:
    """Warn where a whole-year value is over 5x, or under a fifth of, the previous year's figure:
    its actual where there is one, else its target (or the baseline before the first plan year)."""
    years = {(a.indicator, a.year): a for a in actuals if a.period is None}
    found = []
    for (ident, year), actual in years.items():
        indicator = plan.indicator(ident)
        previous = years.get((ident, year - 1))
        if previous is not None:
            reference, what = previous.value, _("its {year} actual").format(year=year - 1)
        elif year - 1 in indicator.targets:
            reference, what = float(indicator.targets[year - 1]), _("its {year} target").format(year=year - 1)
        elif year - 1 == plan.meta.base_year and indicator.baseline is not None:
            reference, what = float(indicator.baseline), _("its {year} baseline").format(year=year - 1)
        else:
            continue
        if reference <= 0:
            continue
        ratio = actual.value / reference
        if ratio > JUMP or ratio < 1 / JUMP:
            size = (
                _("more than {factor} times {what}")
                if ratio > JUMP
                else _("less than a {factor}th of {what}")
            ).format(factor=f"{JUMP:g}", what=what)
            found.append(
                Finding(
                    "implausible-jump",
                    _(
                        "indicator {id} is {value} in {year}, {comparison} ({reference}); check the "
                        "figure and "
                        "its unit ({unit})."
                    ).format(
                        id=ident,
                        value=_fmt(actual.value),
                        year=year,
                        comparison=size,
                        reference=_fmt(reference),
                        unit=units.named(indicator.unit),
                    ),
                    actual.file,
                    actual.line,
                    severity=Severity.WARNING,
                )
            )
    return found


def _fmt(value: float) -> str:
    return f"{value:.10g}"
