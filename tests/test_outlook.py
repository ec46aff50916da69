"""The whole plan so far and the outlook to 2023, on hand-made plans checked by hand."""

from __future__ import annotations

import pytest

from conftest import indicator, make_plan
from wcplan.model.plan import Indicator
from wcplan.model.planfile import validated
from wcplan.rules.outlook import project, so_far
from wcplan.rules.verdicts import Outlook

PLAN = make_plan(indicator())
CUMULATIVE = validated(Indicator, indicator())  # baseline 10, targets 20 / 30 / 40
ANNUAL = validated(
    Indicator,
    indicator(attribute="annual", measure="flow", baseline=8, targets={2021: 10, 2022: 10, 2023: 12}),
)
NO_BASELINE = validated(
    Indicator,
    indicator(
        unit="%", attribute="ratio", measure="share", baseline=None, targets={2021: 3, 2022: 3.05, 2023: 3.1}
    ),
)


def test_one_point_is_unknown():
    p = project(PLAN, NO_BASELINE, 2021, {2021: 3.0})
    assert p.outlook is Outlook.UNKNOWN and "fewer than two points" in p.reason


def test_two_points_baseline_and_one_actual():
    p = project(PLAN, CUMULATIVE, 2021, {2021: 18})
    # d = (18 - 10) / 1 = 8; P = 18 + 8 * 2 = 34; O = (34 - 10) / (40 - 10) = 0.8
    assert p.value == pytest.approx(34) and p.ratio == pytest.approx(0.8) and p.outlook is Outlook.AT_RISK


def test_three_points_mean_change_from_first_to_latest():
    p = project(PLAN, CUMULATIVE, 2022, {2021: 22, 2022: 28})
    # d = (28 - 10) / 2 = 9; P = 28 + 9 = 37; O = 27 / 30 = 0.9
    assert p.value == pytest.approx(37) and p.ratio == pytest.approx(0.9) and p.outlook is Outlook.AT_RISK
    assert project(PLAN, CUMULATIVE, 2022, {2021: 12, 2022: 14}).outlook is Outlook.UNLIKELY  # O = 0.4


def test_final_target_already_met_is_likely():
    p = project(PLAN, CUMULATIVE, 2022, {2021: 45, 2022: 41})  # falling, but already above 40
    assert p.outlook is Outlook.LIKELY


def test_missing_baseline_projects_from_the_earliest_actual():
    p = project(PLAN, NO_BASELINE, 2022, {2021: 2.9, 2022: 2.98})
    # d = 0.08; P = 3.06; O = (3.06 - 2.9) / (3.1 - 2.9) = 0.8
    assert p.value == pytest.approx(3.06) and p.ratio == pytest.approx(0.8) and p.outlook is Outlook.AT_RISK


def test_no_outlook_in_the_last_plan_year():
    assert project(PLAN, CUMULATIVE, 2023, {2023: 40}) is None


def test_annual_projection_of_the_plan_total():
    p = project(PLAN, ANNUAL, 2022, {2021: 9, 2022: 11})
    # sum 20 + mean 10 * 1 remaining year = 30; targets 10 + 10 + 12 = 32; O = 0.9375
    assert p.value == pytest.approx(30) and p.ratio == pytest.approx(30 / 32) and p.outlook is Outlook.AT_RISK


def test_annual_with_a_missing_year():
    s = so_far(PLAN, ANNUAL, 2022, {2022: 11})
    assert s.missing_years == [2021]
    assert s.completion == pytest.approx(11 / 10)  # 2021 is named, not counted as zero
    p = project(PLAN, ANNUAL, 2022, {2022: 11})  # baseline + one actual: two points
    # sum 11 + mean 11 * 2 years without an actual = 33; O = 33 / 32
    assert p.value == pytest.approx(33) and p.outlook is Outlook.LIKELY


def test_plan_progress_for_levels():
    s = so_far(PLAN, CUMULATIVE, 2022, {2021: 22, 2022: 28})
    assert s.progress == pytest.approx((28 - 10) / (40 - 10)) and s.completion is None
    assert so_far(PLAN, CUMULATIVE, 2022, {2021: 22}).progress is None
    s = so_far(PLAN, NO_BASELINE, 2022, {2021: 2.9, 2022: 2.98})
    assert s.progress == pytest.approx((2.98 - 2.9) / (3.1 - 2.9))
