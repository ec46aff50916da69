"""Reading actuals: CSV files in, one tidy table (a list of `Actual` records) plus findings out.

Every row either lands in the table or produces a finding with file, line and column:
nothing is dropped silently, nothing is guessed, and input files are only read.
The CSV module reads the files so that every line number is the one an editor shows,
even around quoted fields that span lines. pandas is deliberately not used on this path:
`status` reads through it, and importing pandas alone costs more than the whole command
may (benchmarks/startup.py).
"""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from wcplan.findings import Finding, Severity
from wcplan.locate import display_path
from wcplan.plan import Plan
from wcplan.records import Actual

REQUIRED_COLUMNS = ("indicator", "year", "value")
OPTIONAL_COLUMNS = ("source", "note")
#: The `source` value that marks a made-up, illustrative figure.
ILLUSTRATIVE = "illustrative"


@dataclass
class ActualsRead:
    """What reading produced: the tidy table, every finding, and the files read."""

    actuals: list[Actual]
    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.is_error]


def expand_paths(paths: Iterable[Path]) -> tuple[list[Path], list[Finding]]:
    """Files named, and the CSV files inside folders named, each once, in a stable order."""
    files: list[Path] = []
    findings: list[Finding] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.glob("*.csv") if p.is_file())
            if not found:
                findings.append(
                    Finding(
                        "no-actuals-files",
                        "this folder holds no .csv files of actuals.",
                        display_path(path),
                        severity=Severity.WARNING,
                    )
                )
            files.extend(found)
        else:
            files.append(path)
    unique = list(dict.fromkeys(p.resolve() for p in files))
    return unique, findings


def read_actuals(paths: Sequence[Path], plan: Plan) -> ActualsRead:
    """Read every file (folders: their *.csv files) and merge them into one table."""
    files, findings = expand_paths(paths)
    records: list[Actual] = []
    names: list[str] = []
    for path in files:
        name = display_path(path)
        names.append(name)
        records.extend(_read_file(path, name, plan, findings))
    return ActualsRead(actuals=_merge(records, findings), findings=findings, files=names)


# ── one file ─────────────────────────────────────────────────────────────────


def _read_file(path: Path, name: str, plan: Plan, findings: list[Finding]) -> list[Actual]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        findings.append(Finding("file-unreadable", f"cannot read this file: {exc.strerror}.", name))
        return []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        findings.append(
            Finding(
                "encoding",
                f"this file is not UTF-8 (byte 0x{raw[exc.start]:02X} cannot be decoded); "
                "save it from Excel as 'CSV UTF-8 (Comma delimited)'.",
                name,
                line,
                column,
            )
        )
        return []
    if not text.strip():
        findings.append(
            Finding("empty-file", "this file is empty: it needs a header row and data rows.", name)
        )
        return []

    # strict: a stray or unclosed quote is an error, not something to guess around
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)

    stopped = []  # set when a malformed record ended the read

    def malformed(line: int, problem: str) -> None:
        stopped.append(line)
        findings.append(
            Finding(
                "csv-malformed",
                f"the CSV cannot be read from here on ({problem}); check the quotes in this row. "
                "The rest of the file was not read.",
                name,
                line,
            )
        )

    rows = _numbered(reader, malformed)
    header_line, header = next(((n, r) for n, r in rows if _filled(r)), (None, None))
    if header is None:
        findings.append(Finding("empty-file", "this file holds only blank lines.", name))
        return []
    columns = _read_header(header, header_line, name, findings)
    if columns is None:
        return []

    records = []
    data_rows = 0
    for line, row in rows:
        if not _filled(row):
            continue  # blank rows are ignored
        data_rows += 1
        if len(row) != len(header):
            findings.append(
                Finding(
                    "ragged-row",
                    f"this row has {len(row)} fields but the header has {len(header)}; "
                    "check for a missing or extra comma.",
                    name,
                    line,
                    min(len(row), len(header)) + 1,
                )
            )
            continue
        record = _read_row(row, columns, name, line, plan, findings)
        if record is not None:
            records.append(record)
    if data_rows == 0 and not stopped:
        findings.append(
            Finding("no-data-rows", "this file has a header but no data rows.", name, header_line)
        )
    return records


def _numbered(reader, malformed) -> Iterable[tuple[int, list[str]]]:
    """Yield (line where the record starts, fields); the header is line 1.

    A record the CSV parser cannot read is reported through `malformed` and ends the file:
    after a broken quote there is no reliable way to tell where the next record starts.
    """
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            malformed(start, str(exc))
            return
        yield start, row
        start = reader.line_num + 1


def _filled(row: list[str]) -> bool:
    return any(cell.strip() for cell in row)


