"""Periods within a plan year: `2022`, `2022-06`, `2022-Q2`, `2022-H1`, and their Chinese forms
and the other forms of statistical reports (`2022年1-6月`, `2022年前三季度`, `2022/06`, `2022.06`).

A period is kept in its canonical form with the number of months of the year it covers
(`months`, 12 for the whole year), which is what the time schedule (序时进度) needs. Periods are
year to date (累计), as Chinese statistics report them: 2022-06, 2022-Q2 and 2022-H1 are the same
months, and 2022-12, 2022-Q4 and 2022-H2 are the whole year.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from wcplan.base.i18n import N_, language

_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


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


#: The dashes and words of a range of months from January: 1-6月, 1—6月, 1～6月, 1至6月.
_TO = r"(?:-|–|—|~|～|至|到)"

#: Each form a period may be written in (compiled when a period is first read: `_forms`).
_FORM_PATTERNS = [
    (r"(\d{4})年?", lambda y: whole_year(int(y))),
    (r"(\d{4})年?全年", lambda y: whole_year(int(y))),
    (r"(\d{4})[-/](\d{1,2})", lambda y, m: month(int(y), int(m))),
    # 2022.06 with two digits only: a spreadsheet number 2022.1 may have been 2022.10.
    (r"(\d{4})\.(\d{2})", lambda y, m: month(int(y), int(m))),
    (r"(\d{4})年(\d{1,2})月(?:份)?", lambda y, m: month(int(y), int(m))),
    (rf"(\d{{4}})年0?1{_TO}(\d{{1,2}})月(?:份)?", lambda y, m: month(int(y), int(m))),
    (r"(\d{4})-?[Qq]([1-4])", lambda y, q: quarter(int(y), int(q))),
    (r"(\d{4})年第?([一二三四1-4])季度", lambda y, q: quarter(int(y), _CN_DIGITS[q])),
    (r"(\d{4})年前([一二两三四1-4])(?:个)?季度", lambda y, q: quarter(int(y), _CN_DIGITS[q])),
    (r"(\d{4})-?[Hh]([12])", lambda y, h: half(int(y), int(h))),
    (r"(\d{4})年上半年", lambda y: half(int(y), 1)),
    (r"(\d{4})年下半年", lambda y: half(int(y), 2)),
]


@functools.cache
def _forms() -> list:
    return [(re.compile(pattern), build) for pattern, build in _FORM_PATTERNS]


def parse_period(text: str) -> Period | None:
    """The period written in `text`, or None when it is not a period wcplan understands."""
    text = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    for pattern, build in _forms():
        match = pattern.fullmatch(text)
        if match:
            period = build(*match.groups())
            return period if 1 <= period.months <= 12 else None
    return None


FORMS_HELP = N_(
    "2022, 2022-06, 2022-Q2, 2022-H1, 2022年1-6月, 2022年前三季度, 2022年上半年, 2022/06 or 2022.06"
)

#: How Chinese statistical reports name the year to date: 一季度, 上半年, 前三季度, 全年.
_CN_QUARTERS = {1: "一季度", 2: "上半年", 3: "前三季度", 4: "全年"}


def shown(label: str) -> str:
    """A period as the current language writes it: the canonical label (2022-06, 2022-Q3,
    2022-H1) in English; in Chinese, as statistical reports do: 2022年1-6月, 2022年前三季度,
    2022年上半年 (a whole year stays 2022). Not a period: `label` as it is."""
    period = parse_period(label)
    if period is None or language() != "zh" or period.label == str(period.year):
        return label
    year, months = period.year, period.months
    if "Q" in period.label:
        return f"{year}年{_CN_QUARTERS[months // 3]}"
    if "H" in period.label:
        return f"{year}年{'上半年' if months == 6 else '全年'}"
    return f"{year}年1月" if months == 1 else f"{year}年1-{months}月"
