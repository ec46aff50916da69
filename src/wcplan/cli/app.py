"""The Typer app: every command registered, every failure turned into one sentence and an exit
code (wcplan.base.exit_codes). Parse, call, render, exit: nothing else lives here.

A command is built (its module imported, its options made) only when it runs or its help is
shown: `wcplan targets` does not pay for the eight other commands, nor `wcplan --help` for any.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import importlib
import inspect
import os
import signal
import sys
import typing
from collections.abc import MutableMapping
from typing import Annotated

import typer

from wcplan import __version__
from wcplan.base.errors import UsageError, WcplanError
from wcplan.base.exit_codes import ExitCode
from wcplan.base.i18n import N_, _
from wcplan.cli import options
from wcplan.cli.commands import COMMANDS
from wcplan.cli.interface import HEADINGS, Command, Group, first_sentence, localize
from wcplan.reading import files


class Commands(MutableMapping):
    """The commands by name, in the order of COMMANDS; each is built when it is first looked up."""

    def __init__(self, built: dict):
        self.built = dict(built)
        self.names = [*COMMANDS, *(name for name in built if name not in COMMANDS)]

    def __getitem__(self, name: str):
        if name not in self.built:
            if name not in COMMANDS:
                raise KeyError(name)
            self.built[name] = _build(name)
        return self.built[name]

    def __setitem__(self, name: str, command) -> None:
        self.built[name] = command
        if name not in self.names:
            self.names.append(name)

    def __delitem__(self, name: str) -> None:
        if name not in self.names:
            raise KeyError(name)
        self.built.pop(name, None)
        self.names.remove(name)

    def __iter__(self):
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)

    def short_help(self, name: str) -> str:
        """The first sentence of a command's help, without building it."""
        if name in self.built:
            command = self.built[name]
            return first_sentence(command.short_help or command.help or "")
        return first_sentence(_(COMMANDS[name]))


class App(Group):
    """wcplan's group of commands, built one by one as they are used."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.commands = Commands(self.commands)

    def list_commands(self, ctx) -> list[str]:
        return list(self.commands)

    def format_commands(self, ctx, formatter) -> None:
        """Every command with the first sentence of its help, whole, wrapped as the rest of the help."""
        rows = [(name, self.commands.short_help(name)) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section(HEADINGS[2]):
                formatter.write_dl(rows)


def _build(name: str):
    """The Click command of `name`, as Typer makes it, its help in the current language."""
    module = importlib.import_module(f"wcplan.cli.commands.{name}")
    one = typer.Typer()
    one.command(name, cls=Command, help=COMMANDS[name])(guarded(module.command))
    command = typer.main.get_command_from_info(
        one.registered_commands[0],
        pretty_exceptions_short=app.pretty_exceptions_short,
        rich_markup_mode=app.rich_markup_mode,
    )
    localize(command)
    return command


app = typer.Typer(
    name="wcplan",
    cls=App,
    help=N_(
        "Progress checker for 《长沙市望城区打造国家重要先进制造业高地三年行动计划（2021-2023年）》"
        "(望发〔2021〕4号): targets, actuals and the status of every indicator by lead unit."
    ),
    no_args_is_help=True,
    add_completion=True,  # --install-completion and --show-completion (wcplan.cli.completion)
    pretty_exceptions_enable=False,
    # Plain Click-style help and errors: a usage error stays one greppable line for CI,
    # and `--help` does not need to import Rich.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"wcplan {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool | None,
        typer.Option(
            "--version", help=N_("Show the version and exit."), callback=_show_version, is_eager=True
        ),
    ] = None,
    lang: options.Lang = None,
) -> None:
    # The language is chosen before parsing (wcplan.cli.interface.Group.main); `--lang` is declared here too
    # so that `wcplan --lang zh COMMAND` is accepted and its value checked.
    pass


def guarded(command):
    """Turn every failure of a command into one clear sentence and the right exit code, and give
    the command the `--lang` option (which interface.Group.main has already acted on)."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        kwargs.pop("lang", None)
        files.forget()
        try:
            with _terminate_as_interrupt():
                result = command(*args, **kwargs)
                sys.stdout.flush()  # inside the guard, so that a closed pipe is handled here
            return result
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except BrokenPipeError:
            # The reader (e.g. `| head`) stopped reading: not a failure of wcplan or of the data.
            # Point stdout at devnull so that the interpreter's final flush cannot fail again.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(ExitCode.OK) from None
        except UsageError as exc:
            raise typer.BadParameter(exc.message, param_hint=exc.param) from None
        except WcplanError as exc:
            _report(exc, kwargs.get("no_color", False))
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            _say(_("wcplan: interrupted; nothing was written."), kwargs.get("no_color", False))
            raise typer.Exit(ExitCode.UNEXPECTED) from None
        except Exception as exc:
            if os.environ.get("WCPLAN_DEBUG"):
                raise
            detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
            error = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
            _say(
                _(
                    "wcplan: unexpected error ({error}); this is a bug in wcplan: please report it with "
                    "the command you ran (WCPLAN_DEBUG=1 shows the traceback)."
                ).format(error=error),
                kwargs.get("no_color", False),
            )
            raise typer.Exit(ExitCode.UNEXPECTED) from None

    hints = typing.get_type_hints(command, include_extras=True)
    parameters = [p.replace(annotation=hints[p.name]) for p in inspect.signature(command).parameters.values()]
    lang = inspect.Parameter("lang", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=options.Lang)
    wrapper.__signature__ = inspect.Signature([*parameters, lang])
    wrapper.__annotations__ = {**hints, "lang": options.Lang}
    return wrapper


@contextlib.contextmanager
def _terminate_as_interrupt():
    """While a command runs, SIGTERM (a cancelled CI job, `kill`) interrupts it as Ctrl-C does, so
    that every clean-up runs: no temporary file is left behind, whichever signal stopped wcplan."""
    try:
        previous = signal.signal(signal.SIGTERM, signal.default_int_handler)
    except ValueError:  # not the main thread: signals cannot be handled here
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _report(exc: WcplanError, no_color: bool) -> None:
    from wcplan.cli.console import environment
    from wcplan.render.terminal.findings import render_findings

    env = environment(no_color)
    render_findings(exc.findings, env.stderr)
    # A lone finding already is the sentence; several get a closing line that counts them.
    if len(exc.findings) != 1:
        env.say(_("wcplan: {message}").format(message=exc.message))


def _say(message: str, no_color: bool) -> None:
    from wcplan.cli.console import environment

    environment(no_color).say(message)


def main() -> None:
    """The command line, ending with SystemExit as a Click program does."""
    app(prog_name="wcplan")


def run() -> typing.NoReturn:
    """The `wcplan` command (and `python -m wcplan`): main(), then the process ends at once."""
    code = 0
    try:
        main()
    except SystemExit as exc:
        code = exc.code
    _end(code)


def _end(code) -> typing.NoReturn:
    """End the process with `code` as sys.exit would, without the interpreter's teardown: taking
    apart some three hundred modules one by one cost every command about 10 ms, more than any
    of them spends on its own work after the imports (benchmarks/startup.py). Output is flushed
    and every exit handler runs (a temporary file's clean-up, a coverage tool's report) first;
    nothing else is left to do."""
    if code is None:
        code = ExitCode.OK
    elif not isinstance(code, int):  # sys.exit("message"): the message, and 1
        sys.stderr.write(f"{code}\n")
        code = 1
    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if run_exit_handlers is not None:
        run_exit_handlers()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a pipe the reader closed: nothing reaches it
            stream.flush()
    os._exit(int(code))


if __name__ == "__main__":
    main()
