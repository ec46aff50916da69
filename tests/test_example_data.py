"""The shipped illustrative data agrees with itself: a figure a line of work's note gives is the
figure the actuals or the commitments give for the same thing in the same year."""

from __future__ import annotations

import re

import pytest

import wcplan
from conftest import DATA

#: (line of work, year) -> what the first figure of its note is: an indicator's actual, a
#: commitment's value, or an indicator's increase over the plan's baseline.
MEASURED = {
    ("4.2", 2022): ("indicator", 18),  # 引进产业链企业 N 家 (and commitment C10)
    ("4.3", 2022): ("commitment", "C11"),  # 传感器及半导体项目引进 N 个
    ("4.4", 2022): ("indicator", 41),  # 工业互联网 APP 优秀解决方案累计 N 个
    ("5.2", 2022): ("commitment", "C14"),  # 智能化转型企业累计 N 家
    ("5.4", 2022): ("increase", 3),  # 累计新增入规企业 N 家 (commitment C19)
    ("5.5", 2021): ("commitment", "C23"),  # 上市后备资源库入库 N 家
    ("5.5", 2022): ("commitment", "C21"),  # 筹备上市企业 N 家
}
#: Notes whose figures nothing else in the data measures (a signing, a training, a merger).
UNMEASURED = {("3.1", 2021), ("4.4", 2021), ("5.1", 2022), ("5.2", 2021)}


@pytest.fixture(scope="module")
def shipped():
    plan = wcplan.load_plan(DATA / "targets.yaml")
    tasks = wcplan.load_tasks(DATA / "tasks.yaml", plan)
    read = wcplan.read_actuals([DATA / "actuals", DATA / "progress"], plan, tasks=tasks)
    assert not read.errors
    return plan, read


def _figure(note: str) -> float | None:
    match = re.search(r"\d+(?:\.\d+)?", note)
    return float(match.group()) if match else None


def test_every_figure_of_a_note_agrees_with_the_actuals(shipped):
    plan, read = shipped
    actuals = {(a.indicator, a.year): a.value for a in read.actuals if a.months == 12}
    values = {(p.item, p.year): p.value for p in read.progress if p.value is not None}
    checked = set()
    for p in read.progress:
        if p.status is None or not p.note or _figure(p.note) is None:
            continue
        key = (p.item, p.year)
        assert key in MEASURED or key in UNMEASURED, f"line {p.item} ({p.year}): {p.note!r} is not checked"
        if key in UNMEASURED:
            continue
        kind, what = MEASURED[key]
        if kind == "indicator":
            expected = actuals[(what, p.year)]
        elif kind == "commitment":
            expected = values[(what, p.year)]
        else:
            expected = actuals[(what, p.year)] - plan.indicator(what).baseline
        assert _figure(p.note) == expected, f"line {p.item} ({p.year}): {p.note!r}, but {kind} {what}"
        checked.add(key)
    assert checked == set(MEASURED)


def test_a_published_figure_agrees_with_its_note(shipped):
    """A note that quotes a figure quotes the value of its row (indicator 26, 444 firms)."""
    _plan, read = shipped
    quoted = [a for a in read.actuals if a.note and re.search(r"\d+家", a.note)]
    assert quoted
    for a in quoted:
        assert float(re.search(r"(\d+)家", a.note).group(1)) == a.value
