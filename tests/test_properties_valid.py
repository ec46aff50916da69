"""Valid files of actuals, generated at random (issue 13, "Nothing lost, nothing crashes"): any
indicators and years of the shipped plan, any header language, column order, encoding and
number form "Actuals" of docs/files.md accepts, as CSV or as a workbook. Every
such file is valid, and `status` shows each of its values, sources and notes unchanged, at
the line it came from: nothing lost, nothing guessed.

The generator knows the plan and the file format from data/targets.yaml and docs/files.md only,
not from wcplan's code. HYPOTHESIS_PROFILE=long runs 40 times as many examples.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cli_checks import PLAN, examples, invoke

INDICATORS = {i["id"]: i for i in yaml.safe_load(PLAN.read_text(encoding="utf-8"))["indicators"]}
#: The base year and the plan years (docs/files.md: a plan year, or 2020 for the base year).
YEARS = [2020, 2021, 2022, 2023]
#: The headers of each column, English and Chinese, as docs/files.md lists them.
HEADERS = {
    "indicator": ["indicator", "序号", "指标编号"],
    "name": ["name", "指标", "主要指标"],
    "year": ["year", "年份"],
    "period": ["period", "期间"],
    "value": ["value", "数值", "实际值", "完成值"],
    "unit": ["unit", "单位"],
    "source": ["source", "来源"],
    "note": ["note", "备注"],
    "reporter": ["reporter", "填报单位"],
    # the reference columns of a fill-in sheet (wcplan template): known, and not read
    "target": ["target", "目标值"],
    "baseline": ["baseline", "基期值"],
    "role": ["role", "责任类型"],
}
COUNTS = {"家", "个"}  # counted in whole numbers
FULL_WIDTH = str.maketrans("0123456789.,%", "０１２３４５６７８９．，％")
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "gbk"]


@st.composite
def amounts(draw, unit: str) -> Decimal:
    """A value the indicator can take: a whole count, a percentage up to 100, or an amount."""
    if unit in COUNTS:
        return Decimal(draw(st.integers(0, 10**7)))
    top = 100 if unit == "%" else 10**7
    return abs(draw(st.decimals(0, top, places=draw(st.integers(0, 3)))))


@st.composite
def written(draw, value: Decimal, unit: str) -> str:
    """The value in one of the forms of docs/files.md: 1352, 1,352.5, １３５２, 24.1% (a % indicator only)."""
    text = format(value, "f")
    whole, _, fraction = text.partition(".")
    if int(whole) >= 1000 and draw(st.booleans()):
        text = f"{int(whole):,}" + (f".{fraction}" if fraction else "")
    if unit == "%" and draw(st.booleans()):
        text += "%"
    if draw(st.booleans()):
        text = text.translate(FULL_WIDTH)
    return text


def texts(encoding: str):
    """Free text for sources and notes: printable, and encodable in the file's encoding."""
    codec = "gbk" if encoding in ("gbk", "gb18030") else "utf-8"
    characters = st.characters(codec=codec, exclude_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))
    return st.one_of(st.just("illustrative"), st.text(characters, max_size=12))


