"""data/tasks.yaml against the plan (Attachment 2 and the text), and the judgement of every
commitment and line of work.

tests/data/attachment2.tsv holds Attachment 2's five rows exactly as the source gives them;
tests/data/plan-text.md holds the text's sections 二 and 三 verbatim. Both are checked against
the plan's source text where it lies beside this checkout.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import DATA, ROOT
from wcplan.base.errors import PlanFileError
from wcplan.cli import app
from wcplan.model.planfile import load_plan
from wcplan.model.records import Actual, Progress, WorkStatus
from wcplan.model.tasksfile import load_tasks
from wcplan.reading.actuals import read_actuals
from wcplan.rules.commitments import NOT_DUE, assess_tasks

TSV = ROOT / "tests" / "data" / "attachment2.tsv"
TEXT = ROOT / "tests" / "data" / "plan-text.md"
SHARED_PLAN = ROOT.parent / "shared" / "plan" / "wangcheng-action-plan-2021-2023.md"
PLAN = load_plan(DATA / "targets.yaml")
TASKS = load_tasks(DATA / "tasks.yaml", PLAN)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def units(cell: str) -> list[str]:
    """A unit cell of Attachment 2: names separated by line breaks, where the table also breaks
    '望城经开区 产业发展局' inside one name; <p> marks a paragraph."""
    tokens = re.sub(r"</?p>", " ", cell).split()
    out: list[str] = []
    for token in tokens:
        if out and out[-1] == "望城经开区":
            out[-1] += token
        else:
            out.append(token)
    return out


def attachment2() -> list[dict]:
    rows = []
    for line in TSV.read_text(encoding="utf-8").splitlines():
        number, title, contents, lead, responsible = line.split("\t")
        items = [
            re.sub(r"^\d+\.\s*", "", item.strip())
            for item in re.split(r"(?:<p>|</p>|\s)(?=\d+\.\s)", re.sub(r"</?p>", " ", contents))
            if item.strip()
        ]
        rows.append(
            {
                "id": int(number),
                "title": title,
                "items": [i.strip() for i in items],
                "lead": units(lead),
                "responsible": units(responsible),
            }
        )
    return rows


ROWS = attachment2()


# ── the file against Attachment 2 ────────────────────────────────────────────


def test_five_tasks_and_seventeen_lines_of_work():
    assert [t.id for t in TASKS.tasks] == [1, 2, 3, 4, 5]
    assert [len(t.lines) for t in TASKS.tasks] == [3, 2, 3, 4, 5]
    assert len(TASKS.lines) == 17


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"task {r['id']}")
def test_each_task_is_attachment_2(row):
    task = TASKS.task(row["id"])
    assert task.title == row["title"]
    assert task.lead == row["lead"]
    assert task.responsible == row["responsible"]
    assert [line.id for line in task.lines] == [f"{task.id}.{n}" for n in range(1, len(row["items"]) + 1)]
    for line, item in zip(task.lines, row["items"], strict=True):
        if line.firms:  # task 5: 培育一批…企业(firm、firm、…)。
            match = re.fullmatch(r"(.+)\(([^()]+(?:\([^()]*\)[^()]*)*)\)。?", item)
            assert match, item
            assert line.content == match.group(1)
            assert line.firms == match.group(2).split("、")
        else:
            assert line.content == item


def test_the_units_are_the_tables_own():
    assert TASKS.task(2).lead == ["区科技局", "区人社局"]
    assert TASKS.task(4).responsible == ["各产业链办公室", "望城经开区招商合作局", "区数据资源中心"]
    assert TASKS.task(5).responsible == ["区工信局", "区金融办", "区市场监管局", "区科技局", "区发改局"]
    assert [len(line.firms) for line in TASKS.task(5).lines] == [10, 10, 10, 10, 10]
    assert "长沙戴卡(戴湘)" in TASKS.lines["5.1"][1].firms


@pytest.mark.skipif(not SHARED_PLAN.exists(), reason="the plan's source text is not beside this checkout")
def test_transcriptions_are_the_source_verbatim():
    source = SHARED_PLAN.read_text(encoding="utf-8")
    section = source[source.index("附件 2") :]
    rows = [line for line in section.splitlines() if len(line.split("\t")) == 5 and line[0].isdigit()]
    assert rows == TSV.read_text(encoding="utf-8").splitlines()
    text = source[source.index("## 二、主要目标") : source.index("#### 四、保障措施")]
    assert text == TEXT.read_text(encoding="utf-8")


def test_shipped_copy_inside_the_package_matches_when_installed():
    from wcplan.reading.locate import shipped_data

    packaged = shipped_data() / "tasks.yaml"
    if not packaged.exists():
        pytest.skip("editable install: the package reads data/ from the checkout")
    assert Path(packaged).read_bytes() == (DATA / "tasks.yaml").read_bytes()


# ── the commitments against the text ─────────────────────────────────────────

TEXT_SQUEEZED = squeeze(TEXT.read_text(encoding="utf-8").replace("**", ""))


@pytest.mark.parametrize("c", TASKS.commitments, ids=lambda c: c.id)
def test_each_commitment_is_worded_as_the_text_and_carries_its_number(c):
    assert squeeze(c.wording) in TEXT_SQUEEZED
    number = f"{c.target:g}"
    assert number in squeeze(c.wording) or (c.target == 1 and "突破" in c.wording)
    # 力争 / 积极争取 mark what the plan only strives for
    assert c.strive == ("力争" in c.wording or "积极争取" in c.wording)
    # 每年 marks a yearly commitment; a year in the wording is its deadline
    assert c.yearly == ("每年" in c.wording)
    if "2023" in c.wording:
        assert c.deadline_stated and c.due == 2023


def test_the_commitments_of_the_text_are_all_there():
    """Every quantified promise of sections 二 and 三: 29 commitments, each once."""
    ids = [c.id for c in TASKS.commitments]
    assert ids == [f"G{n}" for n in range(1, 6)] + [f"C{n:02d}" for n in range(1, 25)]
    by_line: dict[str, list[str]] = {}
    for c in TASKS.commitments:
        by_line.setdefault(c.line or "goals", []).append(c.id)
    assert {k: len(v) for k, v in by_line.items()} == {
        "goals": 5, "1.1": 1, "1.2": 2, "2.1": 3, "3.1": 1, "3.2": 1, "3.3": 1, "4.2": 1, "4.3": 1,
        "4.4": 1, "5.1": 1, "5.2": 3, "5.3": 2, "5.4": 2, "5.5": 4,
    }  # fmt: skip
    # the examples
    wanted = {"C01": 60, "C02": 1500, "C03": 90, "C04": 10, "C11": 10, "C14": 100, "C15": 7, "C16": 20}
    wanted |= {"C19": 90, "C20": 50, "C21": 10, "C22": 20, "C23": 30, "C24": 6}
    assert {k: TASKS.commitment(k).target for k in wanted} == wanted


def test_leads_named_only_where_the_plan_names_them():
    unnamed = [c.id for c in TASKS.commitments if not c.lead_named]
    assert unnamed == ["C01", "C02", "C03", "C11", "C14", "C21", "C22", "C23"]
    assert TASKS.commitment("C11").leads == ["区工信局", "望城经开区产业发展局"]  # task 4's leads
    # a commitment measured by indicators has their lead (Attachment 1 names it)
    assert TASKS.commitment("C24").leads == ["区金融办"]
    assert TASKS.commitment("C17").leads == ["区市场监管局"]


def test_commitments_measured_by_indicators_agree_with_the_table():
    """The text and Attachment 1 agree wherever both give the number, with two documented
    exceptions: the text's 450 firms (table: 455) and 10 technology centres (table: 6 + 5 new)."""
    for c in TASKS.commitments:
        if not c.indicators:
            continue
        inds = [PLAN.indicator(i) for i in c.indicators]
        final = sum(i.targets[2023] for i in inds)
        planned = final - sum(i.baseline for i in inds) if c.measured_as == "increase" else final
        if c.id in ("G2", "C04", "C18"):
            assert planned > c.target  # the table plans more than the text promises
        else:
            assert planned == c.target, c.id


