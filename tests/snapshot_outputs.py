"""Every command's output on the shipped data, in both languages, one file each: a snapshot to
compare byte for byte before and after a change that must not change behaviour.

    python tests/snapshot_outputs.py DIR      # write the snapshot into DIR (created; emptied first)
    diff -r BEFORE AFTER                      # nothing: the outputs are the same

Each command runs as its own process (`python -m wcplan`), from the repository root, at 100
columns, without colour, with a fixed report date ($SOURCE_DATE_EPOCH). A file holds the
command, its exit code, its stdout and its stderr. An Excel report is kept as its unzipped XML
parts, to be read by diff; its creation and modification times are the report's date, so the
same command makes the same parts (and the same file) each time.

Not a test itself (pytest does not collect it): a tool to run by hand around a refactoring.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BAD = "tests/data/bad_actuals.csv"
COLLECTED = "examples/collection/2022-H1"

RUNS: list[list[str]] = [
    ["--help"],
    ["--version"],
    *(
        [command, "--help"]
        for command in (
            "status",
            "units",
            "tasks",
            "trend",
            "targets",
            "validate",
            "report",
            "template",
            "submissions",
        )
    ),
    *(
        ["status", period, "--format", f]
        for period in ("2021", "2022", "2022-H1", "2022-12", "2023", "2021-Q1")
        for f in ("table", "json", "markdown")
    ),
    ["status", "2022", "--unit", "区金融办", "--format", "json"],
    ["status", "2022", "--status", "off_track,behind", "--category", "数字赋能"],
    ["status", "2022", "--actuals", BAD],
    ["status", "2024"],
    ["status", "2020"],
    ["status", "2022-13"],
    *(
        ["units", year, "--by", by, "--format", f]
        for year in ("2021", "2022")
        for by in ("lead", "responsible")
        for f in ("table", "json", "markdown")
    ),
    *(
        ["tasks", year, "--format", f]
        for year in ("2021", "2022", "2023")
        for f in ("table", "json", "markdown")
    ),
    ["tasks", "2022", "--unit", "区金融办", "--format", "markdown"],
    *(
        ["trend", ident, "--format", f]
        for ident in ("1", "4", "26", "27", "13", "高新技术企业")
        for f in ("table", "json")
    ),
    ["trend", "99"],
    *(["targets", "--format", f] for f in ("table", "json")),
    ["targets", "--category", "数字赋能"],
    *(["validate", "--format", f] for f in ("text", "json", "github")),
    *(["validate", BAD, "--format", f] for f in ("text", "json", "github")),
    ["validate", "tests/data", "--max-problems", "5"],
    *(["report", period, "--format", f] for period in ("2022", "2022-H1") for f in ("markdown", "json")),
    ["report", "2022", "--unit", "区金融办"],
    *(
        ["submissions", period, "--actuals", COLLECTED, "--by", by, "--format", f]
        for period in ("2022-H1", "2022")
        for by in ("lead", "responsible")
        for f in ("table", "json", "markdown")
    ),
    ["submissions", "2022", "--unit", "区科技局"],
]
FILE_REPORTS = [["report", "2022", "--format", f] for f in ("html", "xlsx")] + [
    ["report", "2022-H1", "--format", f] for f in ("html", "xlsx")
]


def environment(lang: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("WCPLAN_TARGETS", "FORCE_COLOR", "NO_COLOR")}
    env.update(COLUMNS="100", LINES="50", WCPLAN_LANG=lang, SOURCE_DATE_EPOCH="1700000000", NO_COLOR="1")
    env.pop("GITHUB_STEP_SUMMARY", None)
    return env


def name(args: list[str], lang: str) -> str:
    safe = re.sub(r"[^\w.-]+", "_", " ".join(args)).strip("_")
    return f"{lang}/{safe}"


def run(args: list[str], lang: str, out: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "wcplan", *args], cwd=ROOT, env=environment(lang), capture_output=True
    )
    target = out / (name(args, lang) + ".txt")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(
        b"$ wcplan "
        + " ".join(args).encode()
        + b"\nexit "
        + str(result.returncode).encode()
        + b"\n--- stdout\n"
        + result.stdout
        + b"\n--- stderr\n"
        + result.stderr
    )


def run_file_report(args: list[str], lang: str, out: Path) -> None:
    suffix = args[-1]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"report.{suffix}"
        run([*args, "--output", str(path)], lang, out)
        # the message names the temporary path: keep the command's output but not the path (an Excel
        # report is the same file byte for byte each time, its size too)
        said = out / (name([*args, "--output", str(path)], lang) + ".txt")
        text = said.read_bytes().replace(str(path).encode(), b"OUTPUT")
        said.unlink()
        (out / (name(args, lang) + ".txt")).write_bytes(text)
        base = out / name(args, lang)
        if suffix == "xlsx":
            with zipfile.ZipFile(path) as book:
                for part in sorted(book.namelist()):
                    target = base / part
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(book.read(part))
        else:
            base.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, base.with_suffix("." + suffix))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        sys.exit(__doc__)
    out = Path(argv[0])
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    jobs = [(run, args, lang) for lang in ("en", "zh") for args in RUNS]
    jobs += [(run_file_report, args, lang) for lang in ("en", "zh") for args in FILE_REPORTS]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 4) as pool:
        for future in [pool.submit(job, args, lang, out) for job, args, lang in jobs]:
            future.result()
    print(f"{len(jobs)} outputs in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