@st.composite
def actuals_files(draw) -> dict:
    """A valid file of actuals, as rows of text (CSV) and the values each row should give. Some
    rows may be left as a fill-in sheet leaves them: an indicator and a year, and no value,
    source or note (not filled in yet: a note, not data); at least one row has a value."""
    container = draw(st.sampled_from([*ENCODINGS, "xlsx"]))
    pairs = draw(
        st.lists(
            st.tuples(st.sampled_from(sorted(INDICATORS)), st.sampled_from(YEARS)),
            min_size=1,
            max_size=12,
            unique=True,
        )
    )
    identify = draw(st.sampled_from([["indicator"], ["name"], ["indicator", "name"]]))
    columns = [*identify, draw(st.sampled_from(["year", "period"])), "value"]
    optional = ["unit", "source", "note", "reporter", "target", "baseline", "role"]
    columns += sorted(draw(st.sets(st.sampled_from(optional))))
    columns = draw(st.permutations(columns))
    pad = st.sampled_from(["", " ", "  "])  # surrounding spaces of a column name are ignored
    header = [draw(pad) + draw(st.sampled_from(HEADERS[c])) + draw(pad) for c in columns]

    free = texts(container if container != "xlsx" else "utf-8")
    rows, expected, unfilled = [], [], []
    filled = draw(st.lists(st.booleans(), min_size=len(pairs), max_size=len(pairs)))
    filled[draw(st.integers(0, len(pairs) - 1))] = True
    for (ident, year), has_value in zip(pairs, filled, strict=True):
        indicator = INDICATORS[ident]
        value = draw(amounts(indicator["unit"]))
        cells = {
            "indicator": str(ident),
            "name": indicator["name"],
            "year": str(year),
            "period": str(year),
            "value": draw(written(value, indicator["unit"])),
            "unit": draw(st.sampled_from(["", indicator["unit"]])),
            "source": draw(free),
            "note": draw(free),
            "reporter": draw(st.sampled_from(["", indicator["lead"], *indicator["responsible"]])),
            "target": draw(st.sampled_from(["", str(indicator["targets"].get(year, ""))]) | free),
            "baseline": draw(st.sampled_from(["", str(indicator["baseline"])]) | free),
            "role": draw(st.sampled_from(["", "牵头", "责任", "lead", "responsible"])),
        }
        if not has_value:
            cells.update(value="", source="", note="")
        if container == "xlsx" and has_value and draw(st.booleans()):
            cells["value"] = int(value) if value == value.to_integral_value() else float(value)
        for _blank in range(draw(st.integers(0, 1))):  # blank rows are skipped
            rows.append(["" for _c in columns])
        rows.append([cells[c] for c in columns])
        if not has_value:
            unfilled.append(len(rows) + 1)
            continue
        expected.append(
            {
                "id": ident,
                "year": year,
                "actual": float(value),
                "line": len(rows) + 1,  # the header is line 1
                "source": cells["source"].strip() or None if "source" in columns else None,
                "note": cells["note"].strip() or None if "note" in columns else None,
            }
        )
    checked = sorted({e["year"] for e in expected if e["year"] != YEARS[0]}) or [2022]
    return {
        "container": container,
        "header": header,
        "rows": rows,
        "expected": expected,
        "unfilled": unfilled,
        "year": draw(st.sampled_from(checked)),
        "line_end": draw(st.sampled_from(["\r\n", "\n", "\r"])),
    }


def save(folder: Path, file: dict) -> Path:
    if file["container"] == "xlsx":
        from openpyxl import Workbook

        book = Workbook()
        for row in [file["header"], *file["rows"]]:
            book.active.append(row)
        path = folder / "valid.xlsx"
        book.save(path)
        return path
    out = io.StringIO()
    csv.writer(out, lineterminator=file["line_end"]).writerows([file["header"], *file["rows"]])
    path = folder / "valid.csv"
    path.write_bytes(out.getvalue().encode(file["container"]))
    return path


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("valid")


@settings(max_examples=examples(12), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(actuals_files())
@example(
    {
        "container": "gbk",
        "header": [" 序号", "年份 ", "实际值", "来源", "备注"],
        "rows": [
            ["4", "2022", "２４．１％", "区统计局", "初步数"],
            ["", "", "", "", ""],
            ["1", "2022", "1,352.5", "x", ""],
            ["3", "2022", "", "", ""],  # not filled in yet
        ],
        "expected": [
            {"id": 4, "year": 2022, "actual": 24.1, "line": 2, "source": "区统计局", "note": "初步数"},
            {"id": 1, "year": 2022, "actual": 1352.5, "line": 4, "source": "x", "note": None},
        ],
        "unfilled": [5],
        "year": 2022,
        "line_end": "\r\n",
    }
)
def test_a_valid_file_is_valid_and_its_values_reach_status_unchanged(work, file):
    path = save(work, file)
    result = invoke(["validate", path, "--targets", PLAN, "-f", "json"], [path])
    document = json.loads(result.stdout)
    assert result.exit_code == 0, document["problems"]
    assert [p["code"] for p in document["problems"] if p["severity"] == "error"] == []
    found = document["problems"] + document["notes"]
    assert [p["line"] for p in found if p["code"] == "value-not-filled"] == file["unfilled"], found

    year = file["year"]
    status = invoke(["status", str(year), "--targets", PLAN, "--actuals", path, "-f", "json"], [path])
    assert status.exit_code == 0, status.output
    shown = {i["id"]: i for i in json.loads(status.stdout)["indicators"]}
    wanted = {e["id"]: e for e in file["expected"] if e["year"] == year}
    for ident, indicator in shown.items():
        if ident not in wanted:
            assert indicator["actual"] is None, indicator
            continue
        e = wanted[ident]
        got = (
            indicator["actual"],
            indicator["location"].rsplit(":", 1)[1],
            indicator["source"],
            indicator["note"],
        )
        assert got == (e["actual"], str(e["line"]), e["source"], e["note"]), (indicator, e)
    assert set(wanted) <= set(shown)
