"""Loading Turtle: exact error positions, literal checks, closed vocabulary."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ONTOLOGY, PREFIXES
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg import CKG, ID
from kg.errors import LoadError
from kg.read.load import load_graph, parse_turtle
from kg.read.locate import locate_subject, locate_term
from kg.read.wellformed import bad_literal, undeclared_terms

N_PREFIX_LINES = PREFIXES.count("\n")  # 7


def write(tmp_path: Path, body: str, name: str = "x.ttl") -> Path:
    path = tmp_path / name
    path.write_text(PREFIXES + body, encoding="utf-8")
    return path


def test_syntax_error_names_file_and_exact_line(tmp_path: Path) -> None:
    path = write(tmp_path, "id:a a ckg:State .\n\nid:b a ckg:State ;\n    ckg:founded .\n")
    with pytest.raises(LoadError) as info:
        parse_turtle(path)
    err = info.value
    assert err.path == str(path)
    assert err.line == N_PREFIX_LINES + 4
    assert err.column == 17
    assert str(err).startswith(f"{path}:{N_PREFIX_LINES + 4}:17: Turtle syntax error")


@pytest.mark.parametrize("end", ["\n", "", "\n\n  \n"])
def test_a_statement_cut_off_by_the_end_of_the_file_is_located_where_it_stops(
    tmp_path: Path, end: str
) -> None:
    path = write(tmp_path, "id:a a ckg:State .\n\nid:b a ckg:State" + end)
    with pytest.raises(LoadError) as info:
        parse_turtle(path)
    # rdflib says "EOF found after object" at no offset (-1): the error is put just
    # after the last character of the file's text, never at a negative column
    assert (info.value.line, info.value.column) == (N_PREFIX_LINES + 3, 17)
    assert f":{N_PREFIX_LINES + 3}:17: Turtle syntax error" in str(info.value)


def test_syntax_error_in_multiline_literal_counts_lines_inside_it(tmp_path: Path) -> None:
    path = write(tmp_path, 'id:a ckg:note """one\ntwo\nthree""" ;\n  ckg:x ckg:y ckg:z .\n')
    with pytest.raises(LoadError) as info:
        parse_turtle(path)
    assert info.value.line == N_PREFIX_LINES + 4


def test_undeclared_prefix_names_line_and_hints(tmp_path: Path) -> None:
    path = write(tmp_path, "id:a a ckg:State .\nfoo:bar a ckg:State .\n")
    with pytest.raises(LoadError) as info:
        parse_turtle(path)
    assert info.value.line == N_PREFIX_LINES + 2
    assert info.value.column == 1
    assert "foo:" in str(info.value)
    assert "@prefix" in str(info.value)


def test_bad_date_literal_names_file_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, 'id:a a ckg:State ;\n    ckg:founded "2020-13-45"^^xsd:date .\n')
    with pytest.raises(LoadError) as info:
        parse_turtle(path)
    assert (info.value.line, info.value.column) == (N_PREFIX_LINES + 2, 17)
    assert "2020-13-45" in str(info.value)
    assert "xsd:date" in str(info.value)


def test_bad_integer_with_full_iri_datatype_is_located(tmp_path: Path) -> None:
    body = 'id:a ckg:memberCount\n  "forty"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
    path = write(tmp_path, body)
    with pytest.raises(LoadError) as info:
        parse_turtle(path)
    assert info.value.line == N_PREFIX_LINES + 2
    assert "forty" in str(info.value)


def test_all_bad_literals_are_reported(tmp_path: Path) -> None:
    body = 'id:a ckg:memberCount "forty"^^xsd:integer .\nid:b ckg:founded "19x1"^^xsd:gYear .\n'
    with pytest.raises(LoadError) as info:
        parse_turtle(write(tmp_path, body))
    assert [e.line for e in info.value.all] == [N_PREFIX_LINES + 1, N_PREFIX_LINES + 2]


@pytest.mark.parametrize(
    ("lexical", "datatype", "bad"),
    [
        ("2020-13-45", XSD.date, True),
        ("2021-02-29", XSD.date, True),
        ("2020-02-29", XSD.date, False),
        ("forty", XSD.integer, True),
        ("-12", XSD.integer, False),
        ("1e5", XSD.decimal, True),
        ("3.50", XSD.decimal, False),
        ("19x1", XSD.gYear, True),
        ("1994", XSD.gYear, False),
        ("maybe", XSD.boolean, True),
        ("true", XSD.boolean, False),
        ("2020-10-10T25:00:00", XSD.dateTime, True),
        ("2020-10-10T12:30:00Z", XSD.dateTime, False),
        ("anything", XSD.string, False),
        # the integer types' ranges, and the other date parts and binaries (before: all passed)
        ("-1", XSD.nonNegativeInteger, True),
        ("-0", XSD.nonNegativeInteger, False),
        ("1" + "0" * 5000, XSD.nonNegativeInteger, False),
        ("0", XSD.positiveInteger, True),
        ("1", XSD.negativeInteger, True),
        ("300", XSD.byte, True),
        ("-128", XSD.byte, False),
        ("256", XSD.unsignedByte, True),
        ("-1", XSD.unsignedInt, True),
        ("2147483648", XSD.int, True),
        ("9223372036854775807", XSD.long, False),
        ("70000", XSD.short, True),
        ("2020-13", XSD.gYearMonth, True),
        ("2020-10", XSD.gYearMonth, False),
        ("--13-01", XSD.gMonthDay, True),
        ("--02-29", XSD.gMonthDay, False),
        ("--04-31", XSD.gMonthDay, True),
        ("--13", XSD.gMonth, True),
        ("--10", XSD.gMonth, False),
        ("---32", XSD.gDay, True),
        ("---10Z", XSD.gDay, False),
        ("@@", XSD.base64Binary, True),
        ("aGk=", XSD.base64Binary, False),
        ("abc", XSD.hexBinary, True),
        ("0A1f", XSD.hexBinary, False),
    ],
)
def test_bad_literal(lexical: str, datatype: URIRef, bad: bool) -> None:
    assert bad_literal(Literal(lexical, datatype=datatype, normalize=False)) is bad


@pytest.mark.parametrize("value", ['"maybe"^^xsd:boolean', '"1e5"^^xsd:decimal'])
def test_parser_does_not_normalise_bad_literals_away(tmp_path: Path, value: str) -> None:
    path = write(tmp_path, f"id:a ckg:founded\n  {value} .\n")
    with pytest.raises(LoadError) as info:
        parse_turtle(path)
    assert (info.value.line, info.value.column) == (N_PREFIX_LINES + 2, 3)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="file not found"):
        parse_turtle(tmp_path / "nope.ttl")


def test_non_utf8_file_names_line(tmp_path: Path) -> None:
    path = tmp_path / "latin.ttl"
    path.write_bytes(PREFIXES.encode() + b'id:a <http://x/p> "Bogot\xe1" .\n')
    with pytest.raises(LoadError, match="UTF-8") as info:
        parse_turtle(path)
    assert info.value.line == N_PREFIX_LINES + 1


def test_empty_file_is_an_empty_graph(tmp_path: Path) -> None:
    path = tmp_path / "empty.ttl"
    path.write_text("", encoding="utf-8")
    assert len(parse_turtle(path)) == 0


def test_misspelt_ckg_term_is_located(tmp_path: Path) -> None:
    ontology = Graph().parse(data=ONTOLOGY, format="turtle")
    good = write(tmp_path, "id:a a ckg:State .\n", "a.ttl")
    bad = write(tmp_path, "id:a a ckg:State ;\n    ckg:mediatedby id:b .\n", "b.ttl")
    with pytest.raises(LoadError) as info:
        load_graph([good, bad], ontology=ontology)
    assert info.value.path == str(bad)
    assert info.value.line == N_PREFIX_LINES + 2
    assert "ckg:mediatedby" in str(info.value)


def test_load_graph_merges_files(tmp_path: Path) -> None:
    ontology = Graph().parse(data=ONTOLOGY, format="turtle")
    a = write(tmp_path, "id:a a ckg:State .\n", "a.ttl")
    b = write(tmp_path, "id:b ckg:mediatedBy id:a .\n", "b.ttl")
    graph = load_graph([a, b], ontology=ontology)
    assert (ID.b, CKG.mediatedBy, ID.a) in graph
    assert len(graph) == 2


def test_undeclared_terms_ignores_other_namespaces() -> None:
    data = Graph().parse(
        data=PREFIXES + "id:a a ckg:Stat ; rdfs:label 'x' ; <http://other/p> ckg:State .",
        format="turtle",
    )
    ontology = Graph().parse(data=ONTOLOGY, format="turtle")
    assert undeclared_terms(data, ontology) == [CKG.Stat]


def test_locate_prefixed_full_and_subject_forms() -> None:
    text = PREFIXES + (
        "id:b ckg:mediatedBy id:a .\n<https://w3id.org/conflict-kg/id/a> a ckg:State .\n"
    )
    assert locate_term(text, ID.a) == (N_PREFIX_LINES + 1, 21)
    assert locate_subject(text, ID.a) == (N_PREFIX_LINES + 2, 1)
    assert locate_term(text, ID.ab) is None
