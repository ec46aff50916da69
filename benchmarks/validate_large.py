"""`wcplan validate` on a large generated file, beside a bare CSV parse of the same file.

The file has N rows (default 1,000,000) for the shipped plan, cycling through its 42
indicators and 51 periods of 2021-2023, so that, as in any file that large for this plan,
almost every row repeats an indicator and period (a warning each), and some values are out
of range (an error each): every row produces a finding, the hardest case for a validator.
Each command runs --runs times as a whole process; medians are printed, with the ratio to
the baseline `python -c "for row in csv.reader(f): pass"` and the peak memory (max RSS).

Usage: python benchmarks/validate_large.py [--rows N] [--runs K]   (from the repository root)
"""

from __future__ import annotations

import argparse
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


def generate(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("indicator,period,value,source\n")
        for i in range(rows):
            out.write(f"{i % 42 + 1},{PERIODS[(i // 42) % len(PERIODS)]},{100 + i % 7},区统计局\n")


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
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.csv"
        generate(path, args.rows)
        size = path.stat().st_size / 2**20
        commands = {
            "csv.reader pass (baseline)": [
                sys.executable,
                "-c",
                f"import csv\nfor row in csv.reader(open({str(path)!r}, newline='', encoding='utf-8')): pass",
            ],
            "wcplan validate -f json": [*wcplan(), "validate", str(path), "--format", "json"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        peaks: dict[str, int] = {}
        for _ in range(args.runs):  # interleaved
            for name, argv in commands.items():
                times[name].append(run(argv))
        for name, argv in commands.items():
            peaks[name] = _peak_of(argv)
    print(f"{args.rows:,} rows, {size:.1f} MiB; {args.runs} runs each, interleaved; medians")
    medians = {name: statistics.median(t) for name, t in times.items()}
    for name, median in medians.items():
        rate, peak = args.rows / median / 1e6, peaks[name]
        print(f"{name:<28} {median:7.2f} s   {rate:5.2f} M rows/s   peak {peak:>5} MiB")
    ratio = medians["wcplan validate -f json"] / medians["csv.reader pass (baseline)"]
    print(f"validate / baseline = {ratio:.1f}x")
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
