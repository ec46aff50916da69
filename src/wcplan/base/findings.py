"""Findings: problems found in input files, as data first and text last; and the outcome of
validating them (`Validation`: findings ordered, counted and judged).

A finding names the file, the line and column (1-based, as an editor shows them;
the header of a CSV file is line 1), a severity, a stable code and one sentence.
Renderers turn the same finding into a terminal line, a JSON object or a CI annotation.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import islice
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


class Batch:
    """Many findings of one file, in line and column order, whose sentences are made only when a
    finding is looked at: a file of a million rows can have a finding on every row, and only the
    first few hundred are ever shown. A reader that checks a large file column by column
    (wcplan.reading.columns) hands its findings over as one Batch; every one of them is counted.

    A subclass gives `file`, `__len__`, `counts` and `__iter__` (the findings, made one by one).
    """

    file: str

    def __len__(self) -> int:
        raise NotImplementedError

    def __iter__(self) -> Iterator[Finding]:
        raise NotImplementedError

    def counts(self) -> Counter[tuple[str, Severity]]:
        """How many findings of each code and severity the batch holds."""
        raise NotImplementedError


def expand(findings: Iterable[Finding | Batch]) -> list[Finding]:
    """Every finding, those of batches made one by one (in the order of the batch)."""
    out: list[Finding] = []
    for item in findings:
        if isinstance(item, Batch):
            out.extend(item)
        else:
            out.append(item)
    return out


class Problems(Sequence[Finding]):
    """Findings in order of file, line and column, from sorted findings and batches merged as they
    are read: showing the first N makes only those N."""

    def __init__(self, single: list[Finding], batches: list[Batch], key):
        self.single, self.batches, self.key = single, batches, key
        self.size = len(single) + sum(len(b) for b in batches)

    def __len__(self) -> int:
        return self.size

    def __iter__(self) -> Iterator[Finding]:
        return heapq.merge(self.single, *self.batches, key=self.key)

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(self.size)
            return list(islice(self, start, stop, step))
        if index < 0:
            index += self.size
        if not 0 <= index < self.size:
            raise IndexError(index)
        return next(islice(self, index, None))


@dataclass(frozen=True)
class Validation:
    """The outcome of validating files: data, no text."""

    files: list[str]
    #: Errors and warnings, in file order, then line and column.
    problems: Sequence[Finding]
    notes: list[Finding]
    strict: bool
    #: How many problems of each code and severity there are.
    counts: dict[tuple[str, Severity], int] = field(default_factory=dict)

    @property
    def errors(self) -> int:
        return sum(n for (_code, severity), n in self.counts.items() if severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(n for (_code, severity), n in self.counts.items() if severity is Severity.WARNING)

    @property
    def valid(self) -> bool:
        """No error; with `strict`, no warning either."""
        return self.errors == 0 and not (self.strict and self.warnings)

    def by_code(self) -> dict[str, int]:
        counts: Counter[str] = Counter()
        for (code, _severity), n in self.counts.items():
            counts[code] += n
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))

    def shown(self, limit: int) -> tuple[list[Finding], int]:
        """The problems to print at most `limit` of (0: all), and how many are left out."""
        if limit <= 0 or len(self.problems) <= limit:
            return list(self.problems), 0
        return self.problems[:limit], len(self.problems) - limit


def validate(files: list[str], findings: Iterable[Finding | Batch], strict: bool = False) -> Validation:
    """The findings of reading `files`, ordered by file, line and column, counted once, and judged."""
    order = {name: index for index, name in enumerate(files)}

    def key(f: Finding):
        return (order.get(f.file, -1), f.line or 0, f.column or 0)

    single: list[Finding] = []
    notes: list[Finding] = []
    batches: list[Batch] = []
    counts: Counter[tuple[str, Severity]] = Counter()
    for item in findings:
        if isinstance(item, Batch):
            batches.append(item)
            counts.update(item.counts())
        elif item.severity is Severity.NOTE:
            notes.append(item)
        else:
            single.append(item)
    counts.update((f.code, f.severity) for f in single)
    single.sort(key=key)
    notes.sort(key=key)
    problems = Problems(single, batches, key) if batches else single
    return Validation(files=list(files), problems=problems, notes=notes, strict=strict, counts=dict(counts))
