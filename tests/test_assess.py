"""The year-end rules of the methodology, on hand-made plans (the core, without the CLI)."""

from __future__ import annotations

import math

import pytest

from conftest import DATA, indicator, make_plan
from wcplan.model.planfile import load_plan
from wcplan.model.records import Actual
from wcplan.reading.actuals import read_actuals
from wcplan.rules.verdicts import Status
from wcplan.rules.yearend import ConflictingFigures, assess, assess_indicator


def result(ind: dict, year: int, **actuals: float):
    """Assess one indicator; actuals given as y2021=…, y2022=…"""
    plan = make_plan(ind, **({} if "plan" not in ind else ind.pop("plan")))
    values = {int(k[1:]): Actual(1, int(k[1:]), v) for k, v in actuals.items()}
    return assess_indicator(plan, plan.indicators[0], year, values)


# ── statuses ────────────────────────────────────────────────────────────────


def test_no_actual_is_no_data():
    r = result(indicator(), 2022)
    assert r.status is Status.NO_DATA
    assert (r.gap, r.completion, r.progress) == (None, None, None)


def test_met_when_actual_reaches_target():
    r = result(indicator(), 2022, y2022=31)
    assert r.status is Status.MET
    assert r.gap == 1 and r.completion == pytest.approx(31 / 30)
    assert r.progress is None  # R is not computed for a met target


def test_met_within_relative_tolerance():
    r = result(indicator(), 2022, y2022=30 * (1 - 1e-12))
    assert r.status is Status.MET
    r = result(indicator(), 2022, y2022=30 * (1 - 1e-6))
    assert r.status is not Status.MET


@pytest.mark.parametrize(
    ("actual", "status", "progress"),
    [
        (29, Status.ON_TRACK, 0.95),  # (29-10)/(30-10) = 0.95 exactly: on track
        (28.9, Status.BEHIND, 0.945),
        (22, Status.BEHIND, 0.6),  # 0.6 exactly: behind
        (21.9, Status.OFF_TRACK, 0.595),
        (5, Status.OFF_TRACK, -0.25),  # below the baseline: negative progress
    ],
)
def test_level_method_bands(actual, status, progress):
    r = result(indicator(), 2022, y2022=actual)
    assert r.status is status
    assert r.progress == pytest.approx(progress)
    assert r.judgement.reference == 10 and r.judgement.reference_year is None


def test_cumulative_flow_uses_the_level_method_too():
    ind = indicator(unit="亿元", measure="flow", baseline=884, targets={2021: 1000, 2022: 1300, 2023: 1600})
    r = result(ind, 2022, y2022=1200)
    assert r.progress == pytest.approx((1200 - 884) / (1300 - 884))
    assert r.completion == pytest.approx(1200 / 1300)
    assert r.status is Status.BEHIND  # 0.76, although 92.3% complete


def test_annual_progress_is_actual_over_target():
    ind = indicator(attribute="annual", measure="flow", baseline=58, targets={2021: 30, 2022: 30, 2023: 40})
    r = result(ind, 2022, y2022=27)
    assert r.progress == pytest.approx(0.9) and r.status is Status.BEHIND
    assert r.completion == pytest.approx(0.9)
    # the baseline (58, above the target) plays no part for an annual indicator
    assert r.judgement.reference is None


def test_annual_target_zero_is_met_by_zero():
    ind = indicator(attribute="annual", measure="flow", baseline=0, targets={2021: 0, 2022: 1, 2023: 1})
    r = result(ind, 2021, y2021=0)
    assert r.status is Status.MET
    assert r.completion is None  # no completion where the target is 0
    assert r.gap == 0


def test_annual_target_zero_missed_only_by_a_negative_actual():
    ind = indicator(attribute="annual", measure="flow", baseline=0, targets={2021: 0, 2022: 1, 2023: 1})
    r = result(ind, 2021, y2021=-1)
    assert r.status is Status.OFF_TRACK and r.progress is None and r.judgement.reason


def test_cumulative_target_zero_equal_to_baseline():
    """Indicators 13, 29, 33: baseline 0, targets 0 in 2021 and 2022."""
    ind = indicator(baseline=0, targets={2021: 0, 2022: 0, 2023: 1})
    assert result(ind, 2022, y2022=0).status is Status.MET
    assert result(ind, 2022, y2022=1).status is Status.MET
    assert result(ind, 2022, y2022=0).completion is None


