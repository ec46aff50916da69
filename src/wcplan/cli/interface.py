"""The command line's own words in both languages: help pages and usage errors.

Typer (and the Click it vendors) writes "Usage:", "Options", "[default: …]" and its usage
errors in English, and wraps help by counting characters, which lets a Chinese line run to
twice the terminal's width. The command and group classes here choose the language before
anything is parsed, translate every help text as it is shown, wrap by display cells, and
print usage errors as one translated sentence after the usage line.
"""

from __future__ import annotations

import os
import re
import sys

from typer import _click as click
from typer.core import TyperCommand, TyperGroup
from typer.exceptions import Abort

from wcplan.base import i18n
from wcplan.base.i18n import N_, _
from wcplan.base.linebreak import cells, wrap

# Click's own phrases, as wcplan translates them (marked here for the catalogue).
USAGE = N_("Usage: ")
HEADINGS = (N_("Arguments"), N_("Options"), N_("Commands"))
HELP_OPTION = N_("Show this message and exit.")
OPTIONS_METAVAR = N_("[OPTIONS]")
COMMAND_METAVAR = N_("COMMAND [ARGS]...")
# Typer's options of shell completion (wcplan.cli.completion)
COMPLETION_HELP = (
    N_("Install completion for the current shell."),
    N_("Show completion for the current shell, to copy it or customize the installation."),
    N_("Install completion for the specified shell."),
    N_("Show completion for the specified shell, to copy it or customize the installation."),
)

#: Click's English usage errors and wcplan's sentence for each; the first that matches wins. The
#: patterns are compiled when an error is first shown (re keeps them), not by every run.
_ERRORS = [
    ((r"Missing argument (?P<name>.+)\.$"), N_("Missing argument {name}.")),
    ((r"Missing option (?P<name>.+)\.$"), N_("Missing option {name}.")),
    ((r"Missing command\.$"), N_("Missing command.")),
    ((r"No such command '(?P<name>.*)'\.$"), N_("No such command '{name}'.")),
    (
        (r"No such command '(?P<name>.*)'\. Did you mean (?P<other>.+)\?$"),
        N_("No such command '{name}'. Did you mean {other}?"),
    ),
    (
        (r"No such option: (?P<name>\S+) Did you mean (?P<other>.+)\?$"),
        N_("No such option: {name}. Did you mean {other}?"),
    ),
    (
        (r"No such option: (?P<name>\S+) \(Possible options: (?P<other>.+)\)$"),
        N_("No such option: {name}. Did you mean {other}?"),
    ),
    ((r"No such option: (?P<name>\S+)$"), N_("No such option: {name}.")),
    ((r"Option '(?P<name>.+)' requires an argument\.$"), N_("Option '{name}' requires a value.")),
    (
        (r"Got unexpected extra arguments? \((?P<args>.*)\)$"),
        N_("Unexpected extra arguments: {args}."),
    ),
    # Typer 0.28 words these as Click does; Typer 0.29 checks values with pydantic, whose sentences
    # start "Value error, " or "Input should be". wcplan pins Typer below 0.29 (its pydantic costs
    # every command a tenth of a second); both wordings are translated.
    (
        (
            r"Invalid value for (?P<name>.+?): (?:Value error, )?"
            r"'(?P<value>.*)' is not one of (?P<choices>.+)\.$"
        ),
        N_("Invalid value for {name}: '{value}' is not one of {choices}."),
    ),
    (
        (
            r"Invalid value for (?P<name>.+?): "
            r"(?:Input should be a valid integer.*|'.*' is not a valid int(?: range)?\.)$"
        ),
        N_("Invalid value for {name}: not a whole number."),
    ),
    (
        (r"Invalid value for (?P<name>.+?): .* is not in the range x>=(?P<n>\S+)\.$"),
        N_("Invalid value for {name}: give {n} or more."),
    ),
    (
        (r"Invalid value for (?P<name>.+?): .* is not in the range x<=(?P<n>\S+)\.$"),
        N_("Invalid value for {name}: give {n} or less."),
    ),
    (
        (r"Invalid value for (?P<name>.+?): Input should be greater than or equal to (?P<n>\S+)$"),
        N_("Invalid value for {name}: give {n} or more."),
    ),
    (
        (r"Invalid value for (?P<name>.+?): Input should be less than or equal to (?P<n>\S+)$"),
        N_("Invalid value for {name}: give {n} or less."),
    ),
    (
        r"(?s)Invalid value for (?P<name>.+?): (?P<message>.*)$",
        N_("Invalid value for {name}: {message}"),
    ),
]
_DEFAULT = re.compile(r"\[default: (?P<value>[^\]]*)\]")
#: Click's bound of a number in help, `x>=0`, and the type Typer adds after a parameter's name
#: (`<str>`, `<list[Path]>`; not a list of choices, `<zh|en>`, which says what to type).
_AT_LEAST = re.compile(r"\bx>=(?P<n>\S+?)(?=[;\]])")
_TYPE = re.compile(r" <[^|>]*>$")
#: The end of a help text's first sentence: a full stop before a space, or a Chinese one.
_SENTENCE_END = re.compile(r"(?<=[^.\s]{2}\.)\s|(?<=。)")


