"""Statement-level provenance in ``validate``: coverage, and bad provenance as findings.

Each fixture of ``tests/fixtures/provenance/`` is validated with ``_base.ttl``
in a copy of the project's ontology, shapes and checks; a fault is reported at
its file and line, with exit 1.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli.main import main

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "provenance"


def _project(root: Path, fixture: str) -> Path:
    for rel in ("ontology/conflict.ttl", "ontology/shapes.ttl"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes((REPO / rel).read_bytes())
    (root / "queries" / "checks").mkdir(parents=True)
    for query in (REPO / "queries" / "checks").glob("*.rq"):
        (root / "queries" / "checks" / query.name).write_bytes(query.read_bytes())
    (root / "data").mkdir()
    for name in ("_base.ttl", fixture):
        (root / "data" / name).write_bytes((FIXTURES / name).read_bytes())
    return root


def _validate(capsys, root: Path, *mode: str) -> tuple[int, dict, str]:  # type: ignore[no-untyped-def,type-arg]
    argv = ["--root", str(root), "validate", "--no-reasoner", "--format", "json", *mode]
    code = main(argv)
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def _line_of(fixture: str, marker: str) -> int:
    lines = (FIXTURES / fixture).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if marker in line)


@pytest.mark.parametrize("mode", [(), ("--engine", "pyshacl")], ids=["checker", "reference"])
def test_valid_fixture_is_fully_attested(capsys, tmp_path: Path, mode) -> None:  # type: ignore[no-untyped-def]
    root = _project(tmp_path / "p", "unattested-statement-valid.ttl")
    code, report, _ = _validate(capsys, root, *mode)
    assert code == 0, report["findings"]
    (coverage,) = [n for n in report["notices"] if n.startswith("statements attested: ")]
    assert coverage.startswith("statements attested: 4/4 (100.0%): 4 by quotation")


@pytest.mark.parametrize("mode", [(), ("--engine", "pyshacl")], ids=["checker", "reference"])
def test_unattested_statement_at_its_line(capsys, tmp_path: Path, mode) -> None:  # type: ignore[no-untyped-def]
    fixture = "unattested-statement-invalid.ttl"
    root = _project(tmp_path / "p", fixture)
    code, report, _ = _validate(capsys, root, *mode)
    assert code == 1
    (finding,) = [f for f in report["findings"] if f["severity"] == "error"]
    assert finding["code"] == "unattested-statement"
    assert finding["file"].endswith(fixture)
    assert finding["line"] == _line_of(fixture, "id:fx-a a ckg:State")
    assert any(n.startswith("statements attested: 3/4 (75.0%)") for n in report["notices"])


@pytest.mark.parametrize(
    ("fixture", "marker", "codes"),
    [
        ("missing-quotation.ttl", "id:fx-q9", {"shacl-Class", "dangling-reference"}),
        ("bad-offsets.ttl", "id:fx-q2 a", {"shacl-SPARQL"}),
        ("inference-no-reason.ttl", "id:fx-inference a", {"shacl-MinCount"}),
    ],
)
def test_bad_provenance_is_a_finding_at_its_line(capsys, tmp_path, fixture, marker, codes) -> None:  # type: ignore[no-untyped-def]
    root = _project(tmp_path / "p", fixture)
    code, report, _ = _validate(capsys, root)
    assert code == 1
    errors = [f for f in report["findings"] if f["severity"] == "error"]
    assert errors and {f["code"] for f in errors} <= codes, errors
    assert {f["file"].rsplit("/", 1)[-1] for f in errors} == {fixture}
    assert _line_of(fixture, marker) in {f["line"] for f in errors}


def test_repository_is_fully_attested(capsys) -> None:  # type: ignore[no-untyped-def]
    code = main(["--root", str(REPO), "validate", "--no-reasoner", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    (coverage,) = [n for n in report["notices"] if n.startswith("statements attested: ")]
    attested, total = coverage.split(" ")[2].split("/")
    assert attested == total and int(total) > 1000


HELD = "Negara A dan Negara B berunding.\nKalimat kedua.\n"


@pytest.mark.parametrize("mode", [(), ("--engine", "pyshacl")], ids=["checker", "reference"])
def test_offsets_checked_against_the_held_copy(capsys, tmp_path: Path, mode) -> None:  # type: ignore[no-untyped-def]
    fixture = "held-copy-mismatch.ttl"
    root = _project(tmp_path / "p", fixture)
    (root / "sources").mkdir()
    (root / "sources" / "fixture.txt").write_text(HELD, encoding="utf-8")
    code, report, _ = _validate(capsys, root, *mode)
    assert code == 1
    (finding,) = [f for f in report["findings"] if f["severity"] == "error"]
    assert finding["code"] == "quotation-offset" and finding["file"].endswith(fixture)
    assert finding["line"] == _line_of(fixture, "ckg:endOffset 44")
    assert "\u201c" + HELD[30:44] + "\u201d" in finding["message"]  # what is there instead
    assert "at 30-44, not the quote" in finding["message"]
    fixed = HELD[:30] + "   " + HELD[30:]  # now the quote is at 33-47: still wrong at 30-44
    (root / "sources" / "fixture.txt").write_text(fixed, encoding="utf-8")
    assert _validate(capsys, root, *mode)[0] == 1
    right = (
        (FIXTURES / fixture)
        .read_text(encoding="utf-8")
        .replace("30 ; ckg:endOffset 44", "33 ; ckg:endOffset 47")
    )
    (root / "data" / fixture).write_text(right, encoding="utf-8")
    (root / "sources" / "fixture.txt").write_text(HELD, encoding="utf-8")
    code, report, _ = _validate(capsys, root, *mode)
    assert code == 0, report["findings"]


def test_a_missing_held_copy_is_a_notice(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = _project(tmp_path / "p", "held-copy-mismatch.ttl")
    code, report, _ = _validate(capsys, root)
    assert code == 0
    assert any(n.startswith("held copy fixture.txt not found in ") for n in report["notices"])
