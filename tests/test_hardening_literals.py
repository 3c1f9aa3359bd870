"""Issue #14, points 5-7 and 9: literals and IRIs that no output can carry are one
clean finding at their file:line in ``validate`` (both modes) and ``build``."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PREFIXES, write_project
from rdflib import Literal
from rdflib.namespace import XSD

from kg.cli.main import main
from kg.views.timeslice import literal_date

BAD_VALUES = {
    "control": '"a\\u000Bb"@en',
    "nul": '"a\\u0000b"@en',
    "bce": '"-0044-03-15"^^xsd:date',
    "year-zero": '"0000"^^xsd:gYear',
    "five-digit-year": '"20201"^^xsd:gYear',
    "five-digit-date": '"10000-10-11"^^xsd:date',
}


def _project(tmp_path: Path, value: str) -> Path:
    """A project whose data/a.ttl holds ``value`` on line 9."""
    prop = "ckg:founded" if "xsd:" in value else "rdfs:label"
    body = f'id:armenia a ckg:State ;\n    {prop} {value} ;\n    rdfs:label "Armenia"@en .\n'
    return write_project(tmp_path / "p", data={"a.ttl": PREFIXES + body})


@pytest.mark.parametrize("name", sorted(BAD_VALUES))
def test_build_refuses_at_the_line_and_writes_nothing(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _project(tmp_path, BAD_VALUES[name])
    out = tmp_path / "out"
    code = main(["--root", str(root), "build", "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1  # a finding, as validate reports it
    assert not out.exists()
    assert "Traceback" not in err
    lines = [x for x in err.splitlines() if "error[" in x and "a.ttl" in x]
    assert len(lines) == 1
    assert f"{root / 'data' / 'a.ttl'}:9:" in lines[0]


@pytest.mark.parametrize("engine", ["pyshacl", "oxigraph"])
@pytest.mark.parametrize("name", ["control", "bce", "five-digit-year"])
def test_validate_both_engines_give_one_finding_at_the_line(
    name: str, engine: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _project(tmp_path, BAD_VALUES[name])
    code = main(["--root", str(root), "validate", "--engine", engine])
    out = capsys.readouterr().out
    assert code == 1
    found = [x for x in out.splitlines() if "error[" in x and "a.ttl" in x]
    assert len(found) == 1 and ":9:" in found[0] and "invalid-literal" in found[0]


def test_report_never_prints_a_control_character(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _project(tmp_path, '"\\u001B[31mred"@en')
    assert main(["--root", str(root), "validate"]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\\u001b[31mred" in out


@pytest.mark.parametrize(
    ("lexical", "datatype"),
    [
        ("-0044-03-15", XSD.date),
        ("0000", XSD.gYear),
        ("20201", XSD.gYear),
        ("10000-10-11", XSD.date),
    ],
)
def test_timeline_never_misdates_out_of_range_years(lexical: str, datatype: str) -> None:
    assert literal_date(Literal(lexical, datatype=datatype)) is None


def test_timeline_still_reads_ordinary_dates() -> None:
    assert str(literal_date(Literal("2020-10-10Z", datatype=XSD.date))) == "2020-10-10"
    assert str(literal_date(Literal("1994", datatype=XSD.gYear), end_of_year=True)) == "1994-12-31"
