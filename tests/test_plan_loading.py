"""Bad plan files: one sentence each, naming the indicator, the field and the YAML line; exit 1."""

from __future__ import annotations

import time

import pytest
import yaml

from conftest import DATA
from wcplan.base import i18n
from wcplan.base.errors import PlanFileError
from wcplan.cli import app
from wcplan.model.planfile import load_plan
from wcplan.model.yamlfile import Refusals, Refused, load_yaml

GOOD = (DATA / "targets.yaml").read_text(encoding="utf-8")
LINES = GOOD.splitlines()


def line_of(text: str, start: int = 0) -> int:
    """1-based line number of the first line at or after `start` (0-based) containing `text`."""
    return next(n for n, line in enumerate(LINES[start:], start + 1) if text in line)


def edited(old: str, new: str, count: int = 1) -> str:
    assert old in GOOD
    return GOOD.replace(old, new, count)


def problems(tmp_path, text: str) -> list:
    path = tmp_path / "targets.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlanFileError) as info:
        load_plan(path, "targets.yaml")
    return info.value.findings


IND4 = line_of("- id: 4")


@pytest.mark.parametrize(
    ("old", "new", "code", "sentence", "line"),
    [
        (
            "    attribute: ratio\n    measure: share\n    direction: increase\n    lead: 区工信局",
            "    attribute: yearly\n    measure: share\n    direction: increase\n    lead: 区工信局",
            "plan-field-invalid",
            "indicator 4 (制造业增加值占GDP比重): field 'attribute' must be one of "
            "'cumulative', 'annual' or 'ratio', not 'yearly'.",
            line_of("attribute: ratio", IND4),
        ),
        (
            "    unit: 亿元\n    baseline: 1000\n",
            "    baseline: 1000\n",
            "plan-field-missing",
            "indicator 1 (工业总产值): field 'unit' is missing.",
            line_of("- id: 1"),
        ),
        (
            "baseline: 884",
            "baseline: 约884",
            "plan-field-invalid",
            "indicator 2 (规模工业企业总产值): field 'baseline' must be a number, not '约884'.",
            line_of("baseline: 884"),
        ),
        (
            "targets: {2021: 395, 2022: 425, 2023: 455}",
            "targets: {2021: 395, 2022: 425, 2023: 455, 2024: 480}",
            "plan-target-year",
            "indicator 3 (规模工业企业数): field 'targets' has a target for 2024, "
            "outside the plan years 2021, 2022, 2023.",
            line_of("targets: {2021: 395"),
        ),
        (
            "  - id: 6\n",
            "  - id: 5\n",
            "plan-duplicate-id",
            "indicator 5 (新材料先进制造产业产值): id 5 is used by more than one indicator.",
            line_of("- id: 6"),
        ),
        (
            "    direction: increase\n    lead: 区财政局",
            "    direction: upward\n    lead: 区财政局",
            "plan-field-invalid",
            "indicator 11 (税收过亿元企业): field 'direction' must be one of "
            "'increase' or 'decrease', not 'upward'.",
            line_of("direction: increase", line_of("- id: 11")),
        ),
        (
            "    lead: 区金融办\n",
            "    lead: 区金融办\n    owner: 区工信局\n",
            "plan-field-unknown",
            "indicator 12 (上市制造业企业数): 'owner' is not a field of the plan file.",
            line_of("lead: 区金融办") + 1,
        ),
        (
            "targets: {2021: 30, 2022: 30, 2023: 40}",
            "targets: {2021: 30, 2022: thirty, 2023: 40}",
            "plan-field-invalid",
            "indicator 22 (智能化改造项目数): field 'targets.2022' must be a number, not 'thirty'.",
            line_of("targets: {2021: 30, 2022: 30"),
        ),
        (
            "    attribute: annual\n    measure: flow\n    direction: increase\n    lead: 区工信局",
            "    attribute: annual\n    measure: stock\n    direction: increase\n    lead: 区工信局",
            "plan-inconsistent",
            "indicator 20 (智能制造系统解决方案供应商引进数): field 'measure' is stock, "
            "but a annual indicator is measured as flow.",
            line_of("measure: flow", line_of("- id: 20")),
        ),
    ],
)
def test_one_sentence_per_problem(tmp_path, old, new, code, sentence, line):
    text = edited(old, new)
    [finding] = problems(tmp_path, text)
    assert finding.code == code
    assert finding.message == sentence
    assert finding.file == "targets.yaml"
    assert finding.line == line


