"""Every option of every subcommand explains itself (issue #13, point 11)."""

from __future__ import annotations

import argparse

import pytest

from kg.cli.main import COMMANDS, main, make_parser


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    parser = make_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def _undocumented(parser: argparse.ArgumentParser) -> list[str]:
    return [
        "/".join(action.option_strings) or action.dest
        for action in parser._actions
        if not isinstance(action, argparse._HelpAction | argparse._SubParsersAction)
        and (not action.help or not action.help.strip())
    ]


def test_every_subcommand_is_listed() -> None:
    assert sorted(_subparsers()) == sorted(m.NAME for m in COMMANDS)


def _nested(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """``parser`` and every sub-subcommand parser under it (``import pax``)."""
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                found.extend(_nested(child))
    return found


@pytest.mark.parametrize("name", [m.NAME for m in COMMANDS])
def test_every_option_has_help(name: str) -> None:
    for parser in _nested(_subparsers()[name]):
        assert _undocumented(parser) == [], parser.prog


def test_top_level_options_have_help_and_a_real_description(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert _undocumented(make_parser()) == []
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "``" not in out and "The conflict-kg command line" not in out
    assert "knowledge graph" in out