# ── judging ──────────────────────────────────────────────────────────────────


def actual(indicator: int, year: int, value: float, source: str = "test") -> Actual:
    return Actual(indicator=indicator, year=year, value=value, source=source)


def progress(item: str, year: int, value=None, status=None, date=None, source="test") -> Progress:
    import datetime as dt

    return Progress(
        item=item,
        year=year,
        value=value,
        status=status,
        date=dt.date.fromisoformat(date) if date else None,
        source=source,
    )


def result(ident: str, year: int, actuals=(), rows=()):
    work = assess_tasks(PLAN, TASKS, actuals, rows, year)
    return next(r for r in work.commitments if r.commitment.id == ident)


def test_a_yearly_commitment_is_judged_every_year_like_an_annual_indicator():
    r = result("C11", 2022, rows=[progress("C11", 2022, 7)])
    assert (r.target, r.value, r.gap, r.completion) == (10, 7, -3, 0.7)
    assert r.judgement.progress == pytest.approx(0.7) and r.state == "behind"
    assert result("C11", 2021, rows=[progress("C11", 2021, 10)]).state == "met"
    assert result("C11", 2021, rows=[progress("C11", 2021, 5)]).state == "off_track"
    assert result("C11", 2023).state == "no_data"


def test_a_dated_commitment_is_not_due_before_its_year_and_shows_its_outlook():
    rows = [progress("C02", 2021, 1020), progress("C02", 2022, 1230)]
    r = result("C02", 2022, rows=rows)
    assert not r.due and r.state == NOT_DUE and r.gap is None and r.target is None
    # no baseline: progress from the earliest value, 2021; projected 1230 + 210 = 1440 of 1500
    assert r.so_far.progress == pytest.approx((1230 - 1020) / (1500 - 1020))
    assert r.projection.value == pytest.approx(1440)
    assert r.projection.ratio == pytest.approx(420 / 480) and r.outlook == "at_risk"


