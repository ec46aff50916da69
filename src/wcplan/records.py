"""The tidy actuals table: one record per indicator and year, as readers produce it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actual:
    indicator: int
    year: int
    value: float
    source: str | None = None
    note: str | None = None
    #: The source says 'illustrative': a made-up value that every report must flag.
    illustrative: bool = False
    file: str | None = None
    line: int | None = None
