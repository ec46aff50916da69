"""The CLI as users run it: CliRunner for behaviour, a few real subprocesses."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

from conftest import DATA, ROOT
from wcplan import __version__
from wcplan.cli import app
from wcplan.model.planfile import load_plan
from wcplan.reading.actuals import read_actuals
from wcplan.render.json import assessment_document, targets_document
from wcplan.rules.yearend import assess

COLOUR = re.compile(r"\x1b\[[0-9;]*3[0-7]m|\x1b\[[0-9;]*9[0-7]m")  # foreground colours


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def run(runner, *args, env=None):
    return runner.invoke(app, list(args), env=env)


# ── status ──────────────────────────────────────────────────────────────────


def test_status_2022_groups_by_lead_unit(runner):
    r = run(runner, "status", "2022", "--lang", "zh")
    assert r.exit_code == 0, r.output
    out = r.stdout
    positions = [out.index(f"{u} · 牵头") for u in load_plan(DATA / "targets.yaml").lead_units()]
    assert positions == sorted(positions)
    assert "区工信局 · 牵头 · 19 项指标" in out
    assert "达标 8 · 接近目标 1 · 滞后 6 · 严重滞后 2 · 无数据 2" in out
    flat = "".join(out.split())  # the line wraps at 80 columns
    assert (
        "全部指标（42项指标）：达标22·接近目标3·滞后8·严重滞后6·无数据3·无法判断0—59.5%达标或接近目标" in flat
    )
    row = next(line for line in out.splitlines() if "工业总产值" in line and "规模" not in line)
    assert row.split() == [
        "1",
        "工业总产值",
        "亿元",
        "1400",
        "1352",
        "-48",
        "96.6%",
        "0.88",
        "!",
        "滞后",
        "存在风险",
    ]
    ratio_row = next(line for line in out.splitlines() if "制造业增加值占GDP比重" in line)
    assert "-0.9个百分点" in ratio_row


def test_status_2022_in_english(runner):
    out = run(runner, "status", "2022", "--lang", "en", env={"COLUMNS": "160"}).stdout
    assert "District Bureau of Industry and Information Technology · lead unit · 19 indicators" in out
    assert "met 8 · on track 1 · behind 6 · off track 2 · no data 2" in out
    assert (
        "Plan-wide (42 indicators): met 22 · on track 3 · behind 8 · off track 6 · no data 3 · unknown 0"
        in out
    )
    row = next(line for line in out.splitlines() if "Gross industrial output value" in line)
    assert row.split()[:8] == ["1", "Gross", "industrial", "output", "value", "100m", "yuan", "1400"]
    assert "-0.9 pp" in next(line for line in out.splitlines() if "Manufacturing value added" in line)


def test_status_says_once_that_values_are_illustrative(runner):
    out = run(runner, "status", "2022").stdout
    assert out.count("Illustrative data:") == 1
    assert "38 of the 39 actuals shown are made-up illustrative values" in out


def test_status_without_illustrative_values_does_not_say_so(runner):
    out = run(runner, "status", "2022", "--unit", "区科技局", "--status", "met").stdout
    # 26 (published) and 28, 29 (illustrative) are met for 区科技局
    assert "Illustrative data: 2 of the 3" in out
    out = run(
        runner, "status", "2021", "--category", "创新驱动", "--status", "met", "--unit", "区科技局"
    ).stdout
    assert "27" in out and "Illustrative data: 2 of the 3" in out


def test_status_json_is_the_core_result(runner):
    r = run(runner, "status", "2022", "--format", "json")
    assert r.exit_code == 0
    plan = load_plan(DATA / "targets.yaml")
    read = read_actuals([DATA / "actuals"], plan)
    expected = assessment_document(assess(plan, read.actuals, 2022, read.files))
    assert json.loads(r.stdout) == expected


def test_status_json_shape(runner):
    doc = json.loads(run(runner, "status", "2022", "-f", "json").stdout)
    assert {"year", "indicators", "units"} <= set(doc)
    assert doc["year"] == 2022
    assert [i["id"] for i in doc["indicators"]] == list(range(1, 43))
    required = {
        "id",
        "name",
        "unit",
        "attribute",
        "measure",
        "lead",
        "responsible",
        "baseline",
        "target",
        "actual",
        "gap",
        "completion",
        "progress",
        "status",
        "source",
    }
    for item in doc["indicators"]:
        assert required <= set(item)
    by_id = {i["id"]: i for i in doc["indicators"]}
    assert by_id[27]["baseline"] is None and by_id[27]["actual"] is None and by_id[27]["status"] == "no_data"
    assert by_id[4]["gap"] == -0.9 and by_id[4]["completion"] is None
    assert by_id[1]["target"] == 1400 and isinstance(by_id[1]["progress"], float)
    assert by_id[26]["source"].startswith("望城区发展和改革局") and by_id[26]["illustrative"] is False
    assert by_id[12]["responsible"] == ["望城经开区产业发展局", "区工信局"]
    units = {u["unit"]: u for u in doc["units"]}
    assert units["区工信局"] == {
        "unit": "区工信局",
        "indicators": 19,
        "met": 8,
        "on_track": 1,
        "behind": 6,
        "off_track": 2,
        "no_data": 2,
        "unknown": 0,
    }
    assert any(n.startswith("Illustrative data:") for n in doc["notes"])


def test_status_filters(runner):
    doc = json.loads(run(runner, "status", "2022", "-f", "json", "--status", "off_track,behind").stdout)
    assert {i["status"] for i in doc["indicators"]} == {"off_track", "behind"}
    assert len(doc["indicators"]) == 14
    doc = json.loads(
        run(runner, "status", "2022", "-f", "json", "--status", "off-track", "--status", "met").stdout
    )
    assert {i["status"] for i in doc["indicators"]} == {"off_track", "met"}
    doc = json.loads(run(runner, "status", "2022", "-f", "json", "--unit", "区发改局").stdout)
    assert [i["id"] for i in doc["indicators"]] == [31, 32]  # responsible unit; grouped under the lead
    assert [u["unit"] for u in doc["units"]] == ["望城经开区产业发展局"]
    doc = json.loads(run(runner, "status", "2022", "-f", "json", "--category", "绿色发展").stdout)
    assert [i["id"] for i in doc["indicators"]] == [37, 38, 39]


def test_filters_that_match_nothing(runner):
    r = run(runner, "status", "2022", "--unit", "区金融办", "--status", "off_track")
    assert r.exit_code == 0 and "No indicator matches the filters." in r.stdout


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["status", "2025"], "2025 is not a plan year; the plan's years are 2021, 2022, 2023."),
        (
            ["status", "2020"],
            "2020 is the base year, not a plan year; the plan's years are 2021, 2022, 2023.",
        ),
        (
            ["status", "2022", "--unit", "工信局"],
            "no unit of the plan is called 工信局; the units with indicators are: 区工信局,",
        ),
        (["status", "2022", "--category", "绿色"], "no category is called 绿色"),
        (["status", "2022", "--status", "late"], "'late' is not a status; use met, on_track,"),
        (["status", "2022", "--format", "xml"], "Invalid value for '--format'"),
        (["status", "twenty"], "Invalid value for"),
        (["status", "2022", "--actuals", "nowhere.csv"], "nowhere.csv does not exist."),
        (["targets", "--unit", "nobody"], "no unit of the plan is called nobody"),
    ],
)
def test_usage_errors_exit_2_with_one_sentence(runner, args, words):
    r = run(runner, *args)
    assert r.exit_code == 2
    assert words in r.stderr
    assert "Traceback" not in r.stderr


def test_invalid_actuals_exit_1_with_every_problem(runner, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator,year,value,source\n1,2022,约1300,x\n99,2022,1,x\n", encoding="utf-8")
    r = run(runner, "status", "2022", "--actuals", str(bad))
    assert r.exit_code == 1
    lines = r.stderr.strip().splitlines()
    assert lines[0] == f"{bad}:2:3: error value-not-number: the value '约1300' is not a number."
    assert lines[1].startswith(f"{bad}:3:1: error unknown-indicator: indicator 99 is not in the plan")
    assert (
        lines[2] == "wcplan: the actuals have 2 errors; nothing was assessed. "
        "`wcplan validate` reports every problem of the files."
    )
    assert r.stdout == ""


def test_conflicting_files_exit_1_naming_both(runner, tmp_path):
    (tmp_path / "a.csv").write_text("indicator,year,value,source\n5,2022,360,x\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("indicator,year,value,source\n5,2022,355,y\n", encoding="utf-8")
    r = run(runner, "status", "2022", "--actuals", str(tmp_path))
    assert r.exit_code == 1
    assert "indicator 5 for 2022 is 355 here but 360 at" in r.stderr and "a.csv:2" in r.stderr


def test_warnings_go_to_stderr_and_do_not_fail(runner, tmp_path):
    f = tmp_path / "a.csv"
    f.write_text("indicator,year,value,remark\n5,2022,360,x\n", encoding="utf-8")
    r = run(runner, "status", "2022", "--actuals", str(f))
    assert r.exit_code == 0
    assert "warning unknown-column" in r.stderr and "warning source-missing" in r.stderr
    assert "Illustrative" not in r.stdout


def test_actuals_beside_the_plan_file_and_env_var(runner, tmp_path):
    data = tmp_path / "data"
    (data / "actuals").mkdir(parents=True)
    (data / "targets.yaml").write_bytes((DATA / "targets.yaml").read_bytes())
    (data / "actuals" / "x.csv").write_text("indicator,year,value,source\n3,2022,431,statistics office\n")
    r = run(runner, "status", "2022", "-f", "json", env={"WCPLAN_TARGETS": str(data / "targets.yaml")})
    doc = json.loads(r.stdout)
    assert [i["id"] for i in doc["indicators"] if i["actual"] is not None] == [3]
    assert doc["notes"] == []  # no illustrative value, nothing to flag
    r = run(runner, "status", "2022", env={"WCPLAN_TARGETS": str(tmp_path / "none.yaml")})
    assert r.exit_code == 2 and "$WCPLAN_TARGETS names" in r.stderr


def test_plan_found_in_a_parent_folder(runner, tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    text = (
        (DATA / "targets.yaml")
        .read_text(encoding="utf-8")
        .replace("document_number: 望发〔2021〕4号", "document_number: PARENT-COPY")
    )
    (tmp_path / "data" / "targets.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "deep" / "er").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "deep" / "er")
    doc = json.loads(run(runner, "targets", "-f", "json").stdout)
    assert doc["plan"]["document_number"] == "PARENT-COPY"


def test_packaged_plan_is_the_last_resort(runner, tmp_path, monkeypatch):
    import wcplan.reading.locate as locate

    monkeypatch.chdir(tmp_path)
    shipped = tmp_path / "pkg"
    (shipped / "actuals").mkdir(parents=True)
    (shipped / "targets.yaml").write_bytes((DATA / "targets.yaml").read_bytes())
    monkeypatch.setattr(locate, "shipped_data", lambda: shipped)
    r = run(runner, "status", "2022")
    assert r.exit_code == 0 and "Actuals: none found" in r.stdout
    monkeypatch.setattr(locate, "shipped_data", lambda: tmp_path / "nothing")
    r = run(runner, "status", "2022")
    assert r.exit_code == 2 and "no plan file found" in r.stderr


def test_unexpected_errors_are_one_sentence_and_exit_3(runner, monkeypatch):
    import wcplan

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(wcplan, "assess", broken)
    r = run(runner, "status", "2022")
    assert r.exit_code == 3
    assert r.stderr.strip().splitlines() == [
        "wcplan: unexpected error (RuntimeError: disk on fire); this is a bug in wcplan: please report it "
        "with the command you ran (WCPLAN_DEBUG=1 shows the traceback)."
    ]


# ── colour and width ────────────────────────────────────────────────────────


def test_colour_only_when_asked_for_or_on_a_terminal(runner):
    assert not COLOUR.search(run(runner, "status", "2022").stdout)  # not a terminal
    assert COLOUR.search(run(runner, "status", "2022", env={"FORCE_COLOR": "1"}).stdout)
    assert not COLOUR.search(run(runner, "status", "2022", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout)
    assert not COLOUR.search(run(runner, "status", "2022", "--no-color", env={"FORCE_COLOR": "1"}).stdout)


@pytest.mark.parametrize("width", [80, 100, 120])
def test_status_fits_the_width_with_chinese_names(runner, width):
    out = run(runner, "status", "2022", env={"COLUMNS": str(width)}).stdout
    assert max(cell_len(line) for line in out.splitlines()) <= width
    plan = load_plan(DATA / "targets.yaml")
    rows = {line.split()[0]: line for line in out.splitlines() if re.match(r"^\s*\d{1,2}\s\s\S", line)}
    assert sorted(map(int, rows)) == list(range(1, 43))  # every indicator has its row
    for ind in plan.indicators:  # a name longer than its cell folds onto the next line, never cut
        assert ind.name_en.split()[0][:4] in rows[str(ind.id)]
    zh = run(runner, "status", "2022", "--lang", "zh", env={"COLUMNS": str(width)}).stdout
    assert max(cell_len(line) for line in zh.splitlines()) <= width
    rows = {line.split()[0]: line for line in zh.splitlines() if re.match(r"^\s*\d{1,2}\s\s\S", line)}
    assert sorted(map(int, rows)) == list(range(1, 43))
    for ind in plan.indicators:
        assert ind.name[:4] in rows[str(ind.id)]
    hidden = {
        80: "Hidden to fit 80 columns: Plan, Progr., Outlook; "
        "widen the terminal or use --format json to see them.",
        100: "Hidden to fit 100 columns: Plan; widen the terminal or use --format json to see them.",
    }
    assert (hidden.get(width, "Hidden") in " ".join(out.split())) == (width in hidden)


def test_every_name_unfolded_at_140_columns(runner):
    out = run(runner, "status", "2022", "--lang", "zh", env={"COLUMNS": "140"}).stdout
    assert all(ind.name in out for ind in load_plan(DATA / "targets.yaml").indicators)


# ── targets ─────────────────────────────────────────────────────────────────


def test_targets_json_has_every_field_of_the_plan_file(runner):
    r = run(runner, "targets", "--format", "json")
    doc = json.loads(r.stdout)
    plan = load_plan(DATA / "targets.yaml")
    assert doc == json.loads(json.dumps(targets_document(plan, plan.indicators)))
    assert doc["plan"]["document_number"] == "望发〔2021〕4号"
    item = doc["indicators"][26]
    assert item["id"] == 27 and item["baseline"] is None
    assert item["targets"] == {"2021": 3, "2022": 3.05, "2023": 3.1}
    assert set(item) == {
        "id",
        "category",
        "name",
        "name_en",
        "unit",
        "baseline",
        "targets",
        "attribute",
        "measure",
        "direction",
        "lead",
        "responsible",
    }


def test_targets_filters_and_table(runner):
    doc = json.loads(run(runner, "targets", "-f", "json", "--unit", "望城经开区招商合作局").stdout)
    assert [i["id"] for i in doc["indicators"]] == [18, 19]
    doc = json.loads(run(runner, "targets", "-f", "json", "--category", "数字赋能").stdout)
    assert [i["id"] for i in doc["indicators"]] == [40, 41, 42]
    out = run(runner, "targets").stdout
    assert "42 of 42 indicators shown" in out
    row27 = next(line for line in out.splitlines() if line.split()[:1] == ["27"])
    assert "—" in row27 and " 0 " not in row27  # the missing baseline is shown as missing


def test_version(runner):
    r = run(runner, "--version")
    assert r.exit_code == 0 and r.stdout.strip() == f"wcplan {__version__}"


# ── real processes ──────────────────────────────────────────────────────────


def subprocess_env() -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "WCPLAN_TARGETS")}
    env["COLUMNS"] = "100"
    return env


def wcplan_exe() -> list[str]:
    exe = Path(sys.executable).with_name("wcplan")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "wcplan"]


def test_real_process_status_2022():
    p = subprocess.run(
        [*wcplan_exe(), "status", "2022"],
        cwd=ROOT,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert p.returncode == 0, p.stderr
    assert "Plan-wide (42 indicators)" in p.stdout and p.stderr == ""


def test_real_process_python_m_and_exit_codes(tmp_path):
    p = subprocess.run(
        [sys.executable, "-m", "wcplan", "--version"], capture_output=True, text=True, timeout=60
    )
    assert p.returncode == 0 and p.stdout.strip() == f"wcplan {__version__}"
    p = subprocess.run(
        [sys.executable, "-m", "wcplan", "status", "1999"],
        cwd=ROOT,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert p.returncode == 2 and "1999 is not a plan year" in p.stderr
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator,year,value,source\n1,2022,N/A,x\n", encoding="utf-8")
    p = subprocess.run(
        [sys.executable, "-m", "wcplan", "status", "2022", "--actuals", str(bad)],
        cwd=ROOT,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert p.returncode == 1 and "Traceback" not in p.stderr
    assert p.stderr.startswith(f"{bad}:2:3: error value-not-number:")


def test_help_imports_no_heavy_module():
    code = (
        "import sys\nfrom wcplan import cli\nsys.argv = ['wcplan', '--help']\n"
        "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('pandas', 'pydantic', 'yaml', 'rich') if m in sys.modules))"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert p.stdout.strip().splitlines()[-1] == "[]"


def test_names_print_as_written_never_as_markup(runner, tmp_path):
    text = (DATA / "targets.yaml").read_text(encoding="utf-8")
    text = (
        text.replace("name: 工业总产值", "name: '工业总产值[red]A[/red]'")
        .replace("lead: 区财政局", "lead: '[bold]区财政局'")
        .replace("  区财政局: ", "  '[bold]区财政局': ")
    )
    plan = tmp_path / "targets.yaml"
    plan.write_text(text, encoding="utf-8")
    for args in (["status", "2022", "--actuals", str(DATA / "actuals")], ["targets"]):
        out = run(runner, *args, "--targets", str(plan), "--lang", "zh", env={"COLUMNS": "160"}).stdout
        assert "工业总产值[red]A[/red]" in out and "[bold]" in out


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (
            ["--unit", "区金融办"],
            "Illustrative data: the one actual shown is a made-up illustrative value (source "
            "'illustrative'), not a published figure; do not cite it.",
        ),
        (
            ["--unit", "区科技局", "--status", "met,no_data", "--category", "创新驱动"],
            "Illustrative data: 2 of the 3 actuals shown are made-up illustrative values (source "
            "'illustrative'), not published figures; do not cite them.",
        ),
    ],
)
def test_illustrative_sentence_reads_right_for_any_count(runner, args, sentence):
    doc = json.loads(run(runner, "status", "2022", "-f", "json", *args).stdout)
    assert doc["notes"] == [sentence]


@pytest.mark.parametrize("args", [["status", "2022"], ["status", "2022", "-f", "json"], ["targets"]])
def test_a_reader_that_stops_early_is_not_an_error(args):
    """`wcplan status 2022 | head -1`: exit 0 and nothing on stderr, not exit 1 ('invalid data')."""
    p = subprocess.Popen(
        [*wcplan_exe(), *args], cwd=ROOT, env=subprocess_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    # Close before wcplan writes (start-up takes far longer than this), so every write
    # meets a closed pipe, as with `| head` once head has had its line.
    p.stdout.close()
    err = p.stderr.read()
    assert p.wait(timeout=60) == 0
    assert err == b""


def test_text_from_files_is_printed_exactly(runner, tmp_path):
    """Notes, sources and sentences are data: no emoji codes or markup are interpreted."""
    f = tmp_path / "a.csv"
    f.write_text("indicator,year,value,source,note\n3,2022,431,[b]office[/b],:warning: check :smile:\n")
    doc = json.loads(run(runner, "status", "2022", "-f", "json", "--actuals", str(f)).stdout)
    item = doc["indicators"][2]
    assert (item["source"], item["note"]) == ("[b]office[/b]", ":warning: check :smile:")
    bad = tmp_path / ":smile:.csv"
    bad.write_text("indicator,year,value,source\n3,2022,:x:,s\n")
    r = run(runner, "status", "2022", "--actuals", str(bad))
    assert r.exit_code == 1 and "the value ':x:' is not a number." in r.stderr and ":smile:.csv" in r.stderr


def test_status_json_carries_plan_so_far_and_outlook(runner):
    doc = json.loads(run(runner, "status", "2022", "-f", "json").stdout)
    by_id = {i["id"]: i for i in doc["indicators"]}
    # indicator 1: points 1000 (2020), 1085, 1352; d = 176; P = 1528; O = 528 / 700
    assert by_id[1]["projection"] == 1528 and by_id[1]["outlook"] == "at_risk"
    assert by_id[1]["outlook_ratio"] == pytest.approx(528 / 700)
    assert by_id[1]["plan_progress"] == pytest.approx((1352 - 1000) / (1700 - 1000))
    # indicator 18 (annual): 38 + 34 over 35 + 35; projected 72 + 36 = 108 of 105
    assert by_id[18]["plan_completion"] == pytest.approx(72 / 70) and by_id[18]["outlook"] == "likely"
    assert by_id[27]["missing_years"] == [2022] and by_id[27]["outlook"] == "unknown"
    final = json.loads(run(runner, "status", "2023", "-f", "json").stdout)
    assert all(i["outlook"] is None and i["projection"] is None for i in final["indicators"])


def test_units_command_formats(runner):
    doc = json.loads(run(runner, "units", "2022", "-f", "json").stdout)
    assert doc["by"] == "lead" and doc["year"] == 2022
    scores = [u["score"] for u in doc["units"]]
    assert scores == sorted(scores, reverse=True)
    fin = next(u for u in doc["units"] if u["unit"] == "各产业链办公室")
    assert (fin["met"], fin["on_track"], fin["assessed"], fin["score"]) == (1, 1, 2, 1)
    assert any(n.startswith("Illustrative data:") for n in doc["notes"])
    md = run(runner, "units", "2022", "--by", "responsible", "-f", "markdown").stdout
    md, tasks_md = md.split("## Tasks and commitments 2022 by lead unit")
    assert "| District Financial Affairs Office |" in tasks_md
    rows = [line for line in md.splitlines() if line.startswith("| ")]
    assert len(rows) == 1 + 4 and all(row.count(" | ") == 8 for row in rows)  # header + 4 units, 9 cells
    assert "> Illustrative data:" in md
    out = run(runner, "units", "2022").stdout
    assert "Scorecards 2022 by lead unit" in out and "Illustrative data:" in out
    assert run(runner, "units", "2030").exit_code == 2


@pytest.mark.parametrize(
    "period", ["2022-H1", "2022-06", "2022-Q2", "2022年上半年", "2022年6月", "2022年二季度"]
)
def test_status_of_a_period_in_every_form(runner, tmp_path, period):
    f = tmp_path / "h1.csv"
    f.write_text(
        "indicator,period,value,source\n1,2022-H1,640,x\n18,2022年上半年,19,x\n3,2022-06,410,x\n",
        encoding="utf-8",
    )
    doc = json.loads(run(runner, "status", period, "--actuals", str(f), "-f", "json").stdout)
    assert doc["year"] == 2022 and doc["period"] == parse_label(period)
    by_id = {i["id"]: i for i in doc["indicators"]}
    assert by_id[1]["expected"] == 700 and by_id[1]["status"] == "behind" and by_id[1]["provisional"]
    assert by_id[1]["schedule_gap"] == pytest.approx((640 / 1400 - 0.5) * 100)
    assert by_id[18]["status"] == "met" and by_id[18]["period"] == "2022-H1"
    assert by_id[3]["expected"] is None and by_id[3]["progress"] == pytest.approx(0.75)
    out = run(runner, "status", period, "--actuals", str(f), env={"COLUMNS": "140"}).stdout
    assert (
        "the year to date (6/12 of 2022)" in " ".join(out.split())
        and "! behind*" in out
        and "* provisional" in out
    )


def parse_label(text):
    from wcplan.model.periods import parse_period

    return parse_period(text).label


def test_a_year_with_only_periods_uses_the_latest_provisionally(runner, tmp_path):
    f = tmp_path / "p.csv"
    f.write_text("indicator,period,value,source\n1,2022-H1,640,x\n1,2022-Q3,1000,x\n", encoding="utf-8")
    doc = json.loads(run(runner, "status", "2022", "--actuals", str(f), "-f", "json").stdout)
    one = doc["indicators"][0]
    assert one["period"] == "2022-Q3" and one["provisional"] and one["expected"] == 1050
    assert any("judged on its latest figure, 2022-Q3, provisionally" in n for n in doc["notes"])


def test_an_unreadable_period_is_a_usage_error(runner):
    r = run(runner, "status", "2022-13")
    assert r.exit_code == 2 and "'2022-13' is not a year or a period; write it as 2022, 2022-06" in r.stderr


def test_trend_by_id_or_name(runner):
    doc = json.loads(run(runner, "trend", "1", "-f", "json").stdout)
    assert doc["indicator"]["name"] == "工业总产值"
    assert [(y["year"], y["actual"], y["status"]) for y in doc["years"]] == [
        (2021, 1085, "behind"),
        (2022, 1352, "behind"),
        (2023, None, "no_data"),
    ]
    assert doc["projection"] == {
        "from_year": 2022,
        "value": 1528,
        "outlook": "at_risk",
        "ratio": pytest.approx(528 / 700),
        "reason": None,
    }
    assert any(n.startswith("Illustrative data: 2 of the 2") for n in doc["notes"])
    by_name = json.loads(run(runner, "trend", "制造业增加值占 GDP 比重", "-f", "json").stdout)
    assert by_name["indicator"]["id"] == 4
    assert json.loads(run(runner, "trend", "４", "-f", "json").stdout)["indicator"]["id"] == 4


def test_trend_chart_marks_actuals_and_projection(runner):
    out = run(runner, "trend", "1", env={"COLUMNS": "100"}).stdout
    chart = out[out.index("1700 |") :]
    lines = chart.splitlines()
    assert lines[0].startswith("1700 |") and any(line.startswith("1000 |") for line in lines)
    assert chart.count("o") >= 2 and "+" in lines[2] and "2020" in chart and "2023" in chart
    assert "Outlook from 2022: at risk, projected 2023 1528" in out


def test_trend_of_27_shows_the_missing_baseline_as_missing(runner):
    out = run(runner, "trend", "27").stdout
    row = next(line for line in out.splitlines() if line.strip().startswith("2020"))
    assert "—" in row and " 0 " not in row
    doc = json.loads(run(runner, "trend", "27", "-f", "json").stdout)
    assert doc["indicator"]["baseline"] is None and doc["projection"]["outlook"] == "unknown"
    assert doc["notes"] == []  # its one actual is published, not illustrative


def test_trend_of_a_plan_whose_base_year_is_not_the_year_before_its_first(runner, tmp_path):
    # the chart placed each year at (year - base year) columns, past its right edge: IndexError (exit 3)
    plan = tmp_path / "targets.yaml"
    plan.write_text(
        (DATA / "targets.yaml").read_text(encoding="utf-8").replace("base_year: 2020", "base_year: 2015"),
        encoding="utf-8",
    )
    r = run(runner, "trend", "1", "--targets", str(plan), "--actuals", str(DATA / "actuals"))
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    axis = lines[next(n for n, line in enumerate(lines) if line.strip().startswith("+---")) + 1]
    assert axis.split() == ["2015", "2021", "2022", "2023"]


# int() refuses over 4300 digits, and digits that are not decimal (Kharosthi 𐩀, New Tai Lue ᧚,
# which NFKC keeps as they are): crashes (exit 3) when trend passed what isdigit() accepts to int()
@pytest.mark.parametrize("arg", ["99", "xyzzy", "9" * 5000, "𐩀", "᧚"])
def test_trend_of_an_unknown_indicator_is_a_usage_error(runner, arg):
    r = run(runner, "trend", arg)
    assert r.exit_code == 2 and "give an id from 1 to 42 or a name as in the plan" in r.stderr


#: The command modules `wcplan targets` has no need of.
OTHER_COMMANDS = tuple(
    f"wcplan.cli.commands.{name}"
    for name in ("status", "validate", "units", "trend", "report", "tasks", "template", "submissions")
)


@pytest.mark.parametrize(
    ("args", "absent"),
    [
        (["validate", str(DATA / "actuals"), "--format", "json"], ("rich", "pandas", "numpy")),
        (["validate", str(DATA / "actuals"), "--format", "github"], ("rich", "pandas", "numpy")),
        (["status", "2022", "--format", "json"], ("rich", "pandas", "numpy")),
        (["report", "2022", "-f", "xlsx", "-o", "{out}"], ("pandas", "numpy", "rich", "openpyxl")),
        # one command does not build the others, and words and colours do not need the rules
        (["targets"], (*OTHER_COMMANDS, "wcplan.rules.status", "wcplan.rules.yearend", "rich.table")),
        (["--help"], ("wcplan.cli.commands.targets", *OTHER_COMMANDS)),
    ],
)
def test_outputs_import_only_what_they_use(tmp_path, args, absent):
    """JSON and GitHub output never need Rich; a workbook is written by XlsxWriter, without
    numpy, openpyxl or Rich (its one sentence is written without it); a command imports no other
    command's module, and the terminal's tables are drawn without Rich's Table."""
    args = [a.replace("{out}", str(tmp_path / "r.xlsx")) for a in args]
    code = (
        f"import sys\nfrom wcplan import cli\nsys.argv = ['wcplan', *{args!r}]\n"
        "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in {absent!r} if sys.modules.get(m)), file=sys.stderr)"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert p.stderr.strip().splitlines()[-1] == "[]", p.stderr


@pytest.mark.parametrize(
    ("typer_says", "english", "chinese"),
    [
        (  # Typer 0.28, as Click words it
            "Invalid value for 'YEAR': 'abc' is not a valid int.",
            "Invalid value for 'YEAR': not a whole number.",
            "'YEAR' 的值无效：不是整数。",
        ),
        (  # Typer 0.29, through pydantic
            "Invalid value for 'YEAR': Input should be a valid integer, unable to parse string as an integer",
            "Invalid value for 'YEAR': not a whole number.",
            "'YEAR' 的值无效：不是整数。",
        ),
        (
            "Invalid value for '--max-problems': 'x' is not a valid int range.",
            "Invalid value for '--max-problems': not a whole number.",
            "'--max-problems' 的值无效：不是整数。",
        ),
        (
            "Invalid value for '--max-problems': -1 is not in the range x>=0.",
            "Invalid value for '--max-problems': give 0 or more.",
            "'--max-problems' 的值无效：应不小于 0。",
        ),
        (
            "Invalid value for '--max-problems': Input should be greater than or equal to 0",
            "Invalid value for '--max-problems': give 0 or more.",
            "'--max-problems' 的值无效：应不小于 0。",
        ),
        (
            "Invalid value for '-f': Value error, 'x' is not one of 'table', 'json'.",
            "Invalid value for '-f': 'x' is not one of 'table', 'json'.",
            "'-f' 的值无效：“x”不是 'table', 'json' 之一。",
        ),
    ],
)
def test_usage_errors_of_either_typer_are_translated(typer_says, english, chinese):
    """wcplan pins Typer below 0.29, whose pydantic costs every command a tenth of a second; the
    errors of both versions read the same."""
    from wcplan.base.i18n import activate
    from wcplan.cli.interface import error_sentence

    assert error_sentence(typer_says) == english
    activate("zh")
    try:
        assert error_sentence(typer_says) == chinese
    finally:
        activate("en")


def test_a_command_imports_no_pydantic():
    code = (
        "import sys\nfrom wcplan import cli\nsys.argv = ['wcplan', 'status', '2022']\n"
        "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
        "print('pydantic' in sys.modules, file=sys.stderr)"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert p.stderr.strip().splitlines()[-1] == "False", p.stderr


# ── how the process ends ─────────────────────────────────────────────────────


def _process(*args: str, code: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "WCPLAN_TARGETS")}
    argv = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "wcplan", *args]
    return subprocess.run(
        argv, capture_output=True, cwd=ROOT, env={**env, "COLUMNS": "100"}, timeout=60, check=False
    )


