"""Both languages: the catalogue is complete, the language is chosen as documented, every name has
its English form, and the tables stay aligned with Chinese characters at 80 and 120 columns."""

from __future__ import annotations

import re
import string
import subprocess
import sys

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from rich.cells import cell_len
from rich.console import Console

from conftest import DATA, ROOT
from wcplan.base import i18n
from wcplan.cli import app
from wcplan.model.planfile import load_plan

PO = ROOT / "src" / "wcplan" / "locale" / "zh" / "LC_MESSAGES" / "wcplan.po"
MO = PO.with_suffix(".mo")


def source_messages() -> set[str]:
    """Every message marked in the code, as Babel extracts them (msgid; the singular for plurals)."""
    keywords = {**DEFAULT_KEYWORDS, "N_": None}
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        ROOT / "src", method_map=[("**.py", "python")], keywords=keywords
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def catalogue():
    with PO.open("rb") as f:
        return read_po(f)


def fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


# ── the catalogue ────────────────────────────────────────────────────────────


def test_every_message_in_the_code_has_a_chinese_translation():
    cat = catalogue()
    translated = {m.id if isinstance(m.id, str) else m.id[0]: m for m in cat if m.id}
    code = source_messages()
    assert len(code) > 350  # the extraction found the messages, not nothing
    missing = sorted(code - set(translated))
    assert not missing, f"run pybabel extract/update (docs/translations.md): {missing[:5]}"
    for msgid in code:
        m = translated[msgid]
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        assert all(s.strip() for s in strings) and not m.fuzzy, f"untranslated or fuzzy: {msgid!r}"


def test_the_catalogue_has_no_message_the_code_no_longer_uses():
    stale = {m.id if isinstance(m.id, str) else m.id[0] for m in catalogue() if m.id} - source_messages()
    assert not stale, f"obsolete messages: {sorted(stale)[:5]}"


def test_translations_keep_every_placeholder():
    for m in catalogue():
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        for s in strings:
            assert fields(s) == fields(ids[-1]) | fields(ids[0]), (m.id, s)


def test_the_shipped_mo_file_is_the_compiled_po_file():
    def key(m):
        return tuple(m.id) if isinstance(m.id, list | tuple) else m.id, (
            tuple(m.string) if isinstance(m.string, list | tuple) else m.string
        )

    with MO.open("rb") as f:
        compiled = dict(key(m) for m in read_mo(f) if m.id)
    expected = dict(key(m) for m in catalogue() if m.id)
    assert compiled == expected, "run: pybabel compile -d src/wcplan/locale -D wcplan"


def test_chinese_messages_at_run_time():
    i18n.activate("zh")
    assert i18n._("met") == "达标" and i18n._("off track") == "严重滞后"
    assert i18n.ngettext("{n} indicator", "{n} indicators", 19).format(n=19) == "19 项指标"
    i18n.activate("en")
    assert i18n._("met") == "met"
    assert i18n.ngettext("{n} indicator", "{n} indicators", 1).format(n=1) == "1 indicator"


# ── choosing the language ────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "en_GB.UTF-8"}, "en"),  # LC_ALL decides over LANG
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8", "WCPLAN_LANG": "zh"}, "zh"),  # WCPLAN_LANG over the locale
        ({"LC_ALL": "zh_CN.UTF-8", "WCPLAN_LANG": "en"}, "en"),
    ],
)
def test_language_from_the_environment(environ, lang):
    assert i18n.detect(environ) == lang


def test_a_language_wcplan_does_not_speak_is_refused():
    with pytest.raises(i18n.LanguageError):
        i18n.detect({"WCPLAN_LANG": "fr"})


def test_lang_option_wins_over_the_environment(runner):
    out = runner.invoke(app, ["status", "2022", "--lang", "zh"], env={"WCPLAN_LANG": "en"}).stdout
    assert "区工信局 · 牵头 · 19 项指标" in out
    out = runner.invoke(app, ["--lang", "en", "status", "2022"], env={"WCPLAN_LANG": "zh"}).stdout
    assert "District Bureau of Industry and Information Technology · lead unit · 19 indicators" in out
    out = runner.invoke(app, ["status", "2022"], env={"WCPLAN_LANG": None, "LC_ALL": "zh_CN.UTF-8"}).stdout
    assert "区工信局 · 牵头" in out


def test_bad_languages_are_usage_errors(runner):
    r = runner.invoke(app, ["status", "2022"], env={"WCPLAN_LANG": "fr"})
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [
        "Error: WCPLAN_LANG=fr is not a language wcplan speaks; use zh or en.",
        "错误：WCPLAN_LANG=fr 不是 wcplan 支持的语言；请用 zh 或 en。",
    ]
    r = runner.invoke(app, ["status", "2022", "--lang", "fr"])
    assert r.exit_code == 2 and "'fr' is not one of 'zh', 'en'" in r.stderr


