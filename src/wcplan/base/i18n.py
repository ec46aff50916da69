"""The interface language: English or Chinese, with gettext catalogues.

Every sentence wcplan shows is written in English in the code, marked with `_()` (or
`ngettext()` where English needs a plural, or `N_()` where the text is translated later), and
translated through `locale/zh/LC_MESSAGES/wcplan.po`; the compiled `.mo` file ships in the
package, so that a plain install needs nothing but the standard library's `gettext` at run time.
Babel extracts and compiles the catalogues (see docs/translations.md).

The language is chosen once per run, before any message is built: `--lang`, else
`WCPLAN_LANG`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: `zh_*` gives Chinese),
else English. Names from the plan (indicators, units, categories) are not messages: the
plan file gives them in both languages, and `pick()` chooses.
"""

from __future__ import annotations

import gettext as _gettext
from pathlib import Path

LANGUAGES = ("zh", "en")
DEFAULT = "en"
DOMAIN = "wcplan"
LOCALE_DIR = Path(__file__).parent.parent / "locale"

_current = DEFAULT
_translation: _gettext.NullTranslations = _gettext.NullTranslations()


class LanguageError(ValueError):
    """WCPLAN_LANG names a language wcplan does not speak."""


def _(message: str) -> str:
    """The message in the current language."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural message for `n`, in the current language (Chinese has one form)."""
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a message for the catalogue without translating it yet (translated where it is shown)."""
    return message


def language() -> str:
    return _current


def activate(lang: str) -> None:
    """Make `lang` ('zh' or 'en') the language of every message from now on."""
    global _current, _translation
    if lang not in LANGUAGES:
        raise LanguageError(lang)
    _current = lang
    if lang == "en":
        _translation = _gettext.NullTranslations()
    else:
        with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as f:
            _translation = _gettext.GNUTranslations(f)


def every_language(message: str) -> list[str]:
    """The message in each language wcplan speaks (English first): for input that may be typed in
    either language, such as the status words of `--status`."""
    found = [message]
    for lang in LANGUAGES:
        if lang != "en":
            with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as f:
                found.append(_gettext.GNUTranslations(f).gettext(message))
    return found


def from_locale_name(value: str) -> str | None:
    """'zh', 'zh_CN.UTF-8', 'zh-Hans' -> 'zh'; 'en', 'en_US' -> 'en'; anything else -> None."""
    head = value.strip().replace("-", "_").split("_")[0].split(".")[0].lower()
    return head if head in LANGUAGES else None


def detect(environ) -> str:
    """The language from the environment: WCPLAN_LANG, else the locale, else English.
    A WCPLAN_LANG wcplan does not speak is an error, not a silent fallback."""
    chosen = environ.get("WCPLAN_LANG", "").strip()
    if chosen:
        lang = from_locale_name(chosen)
        if lang is None:
            raise LanguageError(chosen)
        return lang
    # POSIX order: the first of these that is set decides, as it does for every other program.
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "").strip()
        if value:
            return "zh" if from_locale_name(value) == "zh" else DEFAULT
    return DEFAULT


def from_arguments(args: list[str]) -> str | None:
    """The value of `--lang` on a command line, wherever it stands (before `--`); None if absent
    or not a language (the option itself then reports the bad value)."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            return from_locale_name(args[i + 1])
        if arg.startswith("--lang="):
            return from_locale_name(arg.partition("=")[2])
    return None


def pick(zh: str, en: str | None) -> str:
    """A name from the plan in the current language: the English name where the plan gives one."""
    return en if _current == "en" and en else zh