def test_target_equal_to_baseline_missed_is_off_track():
    """Indicator 9 in 2021 and 16 in 2021: no increase planned."""
    ind = indicator(baseline=2, targets={2021: 2, 2022: 3, 2023: 4})
    r = result(ind, 2021, y2021=1)
    assert r.status is Status.OFF_TRACK
    assert r.progress is None
    assert "no change" in r.judgement.reason
    assert result(ind, 2021, y2021=2).status is Status.MET


def test_ratio_gap_in_points_and_no_completion():
    ind = indicator(
        unit="%", attribute="ratio", measure="share", baseline=22.2, targets={2021: 23, 2022: 25, 2023: 27}
    )
    r = result(ind, 2022, y2022=24.1)
    assert r.gap == pytest.approx(-0.9)
    assert r.completion is None
    assert r.progress == pytest.approx((24.1 - 22.2) / (25 - 22.2))
    assert r.status is Status.BEHIND


# ── a missing baseline (indicator 27) ───────────────────────────────────────

NO_BASELINE = dict(
    unit="%", attribute="ratio", measure="share", baseline=None, targets={2021: 3, 2022: 3.05, 2023: 3.1}
)


def test_missing_baseline_first_year_is_unknown_unless_met():
    r = result(indicator(**NO_BASELINE), 2021, y2021=2.9)
    assert r.status is Status.UNKNOWN
    assert "no baseline" in r.judgement.reason
    assert r.gap == pytest.approx(-0.1)
    assert result(indicator(**NO_BASELINE), 2021, y2021=3.04).status is Status.MET


def test_missing_baseline_uses_the_earliest_earlier_actual_and_names_its_year():
    r = result(indicator(**NO_BASELINE), 2023, y2021=2.9, y2022=3.0, y2023=3.05)
    assert r.judgement.reference == 2.9 and r.judgement.reference_year == 2021
    assert r.progress == pytest.approx((3.05 - 2.9) / (3.1 - 2.9))
    assert r.status is Status.BEHIND


def test_missing_baseline_ignores_the_year_judged_and_later_actuals():
    """Only a base-year actual or an earlier plan year's stands in; never the year judged or later."""
    r = result(indicator(**NO_BASELINE), 2021, y2021=2.95)
    assert r.status is Status.UNKNOWN and r.judgement.reference is None
    r = result(indicator(**NO_BASELINE), 2022, y2022=3.0, y2023=3.2)
    assert r.status is Status.UNKNOWN


def test_missing_baseline_reference_equal_to_target():
    r = result(indicator(**NO_BASELINE), 2022, y2021=3.05, y2022=3.0)
    assert r.status is Status.OFF_TRACK and r.judgement.reference_year == 2021


# ── direction, thresholds ───────────────────────────────────────────────────


def test_decrease_mirrors_every_comparison():
    ind = indicator(direction="decrease", baseline=100, targets={2021: 80, 2022: 60, 2023: 40})
    assert result(ind, 2022, y2022=55).status is Status.MET
    r = result(ind, 2022, y2022=62)
    assert r.progress == pytest.approx((62 - 100) / (60 - 100)) and r.status is Status.ON_TRACK
    assert result(ind, 2022, y2022=110).status is Status.OFF_TRACK


def test_decrease_annual_progress_is_target_over_actual():
    ind = indicator(
        direction="decrease", attribute="annual", measure="flow", targets={2021: 10, 2022: 10, 2023: 10}
    )
    r = result(ind, 2022, y2022=20)
    assert r.progress == pytest.approx(0.5) and r.status is Status.OFF_TRACK


def test_thresholds_come_from_the_plan_file():
    ind = indicator(plan={"thresholds": {"on_track": 0.9, "behind": 0.5}})
    r = result(ind, 2022, y2022=28.2)  # R = 0.91
    assert r.status is Status.ON_TRACK
    assert result(indicator(), 2022, y2022=28.2).status is Status.BEHIND


# ── the whole assessment ────────────────────────────────────────────────────


