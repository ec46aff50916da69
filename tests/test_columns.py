"""The column-wise reading of large CSV files (wcplan.reading.columns) against reading row by row:
the same findings (every one, with its line, column and sentence), in the same order once
validated, the same counts and the same table of actuals; on every file of tests/test_validate.py
(each of its tests runs again here, both readings compared at each read) and on generated files
full of problems, repeats and conflicts."""

from __future__ import annotations

import random

import pytest

import test_validate
import wcplan.reading.actuals as reading
from conftest import DATA
from test_validate import *  # noqa: F403 (every validation test runs again, both readings compared)
from wcplan.base.findings import Batch
from wcplan.base.i18n import activate
from wcplan.model.planfile import load_plan
from wcplan.reading.actuals import ReadOptions

PLAN = load_plan(DATA / "targets.yaml")
ROW_BY_ROW = 10**18
original = reading.read_actuals


def read_both(paths, plan, options=None, tasks=None):
    """Read row by row and column by column (every CSV file large enough), compare, and return the
    column-wise reading."""
    saved = reading.BULK_SIZE
    try:
        reading.BULK_SIZE = ROW_BY_ROW
        rows = original(paths, plan, options, tasks=tasks)
        reading.BULK_SIZE = 1
        columns = original(paths, plan, options, tasks=tasks)
    finally:
        reading.BULK_SIZE = saved
    assert_same(rows, columns)
    return columns


def assert_same(rows, columns) -> None:
    assert not any(isinstance(f, Batch) for f in rows.found)
    assert columns.actuals == rows.actuals
    assert columns.progress == rows.progress
    assert columns.files == rows.files
    assert sorted(columns.findings, key=_order) == sorted(rows.findings, key=_order)
    for strict in (False, True):
        a, b = rows.validate(strict), columns.validate(strict)
        assert list(b.problems) == list(a.problems)
        assert b.notes == a.notes
        assert (b.errors, b.warnings, b.valid, b.by_code()) == (a.errors, a.warnings, a.valid, a.by_code())
        for limit in (0, 1, 7, 200):
            assert b.shown(limit) == a.shown(limit)


def _order(f):
    return (f.file or "", f.line or 0, f.column or 0, f.code, f.message)


@pytest.fixture(autouse=True)
def both_readings(monkeypatch):
    monkeypatch.setattr(reading, "read_actuals", read_both)
    monkeypatch.setattr(test_validate, "read_actuals", read_both)


# ── generated files ─────────────────────────────────────────────────────────

NAMES = [i.name for i in PLAN.indicators[:6]]
POOLS = {
    "indicator": ["1", "2", "4", "7", "26", "27", "42", "43", "0", "x", "", " 5 ", "１２", "007", "9" * 25],
    "name": [*NAMES, "", "不存在的指标", NAMES[0].replace("", " ").strip()],
    "year": ["2021", "2022", "2023", "2020", "2024", "2022年", "", "x"],
    "period": [
        "2022",
        "2022-06",
        "2022-Q2",
        "2022-H1",
        "2022-12",
        "2021-Q4",
        "2020-06",
        "2024-01",
        "x",
        "",
        "2022年上半年",
    ],
    "value": [
        "100",
        "100.5",
        "-3",
        "24.1%",
        "150%",
        "",
        "abc",
        "1e20",
        "1e3",
        "０.５",
        "nan",
        "0",
        "-0",
        "101",
        "99.99",
        "7",
    ],
    "unit": ["", "亿元", "万元", "%", "家", "个", "kg"],
    "source": ["", "illustrative", "区统计局", "Illustrative"],
    "note": ["", "初步数"],
    "reporter": ["", *sorted({i.lead for i in PLAN.indicators})[:4], "bogus"],
    "extra": ["", "whatever"],
}
HEADERS = {
    "indicator": "序号",
    "year": "年份",
    "value": "数值",
    "source": "来源",
    "unit": "单位",
    "reporter": "填报单位",
}


def generate(seed: int, rows: int) -> str:
    """A plain CSV file of actuals: random columns (English or Chinese names, an unknown one),
    cells drawn from pools of good and bad texts, figures repeated and changed."""
    rng = random.Random(seed)
    columns = [
        rng.choice([["indicator"], ["name"], ["indicator", "name"]]),
        rng.choice([["year"], ["period"], ["year", "period"]]),
    ]
    chosen = [c for group in columns for c in group] + ["value"]
    chosen += [c for c in ("unit", "source", "note", "reporter", "extra") if rng.random() < 0.6]
    rng.shuffle(chosen)
    header = [HEADERS[c] if c in HEADERS and rng.random() < 0.5 else c for c in chosen]
    lines = [",".join(header)]
    figures = [str(rng.randint(0, 120)) for _ in range(5)] + [f"{rng.random() * 100:.2f}" for _ in range(3)]
    for _ in range(rows):
        cells = []
        for c in chosen:
            pool = POOLS[c]
            if c == "value" and rng.random() < 0.7:
                pool = figures
            elif c in ("indicator", "year", "period") and rng.random() < 0.6:
                pool = pool[:4]
            cells.append(rng.choice(pool))
        lines.append(",".join(cells))
    return "\n".join(lines) + ("\n" if seed % 2 else "")


@pytest.mark.parametrize("seed", range(12))
def test_generated_files_read_alike(tmp_path, seed):
    paths = []
    for n in range(1 + seed % 3):
        path = tmp_path / f"{seed}-{n}.csv"
        path.write_text(generate(seed * 10 + n, 600), encoding="utf-8", newline="\r\n" if n == 1 else "\n")
        paths.append(path)
    columns = read_both(paths, PLAN)
    assert any(isinstance(f, Batch) for f in columns.found)  # the columns were read as such


def test_generated_files_read_alike_in_chinese(tmp_path):
    path = tmp_path / "zh.csv"
    path.write_text(generate(99, 800), encoding="utf-8")
    activate("zh")
    try:
        read_both([path], PLAN)
    finally:
        activate("en")


def test_only_plain_files_are_read_by_columns(tmp_path):
    good = "indicator,year,value,source\n" + "1,2022,1352,x\n" * 3
    cases = {
        "quote.csv": good + '1,2022,"1352",x\n',
        "ragged.csv": good + "1,2022,1352\n",
        "blank.csv": good + "\n1,2022,1352,x\n",
        "commas.csv": good + ",,,\n",
        "control.csv": good + "1,2022,1352,x\x1b\n",
        "cr.csv": good + "1,2022,1352,x\r1,2022,1352,x\n",
        "header-only.csv": "indicator,year,value,source\n",
    }
    for name, text in cases.items():
        path = tmp_path / name
        path.write_bytes(text.encode())
        columns = read_both([path], PLAN)
        assert not any(isinstance(f, Batch) for f in columns.found), name
    path = tmp_path / "good.csv"
    path.write_text(good)
    assert any(isinstance(f, Batch) for f in read_both([path], PLAN).found)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "named utf-8", "named gb18030"])
def test_files_in_every_encoding_read_alike(tmp_path, encoding):
    """Read by columns from the file's own bytes when they are UTF-8 (after a byte-order mark), else
    from its text encoded again."""
    path = tmp_path / "encoded.csv"
    path.write_bytes(generate(7, 600).encode(encoding.split()[-1]))
    options = ReadOptions(encoding=encoding.split()[-1]) if encoding.startswith("named") else None
    columns = read_both([path], PLAN, options)
    assert any(isinstance(f, Batch) for f in columns.found)
