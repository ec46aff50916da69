"""data/targets.yaml against the plan's own table (Attachment 1 of 望发〔2021〕4号).

tests/data/attachment1.tsv holds the table's 42 rows exactly as the source gives them,
artefacts included; this test applies the documented clean-up and compares every field.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import DATA, ROOT
from wcplan.model.planfile import load_plan

TSV = ROOT / "tests" / "data" / "attachment1.tsv"
SHARED_PLAN = ROOT.parent / "shared" / "plan" / "wangcheng-action-plan-2021-2023.md"
ATTRIBUTES = {"累计值": "cumulative", "当年值": "annual", "占比值": "ratio"}
CUMULATIVE_FLOWS = {1, 2, 5, 6, 7}  # the methodology names these


def no_breaks(text: str) -> str:
    """Remove the line-break artefacts of the source: the table has no real spaces in names."""
    return re.sub(r"\s+", "", text)


def number(text: str):
    if text == "":
        return None
    value = float(text)
    return int(value) if value.is_integer() and "." not in text else value


def table_rows() -> list[dict]:
    rows, category = [], None
    for line in TSV.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        assert len(cells) == 11, line
        category = no_breaks(cells[0]) or category
        rows.append(
            {
                "id": int(cells[1]),
                "category": category,
                "name": no_breaks(cells[2]),
                "unit": cells[3],
                "baseline": number(cells[4]),
                "targets": {2021: number(cells[5]), 2022: number(cells[6]), 2023: number(cells[7])},
                "attribute": ATTRIBUTES[cells[8]],
                "lead": cells[9],
                "responsible": cells[10].split(),
            }
        )
    return rows


PLAN = yaml.safe_load((DATA / "targets.yaml").read_text(encoding="utf-8"))
ROWS = table_rows()


def test_the_table_has_42_rows_in_order():
    assert [r["id"] for r in ROWS] == list(range(1, 43))
    assert [i["id"] for i in PLAN["indicators"]] == list(range(1, 43))


@pytest.mark.parametrize("row", ROWS, ids=lambda r: str(r["id"]))
def test_every_field_matches_the_table(row):
    entry = next(i for i in PLAN["indicators"] if i["id"] == row["id"])
    for key, expected in row.items():
        assert entry[key] == expected, f"indicator {row['id']}, field {key}"
        assert type(entry[key]) is type(expected), f"indicator {row['id']}, field {key}: type"
    expected_measure = {
        "annual": "flow",
        "ratio": "share",
        "cumulative": "flow" if row["id"] in CUMULATIVE_FLOWS else "stock",
    }[row["attribute"]]
    assert entry["measure"] == expected_measure
    assert entry["direction"] == "increase"


def test_indicator_27_baseline_is_missing_not_zero():
    entry = next(i for i in PLAN["indicators"] if i["id"] == 27)
    assert "baseline" in entry and entry["baseline"] is None
    assert load_plan(DATA / "targets.yaml").indicator(27).baseline is None


def test_names_named_in_the_brief_are_clean():
    names = {i["id"]: i["name"] for i in PLAN["indicators"]}
    assert names[4] == "制造业增加值占GDP比重"
    assert names[41] == "省级工业互联网APP优秀解决方案数"
    assert names[24] == "国家级智能制造示范企业(标杆企业)"


def test_plan_metadata():
    meta = PLAN["plan"]
    assert meta["document_number"] == "望发〔2021〕4号"
    assert meta["title"] == "《长沙市望城区打造国家重要先进制造业高地三年行动计划（2021-2023年）》"
    assert meta["base_year"] == 2020
    assert meta["years"] == [2021, 2022, 2023]
    assert meta["thresholds"] == {"on_track": 0.95, "behind": 0.6}
    assert meta["tolerance"] == 1e-9


def test_categories_in_plan_order():
    plan = load_plan(DATA / "targets.yaml")
    assert plan.categories() == ["规模总量", "结构质量", "创新驱动", "绿色发展", "数字赋能"]


@pytest.mark.skipif(not SHARED_PLAN.exists(), reason="the plan's source text is not beside this checkout")
def test_transcription_is_the_source_verbatim():
    """The TSV copy holds exactly the table rows of the plan's source text."""
    source = SHARED_PLAN.read_text(encoding="utf-8")
    section = source[source.index("## 附件 1") : source.index("附件 2")]
    rows = [
        line
        for line in section.splitlines()
        if len(line.split("\t")) >= 10 and re.fullmatch(r"\d+", line.split("\t")[1])
    ]
    assert rows == TSV.read_text(encoding="utf-8").splitlines()


def test_shipped_copy_inside_the_package_matches_when_installed():
    """A wheel install carries data/targets.yaml; the copy must be byte-identical."""
    from wcplan.reading.locate import shipped_data

    packaged = shipped_data() / "targets.yaml"
    if not packaged.exists():
        pytest.skip("editable install: the package reads data/ from the checkout")
    assert Path(packaged).read_bytes() == (DATA / "targets.yaml").read_bytes()