def table(*rows) -> list[Actual]:
    return [
        Actual(i, y, v, s, illustrative=s == "illustrative", file="t.csv", line=n + 2)
        for n, (i, y, v, s) in enumerate(rows)
    ]


def test_assessment_groups_by_lead_unit_in_plan_order():
    plan = make_plan(
        indicator(1, lead="Z"), indicator(2, lead="A", responsible=["Z"]), indicator(3, lead="Z")
    )
    a = assess(plan, table((1, 2022, 30, "x"), (2, 2022, 21, "illustrative")), 2022)
    assert [u.unit for u in a.units] == ["Z", "A"]
    z = a.units[0]
    assert z.indicators == [1, 3] and z.counts[Status.MET] == 1 and z.counts[Status.NO_DATA] == 1
    assert a.counts[Status.OFF_TRACK] == 1
    assert a.met_or_on_track_share == pytest.approx(1 / 3)
    assert [r.indicator.id for r in a.illustrative] == [2]


def test_filters_keep_lead_or_responsible_units_categories_and_statuses():
    plan = make_plan(
        indicator(1, lead="Z", category="K"),
        indicator(2, lead="A", responsible=["Z"]),
        indicator(3, lead="A"),
    )
    a = assess(plan, table((1, 2022, 30, "x"), (2, 2022, 21, "x")), 2022)
    assert [r.indicator.id for r in a.filter(units=["Z"]).results] == [1, 2]
    assert [r.indicator.id for r in a.filter(categories=["K"]).results] == [1]
    assert [r.indicator.id for r in a.filter(statuses=[Status.NO_DATA]).results] == [3]
    assert a.filter(units=["nobody"]).met_or_on_track_share is None


def test_assess_rejects_a_year_outside_the_plan():
    with pytest.raises(ValueError):
        assess(make_plan(), table(), 2024)


def test_shipped_data_2022():
    """The shipped actuals exercise every status but 'unknown'; figures checked by hand."""
    plan = load_plan(DATA / "targets.yaml")
    read = read_actuals([DATA / "actuals"], plan)
    assert read.errors == []
    a = assess(plan, read.actuals, 2022)
    counts = {str(s): n for s, n in a.counts.items()}
    assert counts == {"met": 22, "on_track": 3, "behind": 8, "off_track": 6, "no_data": 3, "unknown": 0}
    by_id = {r.indicator.id: r for r in a.results}
    assert by_id[26].actual.value == 444 and not by_id[26].actual.illustrative
    assert "望城区发展和改革局" in by_id[26].actual.source
    assert by_id[42].progress == pytest.approx(0.95) and by_id[42].status is Status.ON_TRACK
    assert math.isclose(by_id[1].progress, (1352 - 1000) / (1400 - 1000))


def test_shipped_data_2021_indicator_27_is_the_published_figure():
    plan = load_plan(DATA / "targets.yaml")
    a = assess(plan, read_actuals([DATA / "actuals"], plan).actuals, 2021)
    r27 = next(r for r in a.results if r.indicator.id == 27)
    assert r27.actual.value == 3.04 and r27.status is Status.MET
    assert "中国新闻网" in r27.actual.source and not r27.actual.illustrative


def test_a_year_uses_whole_year_values_else_the_latest_period_provisionally():
    plan = make_plan(indicator(1), indicator(2))
    rows = [
        Actual(1, 2022, 31, "x"),
        Actual(1, 2022, 12, "x", period="2022-H1", months=6),
        Actual(2, 2022, 25, "x", period="2022-Q3", months=9),
        Actual(2, 2022, 14, "x", period="2022-H1", months=6),
    ]
    a = assess(plan, rows, 2022)
    one, two = a.results
    assert one.status is Status.MET and one.actual.value == 31 and not one.provisional  # no mixing
    # indicator 2 (a stock): its latest figure, Q3 = 25, against the year-end target 30: R = 0.75
    assert two.actual.period == "2022-Q3" and two.provisional
    assert two.status is Status.BEHIND and two.progress == pytest.approx(0.75)


# ── periods within the year (序时进度) ─────────────────────────────────────

FLOW = dict(attribute="annual", measure="flow", baseline=65, targets={2021: 68, 2022: 70, 2023: 70})