def test_a_dated_commitment_is_judged_in_its_year_by_the_level_method():
    rows = [progress("C02", 2021, 1020), progress("C02", 2022, 1230), progress("C02", 2023, 1450)]
    r = result("C02", 2023, rows=rows)
    assert r.due and r.target == 1500 and r.gap == -50
    # no baseline: the earliest actual of an earlier plan year (2021) is the reference
    assert r.judgement.reference_year == 2021
    assert r.judgement.progress == pytest.approx((1450 - 1020) / (1500 - 1020))
    assert r.state == "behind"
    rows[-1] = progress("C02", 2023, 1500)
    assert result("C02", 2023, rows=rows).state == "met"


def test_a_commitment_with_no_year_is_due_in_the_last_plan_year():
    c = TASKS.commitment("C01")
    assert c.due == 2023 and not c.deadline_stated
    assert result("C01", 2023, rows=[progress("C01", 2023, 60)]).state == "met"
    # baseline 0 (新增): 45 of 60 new square kilometres is R = 0.75
    r = result("C01", 2023, rows=[progress("C01", 2023, 45)])
    assert r.judgement.progress == pytest.approx(0.75) and r.state == "behind"


def test_a_rank_is_better_when_lower():
    rows = [progress("C03", 2021, 112), progress("C03", 2023, 88)]
    assert result("C03", 2023, rows=rows).state == "met"
    rows[-1] = progress("C03", 2023, 95)
    r = result("C03", 2023, rows=rows)
    # from 112 (2021) towards 90: 17 of 22 places, R = 0.77
    assert r.judgement.progress == pytest.approx(17 / 22) and r.state == "behind"