def test_help_and_usage_errors_in_chinese(runner):
    r = runner.invoke(app, ["status", "--help", "--lang", "zh"], env={"COLUMNS": "80"})
    assert r.exit_code == 0
    out = r.stdout
    assert out.startswith("用法：wcplan status [选项] {YEAR|PERIOD}")
    assert "按牵头单位判断某一年度" in out and "选项：" in out and "显示此帮助并退出。" in out
    assert "[默认：table]" in out
    assert max(cell_len(line) for line in out.splitlines()) <= 80  # wrapped by display width
    r = runner.invoke(app, ["--lang", "zh", "--help"])
    assert "命令：" in r.stdout and "列出计划的指标" in r.stdout
    r = runner.invoke(app, ["status", "--lang", "zh"])
    assert r.exit_code == 2
    assert "运行“wcplan status -h”查看帮助。" in r.stderr and "错误：缺少参数 'YEAR|PERIOD'。" in r.stderr
    r = runner.invoke(app, ["status", "2030", "--lang", "zh"])
    assert r.exit_code == 2 and "2030 不是规划年度；规划年度为 2021, 2022, 2023。" in r.stderr
    r = runner.invoke(app, ["status", "2022", "--lang", "zh", "--bogus"])
    assert r.exit_code == 2 and "没有此选项：--bogus。" in r.stderr
    r = runner.invoke(app, ["status", "2022", "--lang", "zh", "-f", "bogus"])
    assert r.exit_code == 2
    assert "错误：'--format' / '-f' 的值无效：“bogus”不是 'table', 'json', 'markdown' 之一。" in r.stderr
    r = runner.invoke(app, ["units", "abc", "--lang", "zh"])
    assert (
        r.exit_code == 2
        and "错误：YEAR 的值无效：“abc”不是年份；请给出规划年度：2021, 2022, 2023。" in r.stderr
    )
    r = runner.invoke(app, ["validate", "--max-problems", "abc", "--lang", "zh"])
    assert r.exit_code == 2 and "错误：'--max-problems' 的值无效：不是整数。" in r.stderr
    r = runner.invoke(app, ["validate", "--max-problems", "abc"])
    assert r.exit_code == 2 and "Error: Invalid value for '--max-problems': not a whole number." in r.stderr


def test_validator_findings_in_chinese(runner):
    r = runner.invoke(app, ["validate", "tests/data/bad_actuals.csv", "--lang", "zh"])
    assert r.exit_code == 1
    assert "tests/data/bad_actuals.csv:2:3: 错误 value-not-number: 数值“约1352”不是数字。" in r.stdout
    assert "无效：1 个文件中 3 个错误、0 个警告。" in r.stdout


# ── names from the plan ──────────────────────────────────────────────────────


def test_every_name_of_the_plan_has_its_english_form():
    plan = load_plan(DATA / "targets.yaml")
    assert plan.meta.title_en and plan.meta.short_title_en and plan.meta.issued_by_en
    assert all(i.name_en and i.name_en.isascii() for i in plan.indicators)
    assert set(plan.categories_en) == set(plan.categories())
    from wcplan.model.tasksfile import load_tasks

    tasks = load_tasks(DATA / "tasks.yaml", plan)
    assert set(plan.units) == set(plan.all_units()) | set(tasks.all_units())
    assert len(set(plan.units.values())) == len(plan.units)  # no two units share a name
    assert plan.units["区工信局"] == "District Bureau of Industry and Information Technology"
    assert all(t.title_en for t in tasks.tasks)
    assert all(line.content_en for t in tasks.tasks for line in t.lines)
    assert all(c.name_en for c in tasks.commitments)


def test_english_reports_name_units_in_english_and_keep_the_chinese_in_json(runner):
    md = runner.invoke(app, ["report", "2022", "--lang", "en"]).stdout
    assert "### District Bureau of Industry and Information Technology (19 indicators)" in md
    assert "| 1 | Gross industrial output value | 100 million yuan |" in md
    assert "区工信局" not in md and "工业总产值" not in md
    zh = runner.invoke(app, ["report", "2022", "--lang", "zh"]).stdout
    assert "### 区工信局（19 项指标）" in zh and "| 1 | 工业总产值 | 亿元 |" in zh
    doc = runner.invoke(app, ["status", "2022", "-f", "json", "--lang", "en"]).stdout
    assert '"lead": "区工信局"' in doc  # the data stays in the plan's own names


