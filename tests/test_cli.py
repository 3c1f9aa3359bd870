"""The CLI, run in-process through main() (and once as python -m kg)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PREFIXES, write_project

from kg.cli.main import main


def test_bad_date_exit_1_names_file_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_project(
        tmp_path / "p",
        data={"a.ttl": PREFIXES + 'id:a a ckg:State ;\n  ckg:founded "2020-13-45"^^xsd:date .\n'},
    )
    out = tmp_path / "out"
    assert main(["--root", str(root), "build", "--out", str(out)]) == 1  # as validate
    err = capsys.readouterr().err
    assert (
        f"{root / 'data' / 'a.ttl'}:{PREFIXES.count(chr(10)) + 2}:15: error[invalid-literal]" in err
    )
    assert "2020-13-45" in err
    assert not out.exists()


def test_build_ok_prints_summary(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["--root", str(project), "build", "--out", str(out), "--format", "json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["quotations"] == 1
    assert (out / "conflict-kg.nt").is_file()


def test_build_violation_exit_1_findings_on_stderr(
    bad_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["--root", str(bad_project), "build", "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"{bad_project / 'data' / 'b.ttl'}:8: error[shacl-MinCount]" in captured.err
    assert "build failed: 1 error(s)" in captured.err
    assert not out.exists()
    # the summary counts the files checked, as validate's does (before: "in 0 files")
    assert main(["--root", str(bad_project), "validate"]) == 1
    summary = capsys.readouterr().out.strip().splitlines()[-1]
    assert summary.startswith("1 errors, ") and summary in captured.err.splitlines()


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(tmp_path), "validate"]) == 2
    assert "ontology/conflict.ttl" in capsys.readouterr().err
    assert main(["nonsense"]) == 2
    assert main([]) == 2


def test_python_m_kg_help() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "--help"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0
    assert "validate" in proc.stdout and "build" in proc.stdout


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(
    "argv",
    [["validate", "--format", "sarif"], ["query", "actors-by-role", "--format", "csv"]],
)
def test_standard_output_on_a_full_disk_is_one_line_exit_2(argv: list[str]) -> None:
    """``conflict-kg validate --format sarif > /dev/full`` printed a Python traceback."""
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "kg", *argv],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=300,
            check=False,
        )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert done.stderr.strip().splitlines() == ["error: No space left on device"]


@pytest.mark.parametrize("argv", [["query", "--list"], ["validate", "--format", "json"]])
def test_a_closed_standard_output_is_one_line_exit_2(argv: list[str]) -> None:
    """``conflict-kg query --list >&-`` raised AttributeError ('NoneType' … 'write')."""
    import os

    done = subprocess.run(
        [sys.executable, "-m", "kg", *argv],
        stderr=subprocess.PIPE,
        text=True,
        timeout=300,
        check=False,
        preexec_fn=lambda: os.close(1),
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [
        "error: standard output is closed; give the command somewhere to write "
        "(a file, a pipe or /dev/null)"
    ]


def test_ctrl_c_while_the_command_is_being_imported_exits_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An interrupt in the first moments (the command's modules being imported) printed
    a KeyboardInterrupt traceback: make_parser ran outside main's handlers."""
    import kg.cli.main as cli_main

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_main, "make_parser", interrupted)
    assert main(["query", "--list"]) == 130
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export", "mediation", "--at", ""], "expected YYYY-MM-DD"),
        (["plot", "mediation", "--at", "", "-o", "x.png"], "expected YYYY-MM-DD"),
        (["export", "mediation", "-o", ""], "give a file name"),
        (["export", "mediation", "-o", "no/such/x.gexf"], "no such directory no/such"),
        (["plot", "mediation", "-o", "no/such/x.png"], "no such directory no/such"),
        (["why", "id:russia", "", ""], "PREDICATE is empty"),
        (["why", ""], "SUBJECT is empty"),
        (["build", "--out", ""], "give a directory"),
        (["site", "--out", " "], "give a directory"),
        (["publish", "--update-endpoint", "http://127.0.0.1:1/", "--batch-size", "0"], "1 or more"),
        (["publish", "--store", "http://127.0.0.1:1/", "--batch-size", "-5"], "1 or more"),
    ],
    ids=["export-at", "plot-at", "export-o", "export-dir", "plot-dir", "why-predicate",
         "why-subject", "build-out", "site-out", "batch-0", "batch-negative"],
)  # fmt: skip
def test_an_empty_or_zero_value_is_refused_not_taken_as_absent(
    argv: list[str],
    message: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Before: `--at ''` exported the whole undated view, `why id:russia '' ''` ignored
    both, `build --out ''` built into build/, `--batch-size 0` sent one-triple batches."""
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert message in captured.err and "Traceback" not in captured.err
    assert captured.out == "" and list(tmp_path.iterdir()) == []


def test_an_error_line_that_echoes_a_huge_value_is_cut(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`why` with a 100 kB subject echoed all of it in its one error line."""
    from kg.cli.main import ERROR_LINE

    assert main(["why", "x" * 100_000]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and len(err) <= ERROR_LINE + len("error: \n")
    assert "(cut: the message holds" in err