def period_result(ind: dict, period: str, months: int, value: float, year: int = 2022):
    from wcplan.model.periods import parse_period

    plan = make_plan(ind)
    rows = [Actual(1, year, value, "x", period=period, months=months)]
    return assess(plan, rows, parse_period(period)).results[0]


def test_flow_ahead_of_the_time_schedule():
    r = period_result(indicator(**FLOW), "2022-H1", 6, 40)
    assert r.expected == 35 and r.status is Status.MET and r.provisional
    assert r.schedule_gap == pytest.approx((40 / 70 - 0.5) * 100)
    assert r.completion == pytest.approx(40 / 70)


def test_the_methodology_example_56_6_percent_at_half_year():
    r = period_result(indicator(**FLOW, unit="亿元"), "2022-H1", 6, 0.566 * 70)
    assert r.schedule_gap == pytest.approx(6.6)


def test_flow_behind_the_time_schedule():
    r = period_result(indicator(**FLOW), "2022-Q3", 9, 45)
    # expected 70 x 9/12 = 52.5; R = 45 / 52.5 = 0.857
    assert r.expected == pytest.approx(52.5) and r.progress == pytest.approx(45 / 52.5)
    assert r.status is Status.BEHIND and r.schedule_gap == pytest.approx((45 / 70 - 0.75) * 100)


def test_cumulative_flow_is_prorated_too():
    ind = indicator(unit="亿元", measure="flow", baseline=884, targets={2021: 1000, 2022: 1300, 2023: 1600})
    r = period_result(ind, "2022-06", 6, 600)
    assert r.expected == 650 and r.progress == pytest.approx(600 / 650) and r.status is Status.BEHIND


def test_stock_mid_year_is_judged_against_the_year_end_target_provisionally():
    r = period_result(indicator(), "2022-H1", 6, 29)  # baseline 10, target 30: R = 0.95
    assert r.expected is None and r.schedule_gap is None
    assert r.status is Status.ON_TRACK and r.provisional


@pytest.mark.parametrize("label", ["2022-06", "2022-Q2", "2022-H1"])
def test_a_period_finds_figures_covering_the_same_months(label):
    from wcplan.model.periods import parse_period

    plan = make_plan(indicator(**FLOW))
    rows = [
        Actual(1, 2022, 36, "x", period="2022-H1", months=6),
        Actual(1, 2022, 20, "x", period="2022-Q1", months=3),
    ]
    r = assess(plan, rows, parse_period(label)).results[0]
    assert r.actual.value == 36 and r.status is Status.MET


def test_different_figures_for_the_same_months_are_not_chosen_between():
    from wcplan.model.periods import parse_period

    plan = make_plan(indicator(**FLOW))
    rows = [
        Actual(1, 2022, 36, "x", period="2022-H1", months=6),
        Actual(1, 2022, 33, "x", period="2022-06", months=6),
    ]
    # The reader refuses such a pair (tests/test_validate.py); the core never chooses either.
    with pytest.raises(ConflictingFigures, match="cover the same months but differ"):
        assess(plan, rows, parse_period("2022-Q2"))


# ── scorecards ──────────────────────────────────────────────────────────────


def test_scorecards_score_worst_and_order():
    plan = make_plan(
        indicator(1, lead="A", responsible=["R"]),
        indicator(2, lead="A", responsible=["R", "S"]),
        indicator(3, lead="B", responsible=["S"]),
        indicator(4, lead="C", responsible=["S"]),
    )
    # 1: met; 2: R = 0.7 behind; 3: off track (R = 0.3); 4: no data
    cards = assess(plan, table((1, 2022, 31, "x"), (2, 2022, 24, "x"), (3, 2022, 16, "x")), 2022).scorecards()
    assert [(c.unit, c.score, c.assessed) for c in cards] == [("A", 0.5, 2), ("B", 0.0, 1), ("C", None, 0)]
    assert cards[0].worst.indicator.id == 2 and cards[1].worst.indicator.id == 3 and cards[2].worst is None
    by_responsible = assess(plan, table((1, 2022, 31, "x"), (2, 2022, 24, "x")), 2022).scorecards(
        "responsible"
    )
    assert [(c.unit, c.score) for c in by_responsible] == [("R", 0.5), ("S", 0.0)]
    assert [r.indicator.id for r in by_responsible[1].results] == [2, 3, 4]