@pytest.mark.parametrize(
    ("old", "new", "sentence"),
    [
        (
            "targets: {2021: 1100, 2022: 1400,",
            "targets: {2021: 1100, 2022: .nan,",
            "indicator 1 (工业总产值): field 'targets.2022' must be a finite number, not nan.",
        ),
        (
            "targets: {2021: 1000, 2022: 1300, 2023: 1600}",
            "targets: {2021: 1000, 2022: 1300, 2023: -.inf}",
            "indicator 2 (规模工业企业总产值): field 'targets.2023' must be a finite number, not -inf.",
        ),
        (
            "baseline: 884",
            "baseline: 1.0e+400",
            "indicator 2 (规模工业企业总产值): field 'baseline' must be a finite number, not inf.",
        ),
        (
            "baseline: 365",
            "baseline: -365",
            "indicator 3 (规模工业企业数): field 'baseline' must be zero or more, not -365.",
        ),
        (
            "targets: {2021: 23, 2022: 25,",
            "targets: {2021: 23, 2022: -2.5,",
            "indicator 4 (制造业增加值占GDP比重): field 'targets.2022' must be zero or more, not -2.5.",
        ),
    ],
)
def test_non_finite_and_negative_numbers_are_refused_where_they_stand(tmp_path, old, new, sentence):
    text = edited(old, new)
    [f] = problems(tmp_path, text)
    assert (f.code, f.message) == ("plan-field-invalid", sentence)
    bad_value = new.rsplit(" ", 1)[1].rstrip(",}")
    line = line_of(old)
    assert (f.line, f.column) == (line, column_of(text, bad_value, line))


def test_cli_refuses_a_nan_target_in_one_sentence(tmp_path, runner):
    path = tmp_path / "targets.yaml"
    path.write_text(edited("2022: 1400,", "2022: .nan,"), encoding="utf-8")
    result = runner.invoke(app, ["status", "2022", "--targets", str(path)])
    assert result.exit_code == 1
    line = line_of("2022: 1400,")
    assert (
        f"targets.yaml:{line}:{LINES[line - 1].index('1400') + 1}: error plan-field-invalid: "
        "indicator 1 (工业总产值): field 'targets.2022' must be a finite number, not nan." in result.stderr
    )
    assert "Traceback" not in result.output + result.stderr


# ── units: declared once, under `units` ─────────────────────────────────────


@pytest.mark.parametrize(
    ("old", "new", "needle", "sentence"),
    [
        (
            "    lead: 区工信局\n",
            "    lead: 区工信\n",
            "区工信",
            "indicator 1 (工业总产值): field 'lead' names 区工信, which the plan file does not declare "
            "under 'units'; did you mean 区工信局?",
        ),
        (
            "responsible: [望城经开区产业发展局, 区工信局]",
            "responsible: [望城经开区产业发展局, 区工信]",
            "区工信]",
            "indicator 12 (上市制造业企业数): field 'responsible' names 区工信, which the plan file "
            "does not declare under 'units'; did you mean 区工信局?",
        ),
        (
            "    lead: 区财政局\n",
            "    lead: 区教育局\n",
            "区教育局",
            "indicator 11 (税收过亿元企业): field 'lead' names 区教育局, which the plan file does not "
            "declare under 'units'; add it there if it is a unit of the plan.",
        ),
    ],
)
def test_an_undeclared_unit_is_an_error_with_the_nearest_declared_name(tmp_path, old, new, needle, sentence):
    text = edited(old, new)
    [f] = problems(tmp_path, text)
    line = line_of(old.strip())
    assert (f.code, f.message) == ("plan-unknown-unit", sentence)
    assert (f.line, f.column) == (line, column_of(text, needle, line))


def test_the_units_are_declared_in_the_plan_file(tmp_path):
    start, end = GOOD.index("units:\n"), GOOD.index("indicators:\n")
    [f] = problems(tmp_path, GOOD[:start] + GOOD[end:])
    assert (f.code, f.message) == ("plan-field-missing", "the plan: field 'units' is missing.")


def test_a_unit_may_be_declared_without_an_english_name(tmp_path):
    path = tmp_path / "targets.yaml"
    path.write_text(edited('  区财政局: "District Finance Bureau"', "  区财政局:"), encoding="utf-8")
    plan = load_plan(path)
    assert plan.units["区财政局"] is None and plan.unit_label("区财政局") == "区财政局"


