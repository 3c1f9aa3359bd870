"""The triple -> line map: ';' and ',' lists, blank nodes, collections, multi-line strings."""

from __future__ import annotations

from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from kg.check.filecheck import parse_file
from kg.read.linemap import parse_with_lines

EX = "http://ex.org/"
TEXT = """@prefix ex: <http://ex.org/> .
ex:a ex:p ex:b ,
     ex:c ;
   ex:q [ ex:r 1 ;
          ex:s "x" ] ;
   ex:l ( ex:i1
          ex:i2 ) ;
   ex:t \"\"\"two
lines\"\"\" ;
   ex:u ex:d .
ex:d a ex:T .
"""


def u(name: str) -> URIRef:
    return URIRef(EX + name)


def test_every_triple_has_the_line_it_is_written_on() -> None:
    graph, lines = parse_with_lines(TEXT)
    assert lines.line_of((u("a"), u("p"), u("b"))) == 2
    assert lines.line_of((u("a"), u("p"), u("c"))) == 3  # second object of a ',' list
    bnode = graph.value(u("a"), u("q"))
    assert lines.line_of((u("a"), u("q"), bnode)) == 4
    assert lines.line_of((bnode, u("r"), Literal(1))) == 4
    assert lines.line_of((bnode, u("s"), Literal("x"))) == 5
    items = {o: lines.line_of((s, p, o)) for s, p, o in graph if p == RDF.first}
    assert items == {u("i1"): 6, u("i2"): 7}
    assert lines.line_of((u("a"), u("t"), Literal("two\nlines"))) == 8
    assert lines.line_of((u("a"), u("u"), u("d"))) == 10  # after a multi-line string
    assert lines.line_of((u("d"), RDF.type, u("T"))) == 11
    assert lines.subjects[u("d")] == 11
    assert len(graph) == sum(len(v) for v in lines.triples.values())


def test_a_repeated_triple_keeps_all_its_lines() -> None:
    text = "<http://a> <http://b> <http://c> .\n"
    _, lines = parse_with_lines(text + text)
    assert lines.triples[(URIRef("http://a"), URIRef("http://b"), URIRef("http://c"))] == [1, 2]


def test_pattern_match_with_wildcards() -> None:
    _, lines = parse_with_lines(TEXT)
    assert lines.match(u("a"), u("q"), None) == 4
    assert lines.match(None, None, u("T")) == 11
    assert lines.match(u("zzz"), None, None) is None


def test_missing_dot_is_reported_where_the_statement_lacks_it(tmp_path: Path) -> None:
    unclosed = tmp_path / "a.ttl"
    unclosed.write_text("<http://a> <http://b> <http://c>\n# note\n\n<http://d> <http://e> <f> .\n")
    _, (found,) = parse_file(unclosed)
    assert (found.line, found.column) == (1, 33)
    extra = tmp_path / "b.ttl"
    extra.write_text("\n<http://a> <http://b> <http://c> <http://d> .\n")
    _, (found,) = parse_file(extra)
    assert (found.line, found.column) == (2, 34)  # an extra term mid-line stays where it is


def test_parse_cache_notices_an_edited_file(tmp_path: Path) -> None:
    path = tmp_path / "a.ttl"
    path.write_text("<http://a> <http://b> <http://c> .\n")
    first, _ = parse_file(path)
    again, _ = parse_file(path)
    assert first is not None and again is first  # unchanged file: parsed once
    path.write_text("<http://a> <http://b> <http://c> .\n<http://a> <http://b> <http://d> .\n")
    edited, _ = parse_file(path)
    assert edited is not None and len(edited.graph) == 2


def test_lines_stay_right_after_object_lists_split_over_lines() -> None:
    """rdflib's own line count runs ahead after ``"…"@en ,`` / ``"…"@id ;``: not used."""
    text = (
        "@prefix ex: <http://ex/> .\n"
        'ex:a ex:label "one"@en ,\n'
        '        "two"@id ;\n'
        "    ex:p ex:b ;\n"
        "    ex:q ex:c , ex:f ;\n"
        "    ex:t [ ex:u ex:v ] .\n"
        "ex:d ex:r ex:e .\n"
    )
    _, lines = parse_with_lines(text)
    line = {str(p).rsplit("/", 1)[-1]: found[0] for (_, p, _), found in lines.triples.items()}
    assert (line["p"], line["q"], line["u"], line["t"], line["r"]) == (4, 5, 6, 6, 7)
