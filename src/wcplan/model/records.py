"""The records readers produce: an indicator's actual for a year or period (`Actual`), and a row of
task progress (`Progress`: a commitment's figure, or a line of work's dated status)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import NamedTuple

#: The `source` value that marks a made-up, illustrative figure.
ILLUSTRATIVE = "illustrative"


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


class WorkStatus(StrEnum):
    """The status of a line of work, as a progress file gives it."""

    NOT_STARTED = "not_started"  # 未启动
    IN_PROGRESS = "in_progress"  # 推进中
    DONE = "done"  # 已完成
    LAGGING = "lagging"  # 滞后


class Progress(NamedTuple):
    """One row of a progress file: a commitment's value for a year, or a line's dated status."""

    item: str  # a commitment id (C02) or a line of work (1.2), as the tasks file writes it
    year: int
    value: float | None = None
    status: WorkStatus | None = None
    date: dt.date | None = None
    note: str | None = None
    source: str | None = None
    illustrative: bool = False
    file: str | None = None
    line: int | None = None
    reporter: str | None = None

    @property
    def is_commitment(self) -> bool:
        return self.status is None