def error_sentence(message: str) -> str:
    """A usage error of Click's, in the current language."""
    for pattern, msgid in _ERRORS:
        match = re.match(pattern, message)
        if match:
            return _(msgid).format(**match.groupdict())
    return message


class Formatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        prefix = _(USAGE) if prefix is None else prefix
        args = args.replace("COMMAND [ARGS]...", _(COMMAND_METAVAR)).replace("[OPTIONS]", _(OPTIONS_METAVAR))
        head = f"{prefix:>{self.current_indent}}{prog} "
        width = self.width - self.current_indent
        indent = " " * cells(head) if cells(head) + 20 <= width else " " * (self.current_indent + 4)
        self.write("\n".join(wrap(args, width, head, indent)) + "\n")

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}" + _("{heading}:").format(heading=_(heading)) + "\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
        for i, paragraph in enumerate(paragraphs):
            if i:
                self.write("\n")
            self.write("\n".join(wrap(paragraph, self.width, indent, indent)) + "\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        rows = [(_TYPE.sub("", term), definition) for term, definition in rows]
        first_col = min(max((cells(r[0]) for r in rows), default=0), col_max) + col_spacing
        for term, definition in rows:
            self.write(f"{'':>{self.current_indent}}{term}")
            if not definition:
                self.write("\n")
                continue
            if cells(term) <= first_col - col_spacing:
                self.write(" " * (first_col - cells(term)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            definition = _DEFAULT.sub(lambda m: _("[default: {value}]").format(value=m["value"]), definition)
            definition = definition.replace("[required]", _("[required]"))
            definition = _AT_LEAST.sub(lambda m: _("{n} or more").format(n=m["n"]), definition)
            width = max(self.width - first_col - self.current_indent, 10)
            indent = " " * (first_col + self.current_indent)
            self.write(("\n" + indent).join(wrap(definition, width)) + "\n")


class Context(click.Context):
    formatter_class = Formatter


def _translate(obj, attr: str) -> None:
    """Set `obj.attr` to its translation, remembering the English original (so a second
    language in the same process translates from English again)."""
    key = f"_wcplan_{attr}"
    if not hasattr(obj, key):
        setattr(obj, key, getattr(obj, attr))
    original = getattr(obj, key)
    setattr(obj, attr, _(original) if original else original)


def localize(command) -> None:
    """Translate the help of a command, its parameters and its subcommands, in place."""
    _translate(command, "help")
    _translate(command, "short_help")
    for param in command.params:
        if getattr(param, "help", None) is not None:
            _translate(param, "help")
    commands = getattr(command, "commands", {})
    # only the commands built so far (wcplan.cli.app builds each when first used, in the language
    # of that moment)
    for sub in getattr(commands, "built", commands).values():
        localize(sub)


class _Translated:
    context_class = Context

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = _(HELP_OPTION)
        return option


class Command(_Translated, TyperCommand):
    pass


def first_sentence(text: str) -> str:
    """The first sentence of a help text, whole (Click would cut it to fit a line, with "...")."""
    text = " ".join(text.split())
    return _SENTENCE_END.split(text, maxsplit=1)[0].strip()


class Group(_Translated, TyperGroup):
    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        args = list(sys.argv[1:] if args is None else args)
        try:
            i18n.activate(i18n.from_arguments(args) or i18n.detect(os.environ))
        except i18n.LanguageError as exc:
            # Before any language is known, this one sentence is given in both.
            sys.stderr.write(
                f"Error: WCPLAN_LANG={exc} is not a language wcplan speaks; use zh or en.\n"
                f"错误：WCPLAN_LANG={exc} 不是 wcplan 支持的语言；请用 zh 或 en。\n"
            )
            if standalone_mode:
                sys.exit(2)
            return 2
        localize(self)
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:
            if not standalone_mode:
                raise
            # Bare `wcplan`: its help, as Click gives it (on stderr, exit 2), but not as an error.
            sys.stderr.write(exc.format_message().rstrip("\n") + "\n")
            sys.exit(exc.exit_code)
        except click.exceptions.UsageError as exc:
            if not standalone_mode:
                raise
            _show_usage_error(exc)
            sys.exit(exc.exit_code)
        except click.exceptions.ClickException as exc:
            if not standalone_mode:
                raise
            sys.stderr.write(
                _("Error: {message}").format(message=error_sentence(exc.format_message())) + "\n"
            )
            sys.exit(exc.exit_code)
        except Abort:
            if not standalone_mode:
                raise
            sys.exit(1)
        if not standalone_mode:
            return result
        sys.exit(result if isinstance(result, int) else 0)


def _show_usage_error(exc) -> None:
    out = []
    ctx = exc.ctx
    if ctx is not None:
        out.append(ctx.get_usage())
        if ctx.command.get_help_option(ctx) is not None:
            out.append(
                _("Try '{command} {option}' for help.").format(
                    command=ctx.command_path, option=ctx.help_option_names[0]
                )
            )
        out.append("")
    out.append(_("Error: {message}").format(message=error_sentence(exc.format_message())))
    sys.stderr.write("\n".join(out) + "\n")
