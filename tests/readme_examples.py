"""The `$ wcplan ...` examples of the README and of docs/*.md: found, run, and compared or rewritten.

    python tests/readme_examples.py --update    # rewrite every example's output in README.md and docs/

test_docs.py uses the same functions to check that every example shows real output.

Examples run in a copy of the files they read (data/, tests/data/, examples/), so that those
that write (`wcplan template`) never write into the repository. Each copied file has a fixed
modification time, and times are shown in China's time zone, so that `wcplan submissions`,
which shows when each file was last changed, prints the same on every machine.
"""

from __future__ import annotations

import atexit
import datetime as dt
import functools
import os
import re
import shlex
import shutil
import sys
import tempfile
import time
from pathlib import Path

from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
#: Every page with examples: the README first, then the reference pages.
PAGES = [README, *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"```console\n\$ wcplan (?P<args>[^\n]*)\n(?P<output>.*?)```\n", re.S)
# A fixed date for reports ("made on"), by the reproducible-builds convention wcplan honours.
ENV = {
    "COLUMNS": "100",
    "NO_COLOR": None,
    "FORCE_COLOR": None,
    "WCPLAN_TARGETS": None,
    "WCPLAN_LANG": "en",  # an example shows Chinese with --lang zh, whatever the machine's locale
    "SOURCE_DATE_EPOCH": "1700000000",
}


def examples(text: str) -> list[tuple[str, str]]:
    """(arguments, shown output) of every console example."""
    return [(m["args"], m["output"]) for m in BLOCK.finditer(text)]


#: What the examples read, copied into the folder they run in.
COPIED = ("data", "tests/data", "examples")
#: The time zone the examples show times in: China Standard Time, written so that it needs no
#: time-zone database.
TZ = "CST-8"
#: The modification time of every copied file; the submissions of examples/collection/ come in
#: one after another from there, as they would.
FIRST = dt.datetime(2022, 7, 5, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
APART = dt.timedelta(hours=26, minutes=13)


@functools.cache
def prepared() -> Path:
    """A folder holding a copy of what the examples read, with fixed modification times."""
    folder = Path(tempfile.mkdtemp(prefix="wcplan-readme-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    for part in COPIED:
        shutil.copytree(ROOT / part, folder / part)
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        stamp = FIRST.timestamp()
        os.utime(path, (stamp, stamp))
    for n, path in enumerate(sorted((folder / "examples" / "collection").rglob("*.*"))):
        stamp = (FIRST + n * APART).timestamp()
        os.utime(path, (stamp, stamp))
    return folder


def run_example(args: str) -> str:
    """What `wcplan ARGS` prints (stdout, then stderr), run in the prepared copy, 100 columns."""
    from wcplan.cli import app

    cwd, zone = os.getcwd(), os.environ.get("TZ")
    os.chdir(prepared())
    os.environ["TZ"] = TZ
    time.tzset()
    try:
        result = CliRunner().invoke(app, shlex.split(args), env=ENV)
    finally:
        os.chdir(cwd)
        if zone is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = zone
        time.tzset()
    text = result.stdout + result.stderr
    return "".join(line.rstrip() + "\n" for line in text.rstrip("\n").splitlines())


def update(text: str) -> str:
    return BLOCK.sub(lambda m: f"```console\n$ wcplan {m['args']}\n{run_example(m['args'])}```\n", text)


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit(__doc__)
    for page in PAGES:
        page.write_text(update(page.read_text(encoding="utf-8")), encoding="utf-8")
