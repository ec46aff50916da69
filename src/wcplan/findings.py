"""Findings: problems found in input files, as data first and text last.

A finding names the file, the line and column (1-based, as an editor shows them;
the header of a CSV file is line 1), a severity, a stable code and one sentence.
Renderers turn the same finding into a terminal line, a JSON object or a CI annotation.
"""

from __future__ import annotations

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
