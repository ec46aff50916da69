"""The tidy actuals table: one record per indicator and year, as readers produce it."""

from __future__ import annotations

from typing import NamedTuple


class Actual(NamedTuple):
    """One value of one indicator for one year or period (immutable; a NamedTuple because a
    file of a million rows makes a million of them, three times faster than a frozen dataclass)."""

    indicator: int
    year: int
    value: float
    source: str | None = None
    note: str | None = None
    #: The source says 'illustrative': a made-up value that every report must flag.
    illustrative: bool = False
    file: str | None = None
    line: int | None = None
    #: A period within the year (2022-06, 2022-Q2, 2022-H1); None for the whole year.
    period: str | None = None
    #: Months of the year the value covers, from January (12 for the whole year).
    months: int = 12
    #: The unit that submitted the value (填报单位), when the file says.
    reporter: str | None = None

    @property
    def period_label(self) -> str:
        return self.period or str(self.year)
