"""Progress lines: on a terminal only, rewritten in place, cleared at the end."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from kg.cli.main import main
from kg.cli.progress import tty_progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_progress_when_not_a_terminal() -> None:
    assert tty_progress(io.StringIO()) is None


def test_progress_rewrites_one_line_and_clears_it() -> None:
    term = Terminal()
    progress = tty_progress(term)
    assert progress is not None
    progress("load", 0, 0)
    progress("validate", 3, 10)
    progress("validate", 10, 10)  # the last count is always shown
    progress.close()
    text = term.getvalue()
    assert "\n" not in text
    assert "] load" in text and "] validate 3/10" in text and "validate 10/10" in text
    assert text.endswith("\r\x1b[K")


def test_build_writes_no_progress_into_a_pipe(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["--root", str(project), "build", "--out", str(out), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    notes = json.loads(captured.out)["notes"]
    assert notes and all(n.endswith("warning(s): conflict-kg validate lists them") for n in notes)
