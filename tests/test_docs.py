"""The documentation tells the truth: every example is real output, every command is documented."""

from __future__ import annotations

import re

import pytest

from readme_examples import README, ROOT, examples, run_example
from wcplan.cli import app

TEXT = README.read_text(encoding="utf-8")
COMMANDS = [c.name for c in app.registered_commands]


@pytest.mark.parametrize(("args", "shown"), examples(TEXT), ids=[a for a, _ in examples(TEXT)])
def test_every_readme_example_is_real_output(args, shown):
    assert run_example(args) == shown, "README.md is stale: run python tests/readme_examples.py --update"


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


def test_methodology_doc_names_every_status():
    doc = (ROOT / "docs" / "methodology.md").read_text(encoding="utf-8")
    for status in ("no_data", "met", "on_track", "behind", "off_track", "unknown"):
        assert f"`{status}`" in doc