def test_a_commitment_measured_by_the_rise_of_indicators():
    # C16: new green factories (37), products (38) and supply-chain firms (39) since 2020 (10, 2, 1)
    acts = [actual(37, 2023, 21), actual(38, 2023, 8), actual(39, 2023, 4)]
    r = result("C16", 2023, acts)
    assert r.value == 20 and r.state == "met" and len(r.records) == 3
    acts = [actual(37, 2023, 17), actual(38, 2023, 6), actual(39, 2023, 3)]
    r = result("C16", 2023, acts)
    assert r.value == 13 and r.judgement.progress == pytest.approx(13 / 20) and r.state == "behind"


def test_a_commitment_measured_by_indicators_lacks_data_when_one_lacks_it():
    r = result("C16", 2023, [actual(37, 2023, 21), actual(38, 2023, 8)])
    assert r.value is None and r.missing == (39,) and r.state == "no_data"


def test_a_level_commitment_takes_the_indicator_value():
    r = result("C24", 2023, [actual(12, 2023, 6)])
    assert r.value == 6 and r.state == "met"
    r = result("C18", 2023, [actual(14, 2023, 1)])
    assert r.state == "met"  # the text's breakthrough (1), though the table plans 2


def test_line_of_work_shows_the_latest_report_up_to_the_year():
    rows = [
        progress("4.1", 2021, status=WorkStatus.NOT_STARTED, date="2021-12-10"),
        progress("4.1", 2022, status=WorkStatus.IN_PROGRESS, date="2022-06-30"),
        progress("4.1", 2022, status=WorkStatus.LAGGING, date="2022-12-10"),
        progress("4.1", 2023, status=WorkStatus.DONE, date="2023-11-30"),
    ]
    work = assess_tasks(PLAN, TASKS, [], rows, 2022)
    line = next(r for r in work.lines if r.line.id == "4.1")
    assert line.state == "lagging" and len(line.reports) == 2 and not line.stale
    work = assess_tasks(PLAN, TASKS, [], rows[:1], 2022)
    line = next(r for r in work.lines if r.line.id == "4.1")
    assert line.state == "not_started" and line.stale
    other = next(r for r in work.lines if r.line.id == "1.1")
    assert other.state == "no_report" and other.latest is None


def test_units_group_lines_and_commitments_by_lead():
    work = assess_tasks(PLAN, TASKS, [], [], 2022)
    units = {u.unit: u for u in work.units}
    assert [r.line.id for r in units["区人社局"].lines] == ["2.1", "2.2"]
    assert [r.commitment.id for r in units["区金融办"].commitments] == ["C24"]
    assert units["各产业链办公室"].commitment_counts["no_data"] == 1
    # a filter keeps what involves the unit as lead or responsible
    only = work.filter(["区金融办"])
    assert {r.line.id for r in only.lines} == {"1.1", "1.2", "1.3", "5.1", "5.2", "5.3", "5.4", "5.5"}
    assert "C24" in {r.commitment.id for r in only.commitments}


# ── progress files ───────────────────────────────────────────────────────────

HEADER = "item,year,value,unit,status,date,note,source,reporter\n"


def read(tmp_path, body: str, name: str = "p.csv"):
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return read_actuals([path], PLAN, tasks=TASKS)


def test_shipped_progress_reads_without_findings():
    r = read_actuals([DATA / "progress"], PLAN, tasks=TASKS)
    assert r.findings == [] and len(r.progress) == 8 * 2 + 17 + 18
    assert all(p.illustrative for p in r.progress)