def test_cli_refuses_a_typo_of_a_unit_instead_of_scoring_it(tmp_path, runner):
    path = tmp_path / "targets.yaml"
    path.write_text(edited("    lead: 区金融办\n", "    lead: 区金融\n"), encoding="utf-8")
    line = line_of("lead: 区金融办")
    for args in (["status", "2022"], ["units", "2022"]):
        result = runner.invoke(app, [*args, "--targets", str(path)])
        assert result.exit_code == 1
        assert f"targets.yaml:{line}:11: error plan-unknown-unit: " in result.stderr
        assert "did you mean 区金融办?" in result.stderr
    result = runner.invoke(app, ["status", "2022", "--targets", str(path), "--lang", "zh"])
    assert "“区金融”未在规划文件的“units”中声明；是否应为 区金融办？" in result.stderr


def test_target_year_replaced_reports_both_sides(tmp_path):
    found = problems(tmp_path, edited("2023: 455}", "2024: 455}"))
    assert [f.message.split(": ", 1)[1] for f in found] == [
        "field 'targets' has a target for 2024, outside the plan years 2021, 2022, 2023.",
        "field 'targets' has no target for 2023.",
    ]


def test_every_problem_is_reported_at_once(tmp_path):
    text = edited("baseline: 884", "baseline: '884'")
    text = text.replace("attribute: ratio", "attribute: share", 1)
    assert [f.code for f in problems(tmp_path, text)] == ["plan-field-invalid", "plan-field-invalid"]


def test_yaml_syntax_error_has_line_and_column(tmp_path):
    [f] = problems(tmp_path, GOOD.replace("targets: {2021: 1100,", "targets: {2021: 1100,,", 1))
    assert f.code == "plan-yaml" and f.line == line_of("targets: {2021: 1100") and f.column
    assert f.message.startswith("the plan file is not valid YAML:")


def test_yaml_is_loaded_safely(tmp_path):
    [f] = problems(tmp_path, "!!python/object/apply:os.system ['echo hi']\n")
    assert f.code == "plan-yaml"


def test_not_a_mapping(tmp_path):
    [f] = problems(tmp_path, "- just\n- a list\n")
    assert f.code == "plan-structure"


def test_a_bool_is_not_a_number(tmp_path):
    [f] = problems(tmp_path, edited("baseline: 365", "baseline: yes"))
    assert f.message == "indicator 3 (规模工业企业数): field 'baseline' must be a number, not True."


def test_thresholds_must_be_ordered(tmp_path):
    [f] = problems(tmp_path, edited("behind: 0.6", "behind: 0.97"))
    assert f.code == "plan-inconsistent" and "0 < behind < on_track" in f.message
    assert f.line == line_of("on_track: 0.95")  # the thresholds mapping starts on its first key


def test_cli_reports_the_sentence_and_exits_1(tmp_path, runner):
    path = tmp_path / "targets.yaml"
    path.write_text(edited("attribute: ratio", "attribute: yearly"), encoding="utf-8")
    result = runner.invoke(app, ["status", "2022", "--targets", str(path)])
    assert result.exit_code == 1
    line = line_of("attribute: ratio")
    assert (
        f"targets.yaml:{line}:16: error plan-field-invalid: indicator 4 (制造业增加值占GDP比重)"
        in result.stderr
    )
    assert "Traceback" not in result.output + result.stderr
    result = runner.invoke(app, ["targets", "--targets", str(path)])
    assert result.exit_code == 1


def test_a_missing_plan_file_is_a_usage_error(tmp_path, runner):
    result = runner.invoke(app, ["status", "2022", "--targets", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


# ── the YAML loader of the plan file and the tasks file ─────────────────────

ALIAS = "plan-yaml-alias"
BILLION_LAUGHS = 'lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + "".join(
    f"lol{n}: &lol{n} [{', '.join([f'*lol{n - 1}'] * 9)}]\n" for n in range(1, 10)
)


def column_of(text: str, needle: str, line: int) -> int:
    return text.splitlines()[line - 1].index(needle) + 1


@pytest.mark.parametrize(
    ("old", "new", "needle"),
    [
        # An anchor is refused where it is defined, before any alias can use it.
        ("    lead: 区工信局\n", "    lead: &gx 区工信局\n", "&gx"),
        # An alias of an anchor never defined is refused too, not reported as undefined.
        ("    responsible: [望城经开区产业发展局]\n", "    responsible: *units\n", "*units"),
        # A merge key is how aliases are usually spread; it goes with them.
        ("    lead: 区金融办\n", "    <<: {lead: 区金融办}\n", "<<"),
    ],
)
def test_anchors_aliases_and_merge_keys_are_refused_where_they_stand(tmp_path, old, new, needle):
    text = edited(old, new)
    [f] = problems(tmp_path, text)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if needle in row)
    assert (f.code, f.line, f.column) == (ALIAS, line, column_of(text, needle, line))
    assert f.message == (
        "YAML anchors, aliases and merge keys (&name, *name, <<) are not allowed in this file; "
        "write each value out in full."
    )


