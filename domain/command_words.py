"""The command line in Swedish: argparse's own words (usage, options, help, its error messages) as a
controller reads them, for `python -m data_sources` and its `accounts` commands alike."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import Any, NoReturn

USAGE_ERROR = 2
_ERRORS = (
    ("the following arguments are required", "de här argumenten saknas"),
    ("unrecognized arguments", "okända argument"),
    ("invalid choice", "ogiltigt val"),
    ("choose from", "välj bland"),
    ("invalid int value", "inget heltal"),
    ("expected one argument", "ett värde förväntas"),
    ("argument ", "argumentet "),
)


class SwedishHelp(argparse.HelpFormatter):
    def add_usage(
        self, usage: str | None, actions: Iterable[argparse.Action], groups: Iterable[Any], prefix: str | None = None
    ) -> None:
        super().add_usage(usage, actions, groups, "Användning: " if prefix is None else prefix)


class SwedishParser(argparse.ArgumentParser):
    """argparse with Swedish headings and help, and a usage error that says what is wrong in Swedish and
    exits with the data contract's code for usage (2)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", SwedishHelp)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argument"
        self._optionals.title = "flaggor"
        self.add_argument("-h", "--help", action="help", help="visa den här hjälpen och avsluta")

    def error(self, message: str) -> NoReturn:
        for english, swedish in _ERRORS:
            message = message.replace(english, swedish)
        self.print_usage(sys.stderr)
        print(f"Fel i kommandot: {message}", file=sys.stderr)
        raise SystemExit(USAGE_ERROR)