def _read_header(header: list[str], line: int, name: str, findings: list[Finding]) -> dict[str, int] | None:
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = cell.strip().casefold()
        if key in columns:
            findings.append(
                Finding(
                    "duplicate-column",
                    f"the column '{cell.strip()}' appears twice in the header.",
                    name,
                    line,
                    index + 1,
                )
            )
            return None
        columns[key] = index
        if key not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS:
            known = ", ".join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)
            findings.append(
                Finding(
                    "unknown-column",
                    f"the column '{cell.strip()}' is not one wcplan reads (it reads {known}); it is ignored.",
                    name,
                    line,
                    index + 1,
                    Severity.WARNING,
                )
            )
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        found = ", ".join(f"'{c.strip()}'" for c in header) or "nothing"
        noun = "column" if len(missing) == 1 else "columns"
        findings.append(
            Finding(
                "missing-column",
                f"the header lacks the required {noun} {', '.join(missing)} (found {found}).",
                name,
                line,
            )
        )
        return None
    if "source" not in columns:
        findings.append(
            Finding(
                "source-missing",
                "the header has no 'source' column: say where each value comes from.",
                name,
                line,
                severity=Severity.WARNING,
            )
        )
    return columns


def _read_row(row, columns, name, line, plan: Plan, findings: list[Finding]) -> Actual | None:
    def cell(col: str) -> str:
        index = columns.get(col)
        return row[index].strip() if index is not None else ""

    def problem(code: str, col: str, sentence: str, severity=Severity.ERROR) -> None:
        findings.append(Finding(code, sentence, name, line, columns[col] + 1, severity))

    ok = True
    indicator_text = cell("indicator")
    indicator_id = _parse_int(indicator_text)
    ids = [i.id for i in plan.indicators]
    if not indicator_text:
        problem("indicator-missing", "indicator", "the indicator id is empty.")
        ok = False
    elif indicator_id is None:
        problem(
            "indicator-invalid",
            "indicator",
            f"'{indicator_text}' is not an indicator id (a whole number, {min(ids)}–{max(ids)}).",
        )
        ok = False
    elif plan.indicator(indicator_id) is None:
        problem(
            "unknown-indicator",
            "indicator",
            f"indicator {indicator_id} is not in the plan (its ids run {min(ids)}–{max(ids)}).",
        )
        ok = False

    year_text = cell("year")
    year = _parse_int(year_text)
    allowed = [plan.meta.base_year, *plan.years]
    allowed_text = f"{plan.meta.base_year} (the baseline) or a plan year, {', '.join(map(str, plan.years))}"
    if not year_text:
        problem("year-missing", "year", f"the year is empty; give {allowed_text}.")
        ok = False
    elif year is None:
        problem("year-invalid", "year", f"'{year_text}' is not a year; give {allowed_text}.")
        ok = False
    elif year not in allowed:
        problem("year-outside-plan", "year", f"{year} is outside the plan; give {allowed_text}.")
        ok = False

    value_text = cell("value")
    value = parse_number(value_text)
    if not value_text:
        problem("value-missing", "value", "the value is empty; leave the row out if there is no figure yet.")
        ok = False
    elif value is None:
        problem("value-not-number", "value", f"the value '{value_text}' is not a number.")
        ok = False
    elif value < 0:
        problem(
            "negative-value", "value", f"the value {value_text} is negative; wcplan's measures cannot be."
        )
        ok = False

    source = cell("source")
    if "source" in columns and not source:
        problem(
            "source-missing",
            "source",
            "the source is empty: say where this value comes from.",
            Severity.WARNING,
        )
    if not ok:
        return None
    return Actual(
        indicator=indicator_id,
        year=year,
        value=value,
        source=source or None,
        note=cell("note") or None,
        illustrative=source.casefold() == ILLUSTRATIVE,
        file=name,
        line=line,
    )


_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")


def parse_number(text: str) -> float | None:
    """A finite number written plainly: `1300`, `1,300.5`, full-width `１３００`. Never a formula."""
    text = unicodedata.normalize("NFKC", text).strip()
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", text):
        return None  # rejects 'nan', 'inf', '=1+1', '约300', 'N/A'
    value = float(text)
    return value if math.isfinite(value) else None


def _parse_int(text: str) -> int | None:
    text = unicodedata.normalize("NFKC", text).strip()
    return int(text) if re.fullmatch(r"\d+", text) else None


# ── merging files ────────────────────────────────────────────────────────────


def _merge(records: list[Actual], findings: list[Finding]) -> list[Actual]:
    """Keep one record per indicator and year; never choose between different values."""
    first: dict[tuple[int, int], Actual] = {}
    conflicted: set[tuple[int, int]] = set()
    for record in records:
        key = (record.indicator, record.year)
        earlier = first.get(key)
        if earlier is None:
            first[key] = record
            continue
        place = f"{earlier.file}:{earlier.line}"
        if earlier.file == record.file:
            place = f"line {earlier.line}"
        what = f"indicator {key[0]} for {key[1]}"
        if math.isclose(earlier.value, record.value, rel_tol=1e-12, abs_tol=0.0):
            findings.append(
                Finding(
                    "duplicate-value",
                    f"{what} is given again with the same value as at {place}; the two are one value.",
                    record.file,
                    record.line,
                    severity=Severity.WARNING,
                )
            )
        else:
            conflicted.add(key)
            findings.append(
                Finding(
                    "conflicting-values",
                    f"{what} is {_fmt(record.value)} here but {_fmt(earlier.value)} at {place}; "
                    "keep one of them.",
                    record.file,
                    record.line,
                )
            )
    return [r for k, r in first.items() if k not in conflicted]


def _fmt(value: float) -> str:
    return f"{value:g}"
