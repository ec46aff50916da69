"""The `$ wcplan ...` examples of the README and of docs/*.md: found, run, and compared or rewritten.

    python tests/readme_examples.py --update    # rewrite every example's output in README.md and docs/

test_docs.py uses the same functions to check that every example shows real output.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
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


def run_example(args: str) -> str:
    """What `wcplan ARGS` prints (stdout, then stderr), run from the repository root, 100 columns."""
    from wcplan.cli import app

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(app, shlex.split(args), env=ENV)
    finally:
        os.chdir(cwd)
    text = result.stdout + result.stderr
    return "".join(line.rstrip() + "\n" for line in text.rstrip("\n").splitlines())


def update(text: str) -> str:
    return BLOCK.sub(lambda m: f"```console\n$ wcplan {m['args']}\n{run_example(m['args'])}```\n", text)


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit(__doc__)
    for page in PAGES:
        page.write_text(update(page.read_text(encoding="utf-8")), encoding="utf-8")
