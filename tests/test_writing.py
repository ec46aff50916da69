"""Nothing lost: no output over a file the run read, no read-only file replaced without --force,
no temporary file left behind, whatever stops wcplan."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
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


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*.part")]


# ── never over an input ─────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("spelling", "read_as"),
    [
        ("data/actuals/2022.csv", "data/actuals/2022.csv"),  # found inside the actuals folder
        ("{abs}/data/targets.yaml", "data/targets.yaml"),  # absolute
        ("data/progress/../tasks.yaml", "data/tasks.yaml"),  # the tasks file, spelled another way
        ("symlink.md", "data/progress/2021.csv"),  # a progress file, through a symbolic link
        ("hardlink.md", "data/actuals/2021.csv"),  # the same inode under another name
    ],
)
@pytest.mark.parametrize("format", ["markdown", "xlsx"])
def test_a_report_is_never_written_over_a_file_the_run_read(runner, data, spelling, read_as, format):
    (data.parent / "symlink.md").symlink_to(data / "progress" / "2021.csv")
    os.link(data / "actuals" / "2021.csv", data.parent / "hardlink.md")
    before = snapshot(data)
    target = spelling.format(abs=data.parent)
    r = runner.invoke(app, ["report", "2022", "-f", format, "-o", target, "--force"], env=ENV)
    assert r.exit_code == 1
    assert r.stderr == (
        f"wcplan: will not write {target}: it is the file {read_as}, which this run read; "
        "input files are never overwritten.\n"
    )
    assert snapshot(data) == before and leftovers(data.parent) == []


def test_a_named_actuals_file_and_plan_are_inputs_too(runner, data, tmp_path):
    plan = tmp_path / "plan.yaml"
    shutil.copy(data / "targets.yaml", plan)
    actuals = tmp_path / "figures.csv"
    shutil.copy(data / "actuals" / "2022.csv", actuals)
    for target in (plan, actuals):
        before = target.read_bytes()
        args = ["report", "2022", "--targets", str(plan), "--actuals", str(actuals), "-o", str(target)]
        r = runner.invoke(app, args, env=ENV)
        assert r.exit_code == 1 and "which this run read" in r.stderr
        assert target.read_bytes() == before


def test_a_report_beside_the_inputs_is_written(runner, data):
    r = runner.invoke(app, ["report", "2022", "-o", "data/report.md"], env=ENV)
    assert r.exit_code == 0, r.stderr
    assert (data / "report.md").read_text(encoding="utf-8").startswith("# ")


def test_the_refusal_in_chinese(runner, data):
    r = runner.invoke(app, ["report", "2022", "-o", "data/targets.yaml", "--lang", "zh"], env=ENV)
    assert r.exit_code == 1
    assert r.stderr == (
        "wcplan：不会写入 data/targets.yaml：它就是本次运行读取的文件 data/targets.yaml；"
        "输入文件绝不会被覆盖。\n"
    )


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


# ── interrupted ─────────────────────────────────────────────────────────────

#: wcplan as a real process whose write blocks (fsync sleeps), so that a signal lands mid-write;
#: it ends as the `wcplan` script does (run: exit handlers, then no teardown).
SLOW_WRITE = (
    "import os, sys, time\n"
    "os.fsync = lambda fd: time.sleep(60)\n"
    "from wcplan.cli import run\n"
    "sys.argv = ['wcplan', *sys.argv[1:]]\n"
    "run()\n"
)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_mid_write_leaves_no_temporary_file(tmp_path, signum):
    out = tmp_path / "r.xlsx"
    out.write_bytes(b"the previous report")
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "WCPLAN_TARGETS")}
    p = subprocess.Popen(
        [sys.executable, "-c", SLOW_WRITE, "report", "2022", "-f", "xlsx", "-o", str(out)],
        cwd=DATA.parent,
        env={**env, **ENV},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not leftovers(tmp_path):
            assert p.poll() is None and time.monotonic() < deadline, "the write never started"
            time.sleep(0.02)
        p.send_signal(signum)
        _, err = p.communicate(timeout=30)
    finally:
        p.kill()
    assert p.returncode == 3
    assert err == "wcplan: interrupted; nothing was written.\n"
    assert leftovers(tmp_path) == [] and out.read_bytes() == b"the previous report"


def test_the_written_sentence_follows_the_language(runner, data, in_tmp):
    r = runner.invoke(app, ["report", "2022", "-o", "r.md", "--lang", "zh"], env=ENV)
    assert r.exit_code == 0
    assert r.stderr == f"wcplan：已写入 r.md（{(in_tmp / 'r.md').stat().st_size:,} 字节）。\n"
