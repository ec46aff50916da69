"""The outcome of validating actuals: findings ordered, counted and judged. Data, no text."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from wcplan.actuals import ActualsRead
from wcplan.findings import Finding, Severity


@dataclass(frozen=True)
class Validation:
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


def validate(read: ActualsRead, strict: bool = False) -> Validation:
    order = {name: index for index, name in enumerate(read.files)}

    def key(f: Finding):
        return (order.get(f.file, -1), f.line or 0, f.column or 0)

    problems = sorted((f for f in read.findings if f.severity is not Severity.NOTE), key=key)
    return Validation(files=read.files, problems=problems, notes=sorted(read.notes, key=key), strict=strict)