def test_billion_laughs_is_refused_at_once(tmp_path, runner):
    path = tmp_path / "lol.yaml"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    start = time.perf_counter()
    [f] = problems(tmp_path, BILLION_LAUGHS)
    assert time.perf_counter() - start < 1.0
    assert (f.code, f.line, f.column) == (ALIAS, 1, 7)
    start = time.perf_counter()
    result = runner.invoke(app, ["status", "2022", "--targets", str(path)])
    assert time.perf_counter() - start < 1.0
    assert result.exit_code == 1
    assert f"lol.yaml:1:7: error {ALIAS}: YAML anchors" in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_a_repeated_key_is_refused_at_the_second(tmp_path):
    text = edited("targets: {2021: 1100, 2022: 1400,", "targets: {2021: 1100, 2022: 1400, 2022: 9999,")
    [f] = problems(tmp_path, text)
    line = line_of("targets: {2021: 1100")
    assert (f.code, f.line, f.column) == ("plan-duplicate-key", line, column_of(text, "2022: 9999", line))
    assert f.message == f"the key '2022' appears twice in this mapping (first on line {line}); keep one."


def test_a_repeated_field_is_refused_in_block_style_too(tmp_path):
    text = edited("    lead: 区财政局\n", "    lead: 区财政局\n    lead: 区金融办\n")
    [f] = problems(tmp_path, text)
    first = line_of("lead: 区财政局")
    assert (f.code, f.line, f.column) == ("plan-duplicate-key", first + 1, 5)
    assert f"'lead' appears twice in this mapping (first on line {first})" in f.message


def test_deep_nesting_is_refused_not_recursed_into(tmp_path):
    text = edited("responsible: [望城经开区产业发展局]", "responsible: " + "[" * 400 + "]" * 400)
    [f] = problems(tmp_path, text)
    assert f.code == "plan-yaml-depth" and f.line == line_of("lead: 区工信局") + 1
    assert f.message == "the file nests more than 50 levels deep."


def test_the_loader_without_libyaml_refuses_the_same(tmp_path):
    """PyYAML built without libyaml falls back to its own parser; the refusals are the same."""

    class PurePython(Refusals, yaml.SafeLoader):
        pass

    assert yaml.load(GOOD, Loader=PurePython) == load_yaml(GOOD)
    for text in (BILLION_LAUGHS, edited("2022: 1400,", "2022: 1400, 2022: 9999,")):
        with pytest.raises(Refused) as pure:
            yaml.load(text, Loader=PurePython)
        with pytest.raises(Refused) as fast:
            load_yaml(text)
        assert (pure.value.code, pure.value.line, pure.value.column, pure.value.sentence) == (
            fast.value.code,
            fast.value.line,
            fast.value.column,
            fast.value.sentence,
        )


def test_a_unit_may_be_declared_with_short_names(tmp_path):
    path = tmp_path / "targets.yaml"
    new = '  区财政局:\n    en: "District Finance Bureau"\n    short: 财政局\n    short_en: "Finance Bureau"'
    path.write_text(edited('  区财政局: "District Finance Bureau"', new), encoding="utf-8")
    plan = load_plan(path)
    assert plan.units["区财政局"] == "District Finance Bureau"
    assert plan.unit_label("区财政局") == "District Finance Bureau"
    assert plan.unit_short_label("区财政局") == "Finance Bureau"
    i18n.activate("zh")
    assert plan.unit_short_label("区财政局") == "财政局" and plan.unit_label("区财政局") == "区财政局"
    i18n.activate("en")
    shipped = load_plan(DATA / "targets.yaml")
    assert shipped.unit_short_label("区金融办") == "Financial Affairs Office"
    assert shipped.unit_short_label("区财政局") == "District Finance Bureau"  # none: the full name fits
    assert all(len(shipped.unit_short_label(u)) <= 31 for u in shipped.units)


@pytest.mark.parametrize(
    ("new", "code", "sentence"),
    [
        (
            "  区财政局: 5",
            "plan-field-invalid",
            "the plan: field 'units.区财政局' must be the unit's English name, or a mapping of its names "
            "(en, short, short_en), not 5.",
        ),
        (
            '  区财政局: {en: "Finance", abbr: "F"}',
            "plan-field-unknown",
            "the plan: 'units.区财政局.abbr' is not a field of the plan file.",
        ),
        (
            "  区财政局: {en: 5}",
            "plan-field-invalid",
            "the plan: field 'units.区财政局.en' must be text, not 5.",
        ),
    ],
)
def test_a_unit_declared_wrongly_is_one_sentence_at_its_line(tmp_path, new, code, sentence):
    [f] = problems(tmp_path, edited('  区财政局: "District Finance Bureau"', new))
    assert (f.code, f.message) == (code, sentence)
    assert f.line == line_of('  区财政局: "District Finance Bureau"')


