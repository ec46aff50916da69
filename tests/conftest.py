from __future__ import annotations

import copy
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

from wcplan.model.plan import Plan
from wcplan.model.planfile import validated

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

# Hypothesis profiles, chosen with HYPOTHESIS_PROFILE (docs/development.md). Without it, Hypothesis's
# own: "default" (100 examples a test), or "ci" (the same, derandomised) where it detects CI; the
# property tests of whole runs take a share of that (cli_checks.examples), so that the suite stays
# under a minute. "long" runs 40 times as many, for a run before a release.
settings.register_profile(
    "long", max_examples=4000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
if os.environ.get("HYPOTHESIS_PROFILE"):
    settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])

BASE_PLAN = {
    "plan": {
        "title": "Test plan",
        "document_number": "T-1",
        "base_year": 2020,
        "years": [2021, 2022, 2023],
    },
    "indicators": [],
}


def indicator(id=1, **fields) -> dict:
    """A cumulative stock indicator with baseline 10 and targets 20/30/40, unless told otherwise."""
    entry = {
        "id": id,
        "category": "C",
        "name": f"indicator {id}",
        "unit": "家",
        "baseline": 10,
        "targets": {2021: 20, 2022: 30, 2023: 40},
        "attribute": "cumulative",
        "measure": "stock",
        "direction": "increase",
        "lead": "Unit A",
        "responsible": ["Unit B"],
    }
    entry.update(fields)
    return entry


def make_plan(*indicators: dict, **plan_fields) -> Plan:
    data = copy.deepcopy(BASE_PLAN)
    data["plan"].update(plan_fields)
    data["indicators"] = list(indicators) or [indicator()]
    data["units"] = {u: None for i in data["indicators"] for u in [i["lead"], *i["responsible"]]}
    return validated(Plan, data)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    """Run in an empty folder, with no plan file around and no environment overrides."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WCPLAN_TARGETS", raising=False)
    return tmp_path


@pytest.fixture(autouse=True)
def _plain_env(monkeypatch):
    for name in ("NO_COLOR", "FORCE_COLOR", "WCPLAN_TARGETS", "WCPLAN_DEBUG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "100")


@pytest.fixture(autouse=True)
def english(monkeypatch):
    """Every test runs in English unless it asks otherwise (the machine's locale must not decide);
    subprocesses inherit the variable."""
    from wcplan.base import i18n

    monkeypatch.setenv("WCPLAN_LANG", "en")
    i18n.activate("en")
    yield
    i18n.activate("en")