def test_unit_filter_takes_the_english_name_too(runner):
    by_en = runner.invoke(
        app, ["status", "2022", "-f", "json", "--unit", "district financial affairs office"]
    )
    by_zh = runner.invoke(app, ["status", "2022", "-f", "json", "--unit", "区金融办"])
    assert by_en.exit_code == 0 and by_en.stdout == by_zh.stdout


# ── tables at 80 and 120 columns ─────────────────────────────────────────────

STATUS_CELL = re.compile(
    r"[✓~!✗?-] (met|on track|behind|off track|no data|unknown|达标|接近目标|滞后|严重滞后|无数据|无法判断)"
)


def _assessment():
    from wcplan.model.periods import whole_year
    from wcplan.reading.actuals import read_actuals
    from wcplan.reading.locate import find_actuals, find_plan
    from wcplan.rules.yearend import assess

    location = find_plan(DATA / "targets.yaml")
    plan = load_plan(location.path)
    read = read_actuals(find_actuals(None, location), plan)
    return assess(plan, read.actuals, whole_year(2022), read.actuals_files)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [80, 120])
def test_status_tables_stay_aligned(lang, width):
    from wcplan.render.terminal.status import render_status

    i18n.activate(lang)
    console = Console(record=True, width=width, color_system=None, file=open("/dev/null", "w"))  # noqa: SIM115
    render_status(_assessment(), console)
    lines = console.export_text().splitlines()
    assert max(cell_len(line) for line in lines) <= width
    rows = [line for line in lines if re.match(r"^\s*\d{1,2}\s\s\S", line)]
    assert len(rows) == 42
    # The status column starts in the same display column in every row of every unit's table,
    # however many Chinese (two-cell) characters come before it, and under its heading.
    starts = {cell_len(row[: STATUS_CELL.search(row).start()]) for row in rows}
    assert len(starts) == 1
    heading = "状态" if lang == "zh" else "Status"
    headers = [line for line in lines if line.lstrip().startswith(("ID", "序号"))]
    assert {cell_len(h[: h.index(heading)]) for h in headers} == starts
    # numbers are right-aligned: each row's target ends where the target heading ends
    target = "目标值" if lang == "zh" else "Target"
    ends = {cell_len(h[: h.index(target) + len(target)]) for h in headers}
    assert len(ends) == 1


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [80, 120])
def test_tasks_and_scorecard_tables_fit_and_align(runner, lang, width):
    out = runner.invoke(app, ["tasks", "2022", "--lang", lang], env={"COLUMNS": str(width)}).stdout
    lines = out.splitlines()
    assert max(cell_len(line) for line in lines) <= width
    states = "not started|in progress|done|lagging|no report|未启动|推进中|已完成|滞后|未报送"
    work = re.compile(rf"^\d\.\d\s+.*?([·~✓!-] ({states}))")
    rows = [line for line in lines if work.match(line)]
    assert len(rows) >= 17
    assert len({cell_len(r[: work.match(r).start(1)]) for r in rows}) == 1
    units = runner.invoke(app, ["units", "2022", "--lang", lang], env={"COLUMNS": str(width)}).stdout
    assert max(cell_len(line) for line in units.splitlines()) <= width
    targets = runner.invoke(app, ["targets", "--lang", lang], env={"COLUMNS": str(width)}).stdout
    assert max(cell_len(line) for line in targets.splitlines()) <= width


def test_chinese_output_has_no_english_sentence_left(runner):
    """A Chinese user sees Chinese: no run of English words outside codes, paths and the data."""
    allowed = re.compile(r"--format json|--max-problems|wcplan validate|Unicode")
    for args in (["status", "2022"], ["units", "2022"], ["tasks", "2022"], ["trend", "1"], ["targets"]):
        r = runner.invoke(app, [*args, "--lang", "zh"], env={"COLUMNS": "120"})
        text = allowed.sub("", r.stdout + r.stderr)
        assert not re.search(r"[A-Za-z]{3,} [A-Za-z]{3,}", text), (
            args,
            re.findall(r".{20}[A-Za-z]{3,} [A-Za-z]{3,}.{10}", text),
        )
    md = runner.invoke(app, ["report", "2022", "--lang", "zh"]).stdout
    assert not re.search(r"[A-Za-z]{3,} [A-Za-z]{3,} [A-Za-z]{3,}", allowed.sub("", md))


def test_help_starts_fast_without_rich():
    """--lang and the catalogue do not make `--help` import Rich or pandas."""
    code = (
        "import sys, wcplan.cli as c\n"
        "sys.argv = ['wcplan', '--lang', 'zh', 'status', '--help']\n"
        "try:\n    c.main()\nexcept SystemExit:\n    pass\n"
        "print('rich' in sys.modules, 'pandas' in sys.modules, file=sys.stderr)"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert "用法：" in r.stdout and r.stderr.strip() == "False False"
