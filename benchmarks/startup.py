"""Start-up and run time of wcplan commands as whole processes, beside their baselines.

Each command runs --runs times; the commands are interleaved (round-robin) so that a
noisy moment of the machine hits them all alike. Prints medians and the ratios the
project's goals are stated in:

    wcplan status 2022   within 1.35x of  python -c "import pandas"
    wcplan --help        within 1.5x  of  python -c "import typer"   (in English and in Chinese)
    wcplan targets       within 2.5x  of  python -c "import typer"
    status, units, tasks, trend, validate, report -f markdown / -f html
                         within 3x    of  python -c "import typer"
    wcplan report 2022 -f xlsx   within 1.5x of  wcplan status 2022  (-f html, -f docx: 2x)

wcplan's modules are compiled to bytecode first (as `pip install` does for an installed
package), so that no run pays for compiling them, whatever PYTHONDONTWRITEBYTECODE says.

Usage: python benchmarks/startup.py [--runs N]   (run from the repository root)
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(tempfile.mkdtemp(prefix="wcplan-bench-"))  # where the report commands write


def wcplan() -> list[str]:
    exe = Path(sys.executable).with_name("wcplan")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("wcplan")
    return [found] if found else [sys.executable, "-m", "wcplan"]


# The smallest Typer command with one option: what Typer itself costs when a command runs
# (Typer 0.29 builds its pydantic adapters then). Shown for context; no goal is set on it.
TYPER_NOOP = (
    "import typer\napp = typer.Typer()\n"
    "@app.command()\ndef main(name: str = 'x') -> None:\n    pass\n"
    "app(['--name', 'y'], standalone_mode=False)"
)

COMMANDS = {
    "import pandas": [sys.executable, "-c", "import pandas"],
    "import typer": [sys.executable, "-c", "import typer"],
    "typer no-op command": [sys.executable, "-c", TYPER_NOOP],
    "wcplan status 2022": [*wcplan(), "status", "2022"],
    "wcplan --help": [*wcplan(), "--help"],
    "wcplan --help (zh)": [*wcplan(), "--lang", "zh", "--help"],
    "wcplan status 2022 (zh)": [*wcplan(), "status", "2022", "--lang", "zh"],
    "wcplan targets": [*wcplan(), "targets"],
    "wcplan units 2022": [*wcplan(), "units", "2022"],
    "wcplan tasks 2022": [*wcplan(), "tasks", "2022"],
    "wcplan trend 1": [*wcplan(), "trend", "1"],
    "wcplan validate": [*wcplan(), "validate"],
    "report -f markdown": [*wcplan(), "report", "2022", "-f", "markdown", "-o", str(OUT / "r.md")],
    "report -f html": [*wcplan(), "report", "2022", "-f", "html", "-o", str(OUT / "r.html")],
    "report -f xlsx": [*wcplan(), "report", "2022", "-f", "xlsx", "-o", str(OUT / "r.xlsx")],
    "report -f docx": [*wcplan(), "report", "2022", "-f", "docx", "-o", str(OUT / "r.docx")],
}
GOALS = [  # (command, baseline, allowed ratio)
    ("wcplan status 2022", "import pandas", 1.35),
    ("wcplan --help", "import typer", 1.5),
    ("wcplan --help (zh)", "import typer", 1.5),
    ("wcplan status 2022 (zh)", "import pandas", 1.35),
    ("wcplan targets", "import typer", 2.5),
    # issue 18: every other command within 3x of `import typer`, a workbook within 1.5x of status
    ("wcplan status 2022", "import typer", 3.0),
    ("wcplan units 2022", "import typer", 3.0),
    ("wcplan tasks 2022", "import typer", 3.0),
    ("wcplan trend 1", "import typer", 3.0),
    ("wcplan validate", "import typer", 3.0),
    ("report -f markdown", "import typer", 3.0),
    ("report -f html", "import typer", 3.0),
    ("report -f html", "wcplan status 2022", 2.0),
    ("report -f xlsx", "wcplan status 2022", 1.5),
    ("report -f docx", "wcplan status 2022", 2.0),
]


def time_once(argv: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each command (default 15)")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k not in ("WCPLAN_TARGETS", "FORCE_COLOR")}
    env["COLUMNS"] = "100"
    # as an installed package is: every module already compiled (an editable install, or one
    # run with PYTHONDONTWRITEBYTECODE, would otherwise compile wcplan's modules on every run)
    package = subprocess.run(
        [sys.executable, "-c", "import wcplan, os; print(os.path.dirname(wcplan.__file__))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    compileall.compile_dir(package, quiet=1)

    for argv in COMMANDS.values():  # warm the file cache and .pyc files once
        time_once(argv, env)
    samples: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(args.runs):
        for name, argv in COMMANDS.items():
            samples[name].append(time_once(argv, env))

    medians = {name: statistics.median(times) for name, times in samples.items()}
    print(f"python {sys.version.split()[0]}, {args.runs} runs each, interleaved; seconds")
    print(f"{'command':<24} {'median':>8} {'min':>8} {'max':>8}")
    for name, times in samples.items():
        print(f"{name:<24} {medians[name]:>8.3f} {min(times):>8.3f} {max(times):>8.3f}")
    print()
    for command, baseline, allowed in GOALS:
        ratio = medians[command] / medians[baseline]
        verdict = "ok" if ratio <= allowed else "OVER"
        print(f"{command:<24} / {baseline:<18} = {ratio:5.2f}x  (goal <= {allowed}x)  {verdict}")
    noop = medians["typer no-op command"] / medians["import typer"]
    print(
        f"{'typer no-op command':<24} / {'import typer':<18} = {noop:5.2f}x  (context: Typer's own run cost)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
