"""Findings: problems found in input files, as data first and text last; and the outcome of
validating them (`Validation`: findings ordered, counted and judged).

A finding names the file, the line and column (1-based, as an editor shows them;
the header of a CSV file is line 1), a severity, a stable code and one sentence.
Renderers turn the same finding into a terminal line, a JSON object or a CI annotation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    #: Not a problem: something wcplan did that the user should know of (a conversion, a decoding).
    NOTE = "note"


class Finding(NamedTuple):
    """Immutable; a NamedTuple because a large file can yield a finding for every row."""

    code: str
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def location(self) -> str:
        """`file:line:column`, leaving out what is not known."""
        parts = [self.file or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def to_dict(self) -> dict:
        data = self._asdict()
        data["severity"] = str(self.severity)
        return data


@dataclass(frozen=True)
class Validation:
    """The outcome of validating files: data, no text."""

    files: list[str]
    #: Errors and warnings, in file order, then line and column.
    problems: list[Finding]
    notes: list[Finding]
    strict: bool

    @property
    def errors(self) -> int:
        return sum(f.severity is Severity.ERROR for f in self.problems)

    @property
    def warnings(self) -> int:
        return sum(f.severity is Severity.WARNING for f in self.problems)

    @property
    def valid(self) -> bool:
        """No error; with `strict`, no warning either."""
        return self.errors == 0 and not (self.strict and self.warnings)

    def by_code(self) -> dict[str, int]:
        counts = Counter(f.code for f in self.problems)
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))

    def shown(self, limit: int) -> tuple[list[Finding], int]:
        """The problems to print at most `limit` of (0: all), and how many are left out."""
        if limit <= 0 or len(self.problems) <= limit:
            return self.problems, 0
        return self.problems[:limit], len(self.problems) - limit


def validate(files: list[str], findings: Iterable[Finding], strict: bool = False) -> Validation:
    """The findings of reading `files`, ordered by file, line and column, and judged."""
    order = {name: index for index, name in enumerate(files)}

    def key(f: Finding):
        return (order.get(f.file, -1), f.line or 0, f.column or 0)

    findings = list(findings)
    problems = sorted((f for f in findings if f.severity is not Severity.NOTE), key=key)
    notes = sorted((f for f in findings if f.severity is Severity.NOTE), key=key)
    return Validation(files=list(files), problems=problems, notes=notes, strict=strict)
