"""The validator names what a misspelt cell meant, and two units that do not convert read as two
different units."""

from __future__ import annotations

from wcplan.base.suggest import closest
from wcplan.cli import app


def validate(runner, tmp_path, text: str, *args: str):
    f = tmp_path / "a.csv"
    f.write_text(text, encoding="utf-8")
    return runner.invoke(app, ["validate", str(f), *args])


def test_the_closest_names():
    assert closest("工业总产直", ["工业总产值", "规模工业企业数"]) == ["工业总产值"]
    assert closest("indicatr", ["indicator", "year", "value"]) == ["indicator"]
    assert closest("完全不同", ["工业总产值"]) == []


def test_a_misspelt_indicator_name_gets_the_nearest(runner, tmp_path):
    r = validate(runner, tmp_path, "name,year,value,source\n工业总产直,2022,1352,x\n风马牛,2022,1,x\n")
    assert r.exit_code == 1
    assert (
        "no indicator of the plan is called '工业总产直'; did you mean '工业总产值' (indicator 1)?"
        in r.stdout
    )
    assert "no indicator of the plan is called '风马牛'." in r.stdout


def test_a_misspelt_header_gets_the_nearest(runner, tmp_path):
    r = validate(runner, tmp_path, "indicatr,year,value,source,notee,colour\n1,2022,1352,x,,\n")
    assert (
        "the column 'indicatr' is not one wcplan reads; it is ignored. Did you mean 'indicator'?" in r.stdout
    )
    assert "the column 'notee' is not one wcplan reads; it is ignored. Did you mean 'note'?" in r.stdout
    assert "the column 'colour' is not one wcplan reads; it is ignored.\n" in r.stdout
    r = runner.invoke(app, ["--lang", "zh", "validate", str(tmp_path / "a.csv")])
    assert "列“indicatr”不是 wcplan 读取的列；已忽略。您是指“indicator”吗？" in r.stdout


def test_two_counts_that_do_not_convert_are_two_units(runner, tmp_path):
    r = validate(runner, tmp_path, "indicator,year,value,unit,source\n3,2022,431,个,x\n")
    said = " ".join(r.stdout.split())
    assert (
        "个 (items) and 家 (firms) are different units: indicator 3 is counted in 家, and a figure in 个 "
        "cannot be converted to it." in said
    )
    assert "(count)" not in said
