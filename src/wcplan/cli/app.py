"""The Typer app: every command registered, every failure turned into one sentence and an exit
code (wcplan.base.exit_codes). Parse, call, render, exit: nothing else lives here."""

from __future__ import annotations

import contextlib
import functools
import inspect
import os
import signal
import sys
import typing
from typing import Annotated

import typer

from wcplan import __version__
from wcplan.base.errors import UsageError, WcplanError
from wcplan.base.exit_codes import ExitCode
from wcplan.base.i18n import N_, _
from wcplan.cli import options
from wcplan.cli.commands import report, status, submissions, targets, tasks, template, trend, units, validate
from wcplan.cli.interface import Command, Group
from wcplan.reading import files

app = typer.Typer(
    name="wcplan",
    cls=Group,
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


app.command("targets", cls=Command, help=targets.HELP)(guarded(targets.command))
app.command("status", cls=Command, help=status.HELP)(guarded(status.command))
app.command("validate", cls=Command, help=validate.HELP)(guarded(validate.command))
app.command("units", cls=Command, help=units.HELP)(guarded(units.command))
app.command("trend", cls=Command, help=trend.HELP)(guarded(trend.command))
app.command("report", cls=Command, help=report.HELP)(guarded(report.command))
app.command("tasks", cls=Command, help=tasks.HELP)(guarded(tasks.command))
app.command("template", cls=Command, help=template.HELP)(guarded(template.command))
app.command("submissions", cls=Command, help=submissions.HELP)(guarded(submissions.command))


def main() -> None:
    app(prog_name="wcplan")


if __name__ == "__main__":
    main()
