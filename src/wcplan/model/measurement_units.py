"""Measurement units: which are counts, which is a percentage, and which convert into which.

General knowledge of Chinese statistical units, not of any one plan.
"""

from __future__ import annotations

#: Units counted in whole numbers: a fraction of a firm is a typing mistake.
COUNT_UNITS = {"家", "个", "项", "件", "人", "座", "台", "套", "户", "名"}
PERCENT_UNITS = {"%", "％", "百分比"}

#: Factors to convert a value in the first unit into the second: 1 万元 = 0.0001 亿元.
_YUAN = {"元": 1.0, "千元": 1e3, "万元": 1e4, "百万元": 1e6, "千万元": 1e7, "亿元": 1e8}


def is_count(unit: str) -> bool:
    return unit in COUNT_UNITS


def is_percent(unit: str) -> bool:
    return unit in PERCENT_UNITS


def same_unit(a: str, b: str) -> bool:
    return a == b or (is_percent(a) and is_percent(b))


def conversion(source: str, target: str) -> float | None:
    """The factor that turns a value in `source` into `target`, or None when they do not convert."""
    if same_unit(source, target):
        return 1.0
    if source in _YUAN and target in _YUAN:
        return _YUAN[source] / _YUAN[target]
    return None


#: English names of the measurement units. A unit is a name from the plan, not a message: it is
#: shown as the plan writes it in Chinese, and as here in English (counts read as "count": English
#: has no measure words, and 家 counts firms, centres and products alike).
ENGLISH = {
    "亿元": "100 million yuan",
    "千万元": "10 million yuan",
    "百万元": "million yuan",
    "万元": "10,000 yuan",
    "千元": "1,000 yuan",
    "元": "yuan",
    "%": "%",
    "％": "%",
    "百分比": "%",
    "人": "persons",
    "平方公里": "km²",
    "亩": "mu",
    "名": "rank",
    **{unit: "count" for unit in ("家", "个", "项", "件", "座", "台", "套", "户")},
}


#: What each measure word counts, for sentences about input, where two counts must read as two
#: different units (个 (items) and 家 (firms), not "count" and "count").
COUNTED = {
    "家": "firms",
    "个": "items",
    "项": "entries",
    "件": "pieces",
    "座": "structures",
    "台": "machines",
    "套": "sets",
    "户": "households",
}

#: Shorter English forms for narrow table columns.
ENGLISH_SHORT = {"亿元": "100m yuan", "千万元": "10m yuan", "百万元": "m yuan", "万元": "10k yuan"}


def label(unit: str, short: bool = False) -> str:
    """A measurement unit in the current language (`short`: the form for a narrow column)."""
    from wcplan.base.i18n import pick

    return pick(unit, (short and ENGLISH_SHORT.get(unit)) or ENGLISH.get(unit))


def named(unit: str) -> str:
    """A unit as an input file or the plan writes it, for sentences about input: '个' in Chinese,
    '个 (items)' in English, so that two units with one English name stay distinct."""
    from wcplan.base.i18n import language

    english = COUNTED.get(unit) or ENGLISH.get(unit)
    return f"{unit} ({english})" if language() == "en" and english and english != unit else unit