@pytest.mark.parametrize(
    ("row", "code", "column"),
    [
        ("C99,2022,1,,,,,x,", "unknown-item", 1),
        ("C07,2022,400,,,,,x,", "measured-by-indicator", 1),
        ("C02,2020,900,,,,,x,", "year-outside-plan", 2),
        ("C02,2022,lots,,,,,x,", "value-not-number", 3),
        ("C02,2022,1.7e308,,,,,x,", "value-out-of-range", 3),
        ("C02," + "2" * 5000 + ",1200,,,,,x,", "year-invalid", 2),
        ("C02,2022,1200,家,,,,x,", "unit-mismatch", 4),
        ("C14,2022,3.5,,,,,x,", "fraction-for-count", 3),
        ("C02,2022,1200,,推进中,,,x,", "status-for-commitment", 5),
        ("1.1,2022,,,finished,2022-06-30,n,x,", "status-invalid", 5),
        ("1.1,2022,,,推进中,,n,x,", "date-missing", 6),
        ("1.1,2022,,,推进中,30/06/2022,n,x,", "date-invalid", 6),
        ("1.1,2022,,,推进中,2021-06-30,n,x,", "year-date-mismatch", 6),
        ("1.1,2022,5,,推进中,2022-06-30,n,x,", "value-for-line", 3),
        ("1.1,2022,,,推进中,2022-06-30,n,x,区科技局", "reporter-not-responsible", 9),
        ("C21,2022,9,,,,,x,区人社局", "reporter-not-responsible", 9),
    ],
)
def test_each_bad_row_is_one_finding_with_line_and_column(tmp_path, row, code, column):
    r = read(tmp_path, row + "\n")
    assert [(f.code, f.line, f.column) for f in r.errors] == [(code, 2, column)]
    assert r.progress == []


def test_progress_rows_in_chinese_words_and_dates(tmp_path):
    path = tmp_path / "进展.csv"
    path.write_text(
        "事项,年份,数值,单位,状态,日期,备注,来源,填报单位\n"
        "C02,2022,12300000,万元,,,,区统计局,望城经开区产业发展局\n"
        "2.2,,,,滞后,2022年12月15日,政策未出台,区人社局,区人社局\n",
        encoding="utf-8",
    )
    r = read_actuals([path], PLAN, tasks=TASKS)
    assert r.errors == []
    value, line = r.progress
    assert value.item == "C02" and value.value == pytest.approx(1230)  # 万元 -> 亿元
    assert line.status is WorkStatus.LAGGING and line.year == 2022 and str(line.date) == "2022-12-15"


def test_conflicts_are_never_resolved_and_repeats_are_warned(tmp_path):
    r = read(tmp_path, "C02,2022,1200,,,,,x,\nC02,2022,1250,,,,,y,\nC03,2022,98,,,,,x,\nC03,2022,98,,,,,x,\n")
    assert [(f.code, f.line) for f in r.findings] == [("conflicting-values", 3), ("duplicate-row", 5)]
    assert [p.item for p in r.progress] == ["C03"]
    r = read(tmp_path, "1.1,,,,推进中,2022-06-30,a,x,\n1.1,,,,滞后,2022-06-30,b,x,\n")
    assert [f.code for f in r.errors] == ["conflicting-values"] and r.progress == []


def test_a_line_without_a_note_is_a_warning(tmp_path):
    r = read(tmp_path, "1.1,2022,,,推进中,2022-06-30,,x,\n")
    assert [(f.code, f.severity) for f in r.findings] == [("note-missing", "warning")]
    assert len(r.progress) == 1


# ── the tasks file ───────────────────────────────────────────────────────────


def test_a_broken_tasks_file_names_file_line_and_field(tmp_path):
    text = (DATA / "tasks.yaml").read_text(encoding="utf-8")
    bad = text.replace('    line: "4.3"\n', '    line: "4.9"\n', 1).replace(
        "measured_by: {indicators: [12], as: level}", "measured_by: {indicators: [99], as: level}"
    )
    path = tmp_path / "tasks.yaml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(PlanFileError) as caught:
        load_tasks(path, PLAN)
    found = [(f.code, f.line) for f in caught.value.findings]
    lines = bad.splitlines()
    assert [code for code, _ in found] == ["tasks-unknown-line", "tasks-unknown-indicator"]
    assert "4.9" in lines[found[0][1] - 1] and "99" in lines[found[1][1] - 1]