def test_the_process_ends_with_its_exit_code_and_all_its_output():
    """`wcplan` ends without the interpreter's teardown (wcplan.cli.app.run): every byte of a
    long output still arrives, and each exit code is the one the command gave."""
    whole = _process("status", "2022", "-f", "json")
    assert whole.returncode == 0
    assert json.loads(whole.stdout)["year"] == 2022  # the whole document, parsed
    assert whole.stdout.endswith(b"}\n")
    table = _process("status", "2022")
    assert table.returncode == 0 and len(table.stdout.splitlines()) > 100
    assert _process("validate", "tests/data/bad_actuals.csv").returncode == 1
    assert _process("stauts").returncode == 2
    assert _process("--version").stdout == f"wcplan {__version__}\n".encode()


def test_exit_handlers_still_run_before_the_process_ends():
    """A handler registered with atexit (a temporary file's clean-up, a coverage tool's report)
    runs before the process ends, after wcplan's own output."""
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('handler ran', flush=True))\n"
        "sys.argv = ['wcplan', *sys.argv[1:]]\n"
        "from wcplan.cli import run\n"
        "run()\n"
    )
    p = _process("--version", code=code)
    assert p.returncode == 0
    assert p.stdout == f"wcplan {__version__}\nhandler ran\n".encode()
    p = _process("validate", "tests/data/bad_actuals.csv", code=code)
    assert p.returncode == 1 and p.stdout.endswith(b"handler ran\n")
