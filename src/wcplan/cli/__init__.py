"""The command line: the Typer app (app), the options several commands share (options), the
language of help pages and usage errors (interface), the output environment (console), writing
files (writing), the inputs a command builds (inputs), where a report goes and in which format
(destination), and one module per command (commands/).

May import every other layer; nothing imports it. A command builds its inputs, calls the Python
API (wcplan) once, then renders: parse, call, render, exit.
"""

from wcplan.cli.app import app, main, run

__all__ = ["app", "main", "run"]
