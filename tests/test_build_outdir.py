"""Issue #14 points 11 and 20: which ``build --out`` directories may be written."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.cli.main import main
from kg.errors import OutputError, UsageError
from kg.outputs import outdir
from kg.outputs.outdir import MARKER, recover, replace_dir


def _build(root: Path, out: Path | str) -> int:
    return main(["--root", str(root), "build", "--out", str(out)])


def _one_error(err: str) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: --out ")
    return lines[0]


def test_out_an_existing_file_is_refused(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.txt"
    target.write_text("keep me")
    assert _build(project, target) == 2
    assert "a file, not a directory" in _one_error(capsys.readouterr().err)
    assert target.read_text() == "keep me"


@pytest.mark.parametrize("inside", ["data", "data/build", "ontology", "queries/x", "."])
def test_out_among_the_curated_files_is_refused(
    inside: str, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    assert _build(project, project / inside) == 2
    _one_error(capsys.readouterr().err)
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before


def test_a_directory_of_other_files_is_not_replaced(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    assert _build(project, out) == 2
    assert "notes.txt" in _one_error(capsys.readouterr().err)
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


def test_outputs_of_an_earlier_build_are_replaced_whole(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _build(project, out) == 0
    (out / "graphs" / "stale.gexf").write_text("from an older version")
    assert (out / MARKER).is_file()
    assert _build(project, out) == 0
    assert not (out / "graphs" / "stale.gexf").exists()
    assert not list(tmp_path.glob(".out.*"))


def test_an_old_build_without_the_marker_is_replaced(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "conflict-kg.nt").write_text("old")
    replace_dir(out, {"conflict-kg.nt": b"new"})
    assert (out / "conflict-kg.nt").read_bytes() == b"new"


def test_without_the_exchange_the_two_renames_are_recovered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    replace_dir(out, {"a": b"old"})
    monkeypatch.setattr(outdir, "exchange", lambda a, b: False)
    replace_dir(out, {"a": b"new"})
    assert (out / "a").read_bytes() == b"new"
    out.rename(tmp_path / ".out.old-1")  # as a kill between the two renames leaves it
    recover(out)
    assert (out / "a").read_bytes() == b"new" and not list(tmp_path.glob(".out.*"))


def test_a_failing_writer_changes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    replace_dir(out, {"a": b"old"})

    def broken(handle: object) -> None:
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        replace_dir(out, {"a": b"new", "b": broken})
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "a"]
    assert (out / "a").read_bytes() == b"old" and not list(tmp_path.glob(".out.*"))


def test_usage_error_is_raised_before_any_check(project: Path) -> None:
    from kg.outputs.build import build
    from kg.read.resources import Layout

    with pytest.raises(UsageError):
        build(Layout.at(project), out_dir=project / "data")


def _full_disk(monkeypatch: pytest.MonkeyPatch, *, after: int) -> None:
    """Let ``after`` outputs be written, then fail as a full disk does."""
    import errno

    real, written = outdir._write_tree, [0]

    def write_tree(stage: Path, files: object, **kwargs: object) -> None:
        written[0] += 1
        if written[0] > after:
            name = next(iter(files), ".")  # type: ignore[call-overload]
            raise OSError(errno.ENOSPC, "No space left on device", str(stage / name))
        real(stage, files, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(outdir, "_write_tree", write_tree)


@pytest.mark.parametrize("command", ["build", "site"])
def test_a_full_disk_is_one_line_and_the_last_outputs_stay(
    command: str,
    project: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Seen on a 3 MB file system: a Python traceback, exit 1 (as if the data failed)."""
    out = tmp_path / "out"
    argv = ["--root", str(project), command, "--out", str(out)]
    assert main([*argv, *(["--no-store"] if command == "build" else [])]) == 0
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    capsys.readouterr()
    _full_disk(monkeypatch, after=1)
    assert main([*argv, *(["--no-store"] if command == "build" else [])]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: --out {out}: cannot write"), err
    assert "No space left on device" in lines[0] and "were not changed" in lines[0]
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert not list(tmp_path.glob(".out.*"))


def test_a_full_temporary_disk_is_named(tmp_path: Path) -> None:
    """The graph files and the entailed file are sorted under ``$TMPDIR``, which may be
    another disk than ``--out``'s: the message names the file there."""
    import errno

    from kg.outputs.writing import writing_into

    elsewhere = tmp_path / "tmp" / "conflict-kg-graph-1" / "dump.nt"
    with pytest.raises(OutputError) as raised, writing_into(tmp_path / "site" / "out"):
        raise OSError(errno.ENOSPC, "No space left on device", str(elsewhere))
    assert f"No space left on device ({elsewhere})" in str(raised.value)
    with pytest.raises(OutputError) as raised, writing_into(tmp_path / "out"):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / ".out.new-1" / "a"))
    assert "No space left on device; the outputs" in str(raised.value)
    assert "(free some space or give another --out)" in str(raised.value)


def test_a_directory_that_cannot_be_made_is_one_line(
    project: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The staging directory beside ``--out`` cannot be made (no permission: root is never
    refused, so the refusal is simulated)."""
    import errno

    from kg.outputs import build as build_module

    def refused(out: Path) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(out.parent / ".out.new-1"))

    monkeypatch.setattr(build_module, "Stage", refused)
    assert (
        main(["--root", str(project), "build", "--out", str(tmp_path / "out"), "--no-store"]) == 2
    )
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "cannot write the outputs: Permission denied" in err
    assert "make the directory writable" in err and "free some space" not in err
    assert not (tmp_path / "out").exists()
