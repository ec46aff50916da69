"""Nothing lost: no read-only file replaced without --force."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import DATA
from wcplan.cli import app

ENV = {"SOURCE_DATE_EPOCH": "1700000000"}


@pytest.fixture
def data(in_tmp) -> Path:
    """A copy of the shipped plan, tasks, actuals and progress in data/ of an empty working folder."""
    shutil.copytree(DATA, in_tmp / "data")
    return in_tmp / "data"


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*.part")]


# ── read-only files ─────────────────────────────────────────────────────────


def test_a_read_only_report_is_replaced_only_with_force(runner, data, in_tmp):
    out = in_tmp / "r.md"
    out.write_text("the signed-off report\n", encoding="utf-8")
    out.chmod(0o444)
    r = runner.invoke(app, ["report", "2022", "-o", "r.md"], env=ENV)
    assert r.exit_code == 1
    assert r.stderr == "wcplan: will not replace r.md: the file is read-only; give --force to replace it.\n"
    assert out.read_text(encoding="utf-8") == "the signed-off report\n"
    r = runner.invoke(app, ["report", "2022", "-o", "r.md", "--force"], env=ENV)
    assert r.exit_code == 0 and r.stderr.startswith("wcplan: wrote r.md (")
    assert out.read_text(encoding="utf-8") == runner.invoke(app, ["report", "2022"], env=ENV).stdout
    assert out.stat().st_mode & 0o777 == 0o444 and leftovers(in_tmp) == []


def test_the_default_report_file_is_refused_when_read_only(runner, data, in_tmp):
    out = in_tmp / "wcplan-report-2022.html"
    out.write_text("<p>old</p>\n", encoding="utf-8")
    out.chmod(0o444)
    r = runner.invoke(app, ["report", "2022", "-f", "html", "--lang", "zh"], env=ENV)
    assert r.exit_code == 1
    assert r.stderr == "wcplan：不会替换 wcplan-report-2022.html：该文件为只读；确需替换请加 --force。\n"
    assert out.read_text(encoding="utf-8") == "<p>old</p>\n"