def test_a_commitment_measured_by_indicators_takes_no_fields_of_its_own(tmp_path):
    text = (DATA / "tasks.yaml").read_text(encoding="utf-8")
    bad = text.replace(
        "measured_by: {indicators: [12], as: level}",
        "measured_by: {indicators: [12], as: level}\n    baseline: 3",
    )
    path = tmp_path / "tasks.yaml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(PlanFileError) as caught:
        load_tasks(path, PLAN)
    (finding,) = caught.value.findings
    assert finding.code == "tasks-inconsistent" and "comes from the indicators" in finding.message
    assert bad.splitlines()[finding.line - 1].strip() == "baseline: 3"


def test_the_tasks_file_refuses_aliases_and_repeated_keys_as_the_plan_file_does(tmp_path, runner):
    text = (DATA / "tasks.yaml").read_text(encoding="utf-8")
    path = tmp_path / "tasks.yaml"
    cases = [
        (
            text.replace("    lead: [望城经开区产业发展局]\n", "    lead: &park [望城经开区产业发展局]\n", 1),
            "tasks-yaml-alias",
            "&park",
        ),
        (
            text.replace(
                "    responsible: [区财政局, 区金融办]\n",
                "    responsible: [区财政局, 区金融办]\n    id: 9\n",
                1,
            ),
            "tasks-duplicate-key",
            "id: 9",
        ),
    ]
    for bad, code, needle in cases:
        path.write_text(bad, encoding="utf-8")
        with pytest.raises(PlanFileError) as caught:
            load_tasks(path, PLAN)
        (finding,) = caught.value.findings
        line = next(n for n, row in enumerate(bad.splitlines(), 1) if needle in row)
        assert (finding.code, finding.line) == (code, line)
        assert finding.column == bad.splitlines()[line - 1].index(needle) + 1
        r = runner.invoke(app, ["tasks", "2022", "--tasks", str(path)])
        assert r.exit_code == 1 and f"tasks.yaml:{line}:{finding.column}: error {code}: " in r.stderr


@pytest.mark.parametrize(
    ("value", "problem"),
    [("-2", "must be zero or more, not -2"), (".inf", "must be a finite number, not inf")],
)
def test_a_commitment_number_is_finite_and_not_negative(tmp_path, value, problem):
    text = (DATA / "tasks.yaml").read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("    baseline: 0"))
    bad = text.replace(old + "\n", f"    baseline: {value}\n", 1)
    path = tmp_path / "tasks.yaml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(PlanFileError) as caught:
        load_tasks(path, PLAN)
    (finding,) = caught.value.findings
    line = bad.splitlines().index(f"    baseline: {value}") + 1
    assert (finding.line, finding.column) == (line, 15)
    assert finding.message.endswith(f": field 'baseline' {problem}.")


@pytest.mark.parametrize(
    ("old", "new", "needle", "subject", "nearest"),
    [
        (
            "    lead: [区科技局, 区人社局]",
            "    lead: [区科技局, 区人设局]",
            "区人设局",
            "task 2",
            "区人社局",
        ),
        ("    responsible: [区工信局]\n", "    responsible: [区工信]\n", "区工信", "task 3", "区工信局"),
        ("    lead: null\n", "    lead: 区金融\n", "区金融", "commitment C01", "区金融办"),
    ],
)
def test_the_tasks_file_names_only_units_the_plan_declares(
    tmp_path, runner, old, new, needle, subject, nearest
):
    text = (DATA / "tasks.yaml").read_text(encoding="utf-8")
    assert old in text
    bad = text.replace(old, new, 1)
    path = tmp_path / "tasks.yaml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(PlanFileError) as caught:
        load_tasks(path, PLAN)
    (finding,) = caught.value.findings
    line = next(n for n, row in enumerate(bad.splitlines(), 1) if row == new.rstrip("\n"))
    column = bad.splitlines()[line - 1].index(needle) + 1
    assert (finding.code, finding.line, finding.column) == ("tasks-unknown-unit", line, column)
    assert finding.message.startswith(f"{subject}: field '") and f"did you mean {nearest}?" in finding.message
    r = runner.invoke(app, ["tasks", "2022", "--tasks", str(path)])
    assert r.exit_code == 1 and f"tasks.yaml:{line}:{column}: error tasks-unknown-unit: " in r.stderr


