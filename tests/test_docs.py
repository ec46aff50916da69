"""The documentation tells the truth: every example is real output, every command is documented."""

from __future__ import annotations

import re

import pytest

from readme_examples import PAGES, README, ROOT, examples, run_example
from wcplan.cli import app
from wcplan.cli.commands import COMMANDS as REGISTRY

TEXT = README.read_text(encoding="utf-8")
COMMANDS = list(REGISTRY)
REFERENCE = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
EXAMPLES = [
    (page.relative_to(ROOT).as_posix(), args, shown)
    for page in PAGES
    for args, shown in examples(page.read_text(encoding="utf-8"))
]


@pytest.mark.parametrize(("page", "args", "shown"), EXAMPLES, ids=[f"{p}: {a}" for p, a, _ in EXAMPLES])
def test_every_example_is_real_output(page, args, shown):
    assert run_example(args) == shown, f"{page} is stale: run python tests/readme_examples.py --update"


def test_readme_leads_with_the_two_fresh_machine_commands():
    blocks = re.findall(r"```sh\n(.*?)```", TEXT, re.S)
    assert blocks[0].strip() == "pip install . && wcplan status 2022"
    assert blocks[1].strip() == 'pip install ".[test]" && python -m pytest'
    assert 'pip install ".[test]" && python -m pytest' in (ROOT / ".ci" / "run").read_text()


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented_and_has_help(command, runner):
    assert f"### `wcplan {command}" in TEXT
    assert any(args.split()[0] == command for args, _ in examples(TEXT))
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Usage: wcplan " + command in result.stdout


def reference_section(command: str) -> str:
    """The section of docs/commands.md about `command` (up to the next command's)."""
    start = REFERENCE.index(f"\n## `wcplan {command}")
    end = REFERENCE.find("\n## `wcplan ", start + 1)
    return REFERENCE[start : end if end != -1 else len(REFERENCE)]


@pytest.mark.parametrize("command", COMMANDS)
def test_the_reference_names_every_option_of_every_command(command):
    from typer.main import get_command

    section = reference_section(command)
    for param in get_command(app).commands[command].params:
        for opt in param.opts:
            if opt.startswith("-"):
                assert opt in section, f"docs/commands.md does not name {opt} of wcplan {command}"


def test_the_readme_leads_to_every_reference_page():
    for page in ("commands", "files", "methodology", "translations", "development"):
        assert f"(docs/{page}.md)" in TEXT
        assert (ROOT / "docs" / f"{page}.md").is_file()


def test_methodology_doc_names_every_status():
    doc = (ROOT / "docs" / "methodology.md").read_text(encoding="utf-8")
    for status in ("no_data", "met", "on_track", "behind", "off_track", "unknown"):
        assert f"`{status}`" in doc


def test_the_filled_sheet_shown_is_the_one_the_examples_read():
    files = (ROOT / "docs" / "files.md").read_text(encoding="utf-8")
    shown = re.search(r"```csv\n(序号,指标,责任类型.*?)```", files, re.S)[1]
    sheet = ROOT / "examples" / "collection" / "2022-H1" / "填报表-2022-H1-区科技局.csv"
    assert shown == sheet.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