def test_a_date_that_does_not_exist_or_a_number_too_long_is_refused_where_it_stands(tmp_path, runner):
    # PyYAML's constructor raised ValueError for these, which no handler expected: a crash (exit 3)
    text = edited("issued_on: 2021-03-31", "issued_on: 2021-02-30")
    [f] = problems(tmp_path, text)
    line = line_of("issued_on:")
    assert (f.code, f.line, f.column) == ("plan-yaml-value", line, column_of(text, "2021-02-30", line))
    assert f.message == "'2021-02-30' is not a date that exists (day is out of range for month); correct it."
    text = edited("baseline: 1000", "baseline: " + "9" * 5000)
    [f] = problems(tmp_path, text)
    assert (f.code, f.line) == ("plan-yaml-value", line_of("baseline: 1000"))
    assert f.message == f"the number '{'9' * 40}…' has 5000 digits, more than can be read."
    path = tmp_path / "targets.yaml"
    tasks = tmp_path / "tasks.yaml"
    tasks.write_text(
        (DATA / "tasks.yaml").read_text(encoding="utf-8") + "\nx: 2022-13-01\n", encoding="utf-8"
    )
    for args in (["status", "2022", "--targets", path], ["tasks", "2022", "--tasks", tasks]):
        result = runner.invoke(app, [str(a) for a in args])
        assert result.exit_code == 1, result.output
        assert "yaml-value" in result.stderr and "Traceback" not in result.output


WITHOUT_THE_TAG = "correct it, or write it without the tag."


@pytest.mark.parametrize(
    ("new", "sentence"),
    [
        ("!!timestamp 2020", "'2020' cannot be read as !!timestamp; " + WITHOUT_THE_TAG),
        ("!!bool 2020", "'2020' cannot be read as !!bool; " + WITHOUT_THE_TAG),
        ("!!int ''", "'' cannot be read as !!int; " + WITHOUT_THE_TAG),
        ("!!float x", "'x' cannot be read as !!float; " + WITHOUT_THE_TAG),
        ("0x_", "'0x_' is not a number that can be read; correct it, or quote it if it is text."),
    ],
)
def test_a_value_its_tag_does_not_fit_is_refused_where_it_stands(tmp_path, runner, new, sentence):
    # PyYAML's constructors trust that a tagged text fits its tag: AttributeError, KeyError or
    # IndexError, which no handler expected (exit 3)
    text = edited("base_year: 2020", f"base_year: {new}")
    [f] = problems(tmp_path, text)
    line = line_of("base_year:")
    assert (f.code, f.line, f.column, f.message) == ("plan-yaml-value", line, 14, sentence)
    result = runner.invoke(app, ["targets", "--targets", str(tmp_path / "targets.yaml")])
    assert result.exit_code == 1 and "Traceback" not in result.output and sentence in result.stderr


@pytest.mark.parametrize(
    "new",
    ["1" + "0" * 400, "0x" + "f" * 300, "0x" + "f" * 5000, "1" + ":59" * 3000, "0b" + "1" * 1100],
    ids=["401 digits", "hex beyond a float", "hex of 6000 digits", "base 60", "binary"],
)
def test_a_whole_number_no_float_holds_is_refused_where_it_stands(tmp_path, runner, new):
    # 10**400 overflowed math.isfinite() in the schema, and hex or base-60 numbers of thousands of
    # digits failed in str() when a message showed them: crashes (exit 3)
    text = edited("baseline: 1000", f"baseline: {new}")
    [f] = problems(tmp_path, text)
    assert (f.code, f.line, f.column) == ("plan-yaml-value", line_of("baseline: 1000"), 15)
    assert f.message == f"the number '{new[:40]}…' is larger than any figure can be; correct it."
    result = runner.invoke(app, ["status", "2022", "--targets", str(tmp_path / "targets.yaml")])
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_the_records_refuse_a_whole_number_no_float_holds():
    # what is not read from a file is checked as well: math.isfinite(10**400) raised OverflowError
    from wcplan.model import schema, strict
    from wcplan.model.plan import Thresholds

    with pytest.raises(strict.Doubt):
        strict.number(10**400)
    with pytest.raises(strict.Invalid) as info:
        schema.validate(Thresholds, {"on_track": 10**400, "behind": 0.6})
    assert info.value.error.errors()[0]["type"] == "finite_number"
    assert strict.number(10**300) == 10**300