# ── the command ──────────────────────────────────────────────────────────────


def test_tasks_command_table(runner):
    r = runner.invoke(app, ["tasks", "2022"], env={"COLUMNS": "120"})
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert "tasks and commitments 2022" in out
    assert (
        "Industrial Development Bureau, Wangcheng Economic and Technological Development Zone · lines of"
        in out
    )
    assert "C11" in out and "! behind" in out
    assert "Lines of work (17): in progress 13 · done 1 · lagging 3" in out
    assert "Commitments (29): on track 1 · behind 1 · not due 27" in out
    assert out.count("Illustrative data:") == 1
    zh = runner.invoke(app, ["tasks", "2022", "--lang", "zh"], env={"COLUMNS": "120"}).stdout
    assert "望城经开区产业发展局 · 牵头的工作事项 · 15" in zh
    assert "工作事项（17）：推进中 13 · 已完成 1 · 滞后 3" in zh
    assert "量化目标（29）：接近目标 1 · 滞后 1 · 未到期 27" in zh
    assert zh.count("示意数据：") == 1


def test_tasks_command_json_and_unit_filter(runner):
    r = runner.invoke(app, ["tasks", "2022", "--unit", "区金融办", "-f", "json"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert len(doc["lines"]) == 8 and {c["id"] for c in doc["commitments"]} >= {"C24", "C21"}
    c11 = json.loads(runner.invoke(app, ["tasks", "2022", "-f", "json"]).stdout)["commitments"]
    c11 = next(c for c in c11 if c["id"] == "C11")
    assert (c11["state"], c11["value"], c11["target"], c11["gap"]) == ("behind", 7, 10, -3)
    assert c11["lead_named"] is False and c11["illustrative"] is True


def test_tasks_command_usage_errors(runner):
    r = runner.invoke(app, ["tasks", "2020"])
    assert r.exit_code == 2 and "not a plan year" in r.stderr
    r = runner.invoke(app, ["tasks", "2022", "--unit", "区教育局"])
    assert r.exit_code == 2 and "no unit of the plan is called 区教育局" in r.stderr


def test_invalid_progress_stops_the_command_with_the_finding(runner, tmp_path):
    bad = tmp_path / "p.csv"
    bad.write_text(HEADER + "C02,2022,lots,,,,,x,\n", encoding="utf-8")
    r = runner.invoke(app, ["tasks", "2022", "--progress", str(bad)])
    assert r.exit_code == 1
    assert "p.csv:2:3: error value-not-number: the value 'lots' is not a number." in r.stderr
    r = runner.invoke(app, ["validate", str(bad)])
    assert r.exit_code == 1 and "value-not-number" in r.stdout


def test_a_plan_without_tasks_file(runner, tmp_path):
    (tmp_path / "targets.yaml").write_bytes((DATA / "targets.yaml").read_bytes())
    plan = str(tmp_path / "targets.yaml")
    r = runner.invoke(app, ["tasks", "2022", "--targets", plan])
    assert r.exit_code == 2 and "no tasks file found" in r.stderr
    r = runner.invoke(app, ["report", "2022", "--targets", plan])
    assert r.exit_code == 0 and "Tasks and commitments" not in r.stdout
