"""The command line speaks Swedish: its usage, headings and help, and what is wrong with a command."""

from __future__ import annotations

import pytest

from command_line import build_parser


def test_the_help_is_in_swedish(capsys):
    with pytest.raises(SystemExit) as done:
        build_parser().parse_args(["--help"])
    out = capsys.readouterr().out
    assert done.value.code == 0
    assert out.startswith("Användning: python -m data_sources") and "flaggor:" in out and "argument:" in out
    assert "usage" not in out and "options" not in out and "show this help" not in out


def test_a_wrong_command_says_what_is_missing_in_swedish_and_exits_with_the_usage_code(capsys):
    with pytest.raises(SystemExit) as done:
        build_parser().parse_args(["import"])
    err = capsys.readouterr().err
    assert done.value.code == 2
    assert "Fel i kommandot: de här argumenten saknas: dataset, file" in err and "required" not in err
