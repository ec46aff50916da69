"""Figures in every output: never inf, nan or -0, whatever a computation gives."""

from __future__ import annotations

import json
import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import DATA
from wcplan.cli import app
from wcplan.reading import actuals as actuals_module
from wcplan.render import text

#: A figure printed as inf or nan (as a word: not Information, Hunan), or as negative zero.
FIGURE_JUNK = re.compile(r"\b(inf|nan)\b|(?<![\d.])-0(\.0+)?(?![\d.])", re.IGNORECASE)


@given(
    st.floats(allow_nan=True, allow_infinity=True) | st.integers(-(10**20), 10**20),
    st.integers(0, 3),
    st.booleans(),
    st.booleans(),
)
def test_a_figure_is_never_inf_nan_or_negative_zero(value, places, trim, sign):
    shown = text.number(value, places, trim=trim, sign=sign)
    assert "inf" not in shown and "nan" not in shown
    if shown:
        assert float(shown) != 0 or not shown.startswith(("-", "+"))
        assert math.isclose(float(shown), value, rel_tol=1e-3, abs_tol=10**-places) or abs(value) >= 1e15
    else:
        assert not math.isfinite(value)
    for formatted in (text.percent(value), text.progress(value), text.points(value)):
        assert "inf" not in formatted and "nan" not in formatted
        assert not re.fullmatch(r"[-+]0(\.0*)?(%| pp)?", formatted)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (-0.0, "0"),
        (-0.0004, "0"),
        (0.0004, "0"),
        (1352.0, "1352"),
        (-0.9, "-0.9"),
        (2.5e307, "2.5e+307"),
    ],
)
def test_figures_as_the_plan_writes_them(value, shown):
    assert text.number(value) == shown


def test_numbers_near_zero_print_without_a_minus(runner, tmp_path):
    f = tmp_path / "z.csv"
    # 42 just under its baseline: progress -0.00001; 1 at 2022-06 a hair behind schedule: -0.00001 pp
    f.write_text("indicator,period,value,source\n42,2022,29.9996,s\n1,2022-06,699.9999,s\n", encoding="utf-8")
    files = ["--actuals", str(f), "--targets", str(DATA / "targets.yaml")]
    wide = {"COLUMNS": "200"}  # every optional column shown
    year = runner.invoke(app, ["status", "2022", *files], env=wide)
    row = next(line for line in year.stdout.splitlines() if line.lstrip().startswith("42 "))
    assert " 0.00 " in row and "-0" not in row
    half = runner.invoke(app, ["status", "2022-06", *files], env=wide)
    row = next(line for line in half.stdout.splitlines() if line.lstrip().startswith("1 "))
    assert " 0.0 pp " in row and "-0" not in row
    md = runner.invoke(app, ["report", "2022", *files])
    assert "| 0.00 |" in md.stdout and not FIGURE_JUNK.findall(md.stdout)


@pytest.fixture
def overflowing(monkeypatch):
    """Values near the float limit for indicators 1 (cumulative) and 21 (annual, so its plan total
    overflows to inf): the reader bounds values elsewhere, so they are put in after reading,
    standing for any figure a computation overflows."""
    real = actuals_module.read_actuals

    def read(paths, plan, *args, **kwargs):
        result = real(paths, plan, *args, **kwargs)
        result.actuals = [
            a._replace(value=1.7e308) if a.indicator in (1, 21) and a.period is None else a
            for a in result.actuals
        ]
        return result

    monkeypatch.setattr(actuals_module, "read_actuals", read)


@pytest.mark.parametrize(
    "args",
    [
        ["status", "2022"],
        ["status", "2022", "-f", "markdown"],
        ["report", "2022"],
        ["trend", "21"],
        ["trend", "1"],
        ["units", "2022"],
        ["units", "2022", "-f", "markdown"],
    ],
    ids=" ".join,
)
def test_overflowing_figures_print_as_nothing(runner, overflowing, args):
    r = runner.invoke(app, [*args, "--targets", str(DATA / "targets.yaml")])
    assert r.exit_code == 0, r.output
    assert not FIGURE_JUNK.findall(r.stdout)
    assert "1.7e+308" in r.stdout or args[0] == "units"


def test_overflowing_figures_in_html_excel_and_json(runner, overflowing, tmp_path):
    from openpyxl import load_workbook

    targets = ["--targets", str(DATA / "targets.yaml")]
    page = tmp_path / "r.html"
    assert runner.invoke(app, ["report", "2022", "-f", "html", "-o", str(page), *targets]).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert not FIGURE_JUNK.findall(html)
    book = tmp_path / "r.xlsx"
    assert runner.invoke(app, ["report", "2022", "-f", "xlsx", "-o", str(book), *targets]).exit_code == 0
    floats = [
        c.value
        for s in load_workbook(book)
        for row in s.iter_rows()
        for c in row
        if isinstance(c.value, float)
    ]
    assert floats and all((math.isfinite(v) and math.copysign(1, v) == 1) or v < 0 for v in floats)
    doc = json.loads(runner.invoke(app, ["report", "2022", "-f", "json", *targets]).stdout)
    one = next(i for i in doc["indicators"] if i["id"] == 21)
    assert one["actual"] == 1.7e308 and one["plan_completion"] is None  # the overflowed total: null
