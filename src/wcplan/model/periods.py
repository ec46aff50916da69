"""Periods within a plan year: `2022`, `2022-06`, `2022-Q2`, `2022-H1`, and their Chinese forms.

A period is kept in its canonical form with the number of months of the year it covers
(`months`, 12 for the whole year), which is what the time schedule (序时进度) needs. Periods are
year to date (累计), as Chinese statistics report them: 2022-06, 2022-Q2 and 2022-H1 are the same
months, and 2022-12, 2022-Q4 and 2022-H2 are the whole year.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from wcplan.base.i18n import N_

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass(frozen=True, order=True)
class Period:
    year: int
    months: int  # months of the year covered, from January: 12 is the whole year
    label: str  # canonical: 2022, 2022-06, 2022-Q2, 2022-H1

    @property
    def whole_year(self) -> bool:
        """Whether it covers the whole year: 2022, and also 2022-12, 2022-Q4 and 2022-H2 (periods
        are year to date, so these are the same figure as 2022)."""
        return self.months == 12


def whole_year(year: int) -> Period:
    return Period(year, 12, str(year))


def month(year: int, m: int) -> Period:
    return Period(year, m, f"{year}-{m:02d}")


def quarter(year: int, q: int) -> Period:
    return Period(year, 3 * q, f"{year}-Q{q}")


def half(year: int, h: int) -> Period:
    return Period(year, 6 * h, f"{year}-H{h}")


_FORMS = [
    (re.compile(r"(\d{4})年?"), lambda y: whole_year(int(y))),
    (re.compile(r"(\d{4})-(\d{1,2})"), lambda y, m: month(int(y), int(m))),
    (re.compile(r"(\d{4})年(\d{1,2})月(?:份)?"), lambda y, m: month(int(y), int(m))),
    (re.compile(r"(\d{4})-?[Qq]([1-4])"), lambda y, q: quarter(int(y), int(q))),
    (re.compile(r"(\d{4})年第?([一二三四1-4])季度"), lambda y, q: quarter(int(y), _CN_DIGITS[q])),
    (re.compile(r"(\d{4})-?[Hh]([12])"), lambda y, h: half(int(y), int(h))),
    (re.compile(r"(\d{4})年上半年"), lambda y: half(int(y), 1)),
    (re.compile(r"(\d{4})年下半年"), lambda y: half(int(y), 2)),
]


def parse_period(text: str) -> Period | None:
    """The period written in `text`, or None when it is not a period wcplan understands."""
    text = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    for pattern, build in _FORMS:
        match = pattern.fullmatch(text)
        if match:
            period = build(*match.groups())
            return period if 1 <= period.months <= 12 else None
    return None


FORMS_HELP = N_("2022, 2022-06, 2022-Q2, 2022-H1, 2022年6月, 2022年二季度 or 2022年上半年")
