"""The Oxigraph-backed store: bulk loading, file:line errors, rdflib round trips."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import XSD

from kg.errors import LoadError
from kg.read.store import from_rdflib, load_store, select, to_rdflib

REPO = Path(__file__).resolve().parent.parent
FILES = [REPO / "ontology" / "conflict.ttl", *sorted((REPO / "data").glob("*.ttl"))]


def test_store_holds_the_same_triples_as_rdflib() -> None:
    store = load_store(FILES)
    expected = Graph()
    for path in FILES:
        expected.parse(path)
    assert isomorphic(to_rdflib(store), expected)


def test_store_answers_sparql_over_the_data() -> None:
    store = load_store(FILES)
    rows = select(
        store,
        "PREFIX ckg: <https://w3id.org/conflict-kg/ontology#> "
        "SELECT ?m WHERE { <https://w3id.org/conflict-kg/id/moscow-talks-2020> ckg:mediatedBy ?m }",
    )
    assert [r["m"].value for r in rows] == ["https://w3id.org/conflict-kg/id/russia"]


def test_syntax_error_names_file_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .\n"
        "<urn:a> ckg:party <urn:b> .\n"
        "  <urn:c> ckg:party ;; .\n",
        encoding="utf-8",
    )
    with pytest.raises(LoadError) as err:
        load_store([FILES[0], bad])
    assert (err.value.path, err.value.line, err.value.column) == (str(bad), 3, 22)
    assert str(err.value).startswith(f"{bad}:3:22: RDF syntax error")


@pytest.mark.parametrize("end", ["\n", "", "\n\n  \n"])
def test_a_statement_cut_off_by_the_end_of_the_file_is_located_where_it_stops(
    tmp_path: Path, end: str
) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .\n"
        "<urn:a> ckg:party <urn:b> .\n\n"
        "<urn:c> ckg:party <urn:d>" + end,
        encoding="utf-8",
    )
    with pytest.raises(LoadError) as err:
        load_store([bad])
    # Oxigraph puts "Unexpected end" past the text (a line after the last, or a column
    # after the end); the report puts it just after the last character, as the
    # reference engine's path does (tests/test_load.py)
    assert (err.value.line, err.value.column) == (4, 26)


_NT = '<urn:a> <urn:p> "x"@en .\n<urn:a> <urn:q> _:b .\n_:b <urn:r> "1"^^<urn:t> .\n'


def test_turtle_written_as_ntriples_or_not_loads_the_same_triples(tmp_path: Path) -> None:
    # a .ttl file in N-Triples is read by the N-Triples parser (faster); one whose
    # first lines are N-Triples but that goes on in Turtle is read whole by Turtle
    plain, mixed = tmp_path / "plain.ttl", tmp_path / "mixed.ttl"
    plain.write_text(_NT, encoding="utf-8")
    mixed.write_text(_NT + '<urn:a> <urn:p> "y" ; <urn:q> <urn:c> .\n', encoding="utf-8")
    expected = Graph().parse(data=_NT, format="nt")
    assert isomorphic(to_rdflib(load_store([plain])), expected)
    expected.parse(data='<urn:a> <urn:p> "y" ; <urn:q> <urn:c> .', format="turtle")
    assert isomorphic(to_rdflib(load_store([mixed])), expected)


def test_turtle_error_after_ntriples_lines_is_the_turtle_parsers(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(_NT + "<urn:a> <urn:p> ;; .\n", encoding="utf-8")
    with pytest.raises(LoadError) as err:
        load_store([bad])
    # the Turtle parser's position and words, not those of the N-Triples parser (4:17)
    assert (err.value.line, err.value.column) == (4, 18)
    assert "; is not a valid RDF object" in str(err.value)


def test_missing_file_and_unknown_extension(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="file not found"):
        load_store([tmp_path / "absent.ttl"])
    odd = tmp_path / "data.xyz"
    odd.write_text("", encoding="utf-8")
    with pytest.raises(LoadError, match="unknown RDF file extension"):
        load_store([odd])


def test_on_disk_store_is_removed_when_loading_fails(tmp_path: Path) -> None:
    bad = tmp_path / "bad.nt"
    bad.write_text("<urn:a> <urn:b> .\n", encoding="utf-8")
    target = tmp_path / "store"
    with pytest.raises(LoadError) as err:
        load_store([FILES[0], bad], path=target)
    assert err.value.line == 1
    assert not target.exists()


def test_on_disk_store_persists_and_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "store"
    store = load_store(FILES[:2], path=target)
    n = len(store)
    del store
    assert len(ox.Store(str(target))) == n > 0
    with pytest.raises(LoadError, match="already exists"):
        load_store(FILES[:2], path=target)


def test_rdflib_round_trip_keeps_languages_and_datatypes() -> None:
    g = Graph()
    s, p = URIRef("urn:s"), URIRef("urn:p")
    lits = [Literal("Rusia", lang="id"), Literal("1994", datatype=XSD.gYear), Literal("plain")]
    for lit in lits:
        g.add((s, p, lit))
    back = to_rdflib(from_rdflib(g))
    assert set(back) == set(g)
    assert {o.language for o in back.objects(s, p)} == {"id", None}


@pytest.mark.parametrize("on_disk", [False, True], ids=["memory", "disk"])
def test_a_lenient_read_of_valid_files_holds_the_same_triples(
    tmp_path: Path, on_disk: bool
) -> None:
    strict = load_store(FILES, path=tmp_path / "strict" if on_disk else None)
    lenient = load_store(FILES, path=tmp_path / "lenient" if on_disk else None, lenient=True)
    assert len(strict) > 1000 and isomorphic(to_rdflib(lenient), to_rdflib(strict))


def test_only_the_strict_read_refuses_an_iri_with_a_space(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<http://example.org/a b> <http://example.org/p> <http://example.org/o> .\n")
    with pytest.raises(LoadError, match="bad.ttl:1:"):
        load_store([bad])
    assert len(load_store([bad], lenient=True)) == 1  # hence lenient only for vouched-for files


@pytest.mark.parametrize("where", ["comment", "literal"])
def test_a_token_longer_than_the_parsers_buffer_is_a_load_error(tmp_path: Path, where: str) -> None:
    # Before: MemoryError ("Reached the buffer maximal size of 16777216") as a traceback.
    long = "a" * (17 * 2**20)
    text = f"#{long}\n" if where == "comment" else f'<urn:a> <urn:b> "{long}" .\n'
    bad = tmp_path / "long.ttl"
    bad.write_text("<urn:x> <urn:y> <urn:z> .\n" + text, encoding="utf-8")
    with pytest.raises(LoadError) as err:
        load_store([bad])
    assert err.value.path == str(bad) and "longer than the parser's buffer" in str(err.value)
