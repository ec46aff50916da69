"""`wcplan validate` on large generated files, beside a bare CSV parse and pandera.

Two files of N rows (default 1,000,000) for the shipped plan, cycling through its 42
indicators and 51 periods of 2021-2023, so that, as in any file that large for this plan,
almost every row repeats an indicator and months given earlier:

    duplicates   every repeated row gives the same value (a warning each; some values are
                 percentages over 100, an error each);
    conflicts    every row gives a different value (an error each, naming both places).

Every row produces a finding, the hardest case for a validator. Each command runs --runs
times as a whole process, all of them interleaved (round-robin), so that a noisy moment of
the machine hits them alike; medians are printed, with the ratios of the project's goals
(issue 18) and the peak memory (max RSS) of one run of each:

    validate (duplicates)   <= 2 s, <= 400 MiB, and faster than pandera on the same file
    validate (conflicts)    <= 3 s

The yardsticks: `python -c "for row in csv.reader(f): pass"`, and pandera's
`DataFrameSchema` with isin / in_range / ge checks (fewer checks than wcplan's), when pandera
is installed (`pip install pandera`; it is no dependency of wcplan): without it that row is
skipped, and says so.

Usage: python benchmarks/validate_large.py [--rows N] [--runs K]   (from the repository root)
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PERIODS = (
    [str(y) for y in (2021, 2022, 2023)]
    + [f"{y}-{m:02d}" for y in (2021, 2022, 2023) for m in range(1, 13)]
    + [f"{y}-Q{q}" for y in (2021, 2022, 2023) for q in range(1, 5)]
)
#: The indicators of the shipped plan counted in percent (data/targets.yaml): their values stay
#: within 100 in the file of conflicts, so that every repeat there is a conflict.
PERCENT = {4, 27, 42}

PANDERA = """
import sys
import pandas as pd
import pandera.pandas as pa

schema = pa.DataFrameSchema({
    "indicator": pa.Column(int, pa.Check.in_range(1, 42)),
    "period": pa.Column(str, pa.Check.isin(sys.argv[2].split(","))),
    "value": pa.Column(float, pa.Check.ge(0)),
    "source": pa.Column(str),
})
types = {"indicator": "int64", "period": str, "value": "float64", "source": str}
frame = pd.read_csv(sys.argv[1], dtype=types, keep_default_na=False)
try:
    schema.validate(frame, lazy=True)
except pa.errors.SchemaErrors as exc:
    print(len(exc.failure_cases))
"""


def generate(path: Path, rows: int, distinct: bool = False) -> None:
    """Rows of indicator, period, value and source; `distinct`: every value differs from the
    others of its indicator (a conflict on every repeat), else each indicator has one value."""
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("indicator,period,value,source\n")
        for i in range(rows):
            indicator = i % 42 + 1
            if not distinct:
                value = str(100 + i % 7)
            elif indicator in PERCENT:
                value = f"{i // 42 / 1000:g}"  # under 24: a percentage, never over 100
            else:
                value = str(i // 42 + 1)
            out.write(f"{indicator},{PERIODS[(i // 42) % len(PERIODS)]},{value},区统计局\n")


def run(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def wcplan() -> list[str]:
    exe = Path(sys.executable).with_name("wcplan")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "wcplan"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    pandera = importlib.util.find_spec("pandera") is not None
    with tempfile.TemporaryDirectory() as tmp:
        same, differ = Path(tmp) / "duplicates.csv", Path(tmp) / "conflicts.csv"
        generate(same, args.rows)
        generate(differ, args.rows, distinct=True)
        size = same.stat().st_size / 2**20
        commands = {
            "csv.reader pass": [
                sys.executable,
                "-c",
                f"import csv\nfor row in csv.reader(open({str(same)!r}, newline='', encoding='utf-8')): pass",
            ],
            "validate (duplicates)": [*wcplan(), "validate", str(same), "--format", "json"],
            "validate (conflicts)": [*wcplan(), "validate", str(differ), "--format", "json"],
        }
        if pandera:
            commands["pandera (duplicates)"] = [sys.executable, "-c", PANDERA, str(same), ",".join(PERIODS)]
        times: dict[str, list[float]] = {name: [] for name in commands}
        for argv in commands.values():  # warm the file cache and .pyc files once
            run(argv)
        for _ in range(args.runs):  # interleaved
            for name, argv in commands.items():
                times[name].append(run(argv))
        peaks = {name: _peak_of(argv) for name, argv in commands.items()}
    print(f"{args.rows:,} rows, {size:.1f} MiB; {args.runs} runs each, interleaved; medians")
    medians = {name: statistics.median(t) for name, t in times.items()}
    for name, median in medians.items():
        rate = args.rows / median / 1e6
        print(f"{name:<24} {median:7.2f} s   {rate:5.2f} M rows/s   peak {peaks[name]:>5} MiB")
    if not pandera:
        print("pandera (duplicates)     skipped: pandera is not installed (pip install pandera)")
    print()
    base = medians["csv.reader pass"]
    for name, goal in (("validate (duplicates)", 2.0), ("validate (conflicts)", 3.0)):
        verdict = "ok" if medians[name] <= goal else "OVER"
        over = medians[name] / base
        print(f"{name:<24} {medians[name]:5.2f} s (goal <= {goal:g} s) {verdict}; {over:5.1f}x csv.reader")
    peak = peaks["validate (duplicates)"]
    memory = "ok" if peak <= 400 else "OVER"
    print(f"{'validate (duplicates)':<24} peak {peak} MiB (goal <= 400 MiB) {memory}")
    if pandera:
        ratio = medians["validate (duplicates)"] / medians["pandera (duplicates)"]
        verdict = "ok" if ratio < 1 else "OVER"
        print(f"{'validate (duplicates)':<24} / pandera = {ratio:5.2f}x (goal < 1x) {verdict}")
    return 0


def _peak_of(argv: list[str]) -> int:
    """Peak RSS (MiB) of one run, measured in a fresh child so earlier runs do not mask it."""
    code = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)"
    )
    out = subprocess.run([sys.executable, "-c", code, *argv], cwd=ROOT, capture_output=True, text=True)
    return int(out.stdout.strip() or 0)


if __name__ == "__main__":
    sys.exit(main())
