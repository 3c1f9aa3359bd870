"""The portability rules of queries/README.md, checked on the text of every library query.

The rules keep the library's answers the same on Oxigraph, Virtuoso 7 and Jena
(tests/test_store_portability.py compares the rows on the real stores); each
rule here names the store behaviour that it avoids.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import RDFS, Graph, URIRef

from kg.sparql.library import LibraryQuery, Param, list_queries
from kg.sparql.params import query_prefixes

REPO = Path(__file__).resolve().parent.parent
LIBRARY = list_queries(REPO / "queries")
IDS = [q.name for q in LIBRARY]
_NOISE = re.compile(
    r"'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|<[^<>\"{}|^`\\\s]*>|#[^\n]*",
    re.DOTALL,
)
_CLOSURE = re.compile(
    r"VALUES\s+\?\w+\s*\{(?P<terms>[^}]*)\}\s*#\s*closure:\s*"
    r"(?P<property>rdfs:subClassOf|rdfs:subPropertyOf)\*\s+(?P<tops>[^\n]+)"
)


def code(text: str) -> str:
    """The query with comments dropped, each string as ``""`` and each IRI as ``<>``."""

    def blank(match: re.Match[str]) -> str:
        token = match.group()
        return {"#": " ", "<": "<>"}.get(token[0], '""')

    return _NOISE.sub(blank, text)


def problems(query: LibraryQuery) -> list[str]:
    """The rules that ``query`` breaks, one line each."""
    body = code(query.text)
    found = []
    if re.search(r"rdfs:sub(Class|Property)Of\s*[*+?]|\ba\s*/", body):
        found.append("a path over the class or property hierarchy (list the closure in VALUES)")
    if re.search(r"[\w>)]\s*\|\s*[\w<(^]", body.replace("||", " ")):
        found.append("an alternative path p|q (bind the property from a VALUES list)")
    if re.search(r"[\w>]\s*\?\s+[?<\w]", re.sub(r"\?\w+", "VAR", body)):
        found.append("an optional path p? (use UNION)")
    if re.search(r"\b(true|false)\b", body, re.IGNORECASE):
        found.append("a boolean constant (Virtuoso returns it as an integer)")
    for param in query.params:
        nested = r"OPTIONAL\s*\{[^{}]*OPTIONAL\s*\{[^{}]*\?" + param.name + r"\b"
        if re.search(nested, body, re.IGNORECASE):
            found.append(
                f"?{param.name} in an OPTIONAL nested in an OPTIONAL "
                "(the VALUES bound there lose rdflib's rows)"
            )
    if not re.search(r"\bORDER\s+BY\b", body, re.IGNORECASE) and "ASK" not in body:
        found.append("no ORDER BY")
    return found


def test_the_rules_catch_what_they_say() -> None:
    def fake(text: str) -> LibraryQuery:
        return LibraryQuery("q", None, text, "t", "d", (Param("y", "string", "v", False, ""),), "e")

    assert len(problems(fake("SELECT ?x { ?x a/rdfs:subClassOf* ?c } ORDER BY ?x"))) == 1
    assert len(problems(fake("SELECT ?x { ?x <p>|<q> ?y } ORDER BY ?x"))) == 1
    assert len(problems(fake("SELECT ?x { ?x <p>? ?y } ORDER BY ?x"))) == 1
    assert len(problems(fake("SELECT ?x { BIND (false AS ?x) } ORDER BY ?x"))) == 1
    assert len(problems(fake("SELECT ?x { OPTIONAL { ?x <p> ?y OPTIONAL { ?y <p> ?z } } }"))) == 2
    clean = 'SELECT ?x { ?x <p> "a|b" FILTER (!BOUND(?y) || ?x = ?y) } ORDER BY ?x'
    assert problems(fake(clean)) == []


@pytest.mark.parametrize("query", LIBRARY, ids=IDS)
def test_library_query_follows_the_portability_rules(query: LibraryQuery) -> None:
    assert problems(query) == [], query.name


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(REPO / "ontology" / "conflict.ttl")


@pytest.mark.parametrize("query", LIBRARY, ids=IDS)
def test_closure_lists_match_the_ontology(query: LibraryQuery, ontology: Graph) -> None:
    prefixes = query_prefixes(query.text)

    def expand(name: str) -> URIRef:
        prefix, local = name.split(":", 1)
        return URIRef(prefixes[prefix] + local)

    for match in _CLOSURE.finditer(query.text):
        listed = {expand(t) for t in match["terms"].split()}
        relation = RDFS.subClassOf if match["property"].endswith("ClassOf") else RDFS.subPropertyOf
        closure: set[URIRef] = set()
        for top in match["tops"].split():
            closure |= {URIRef(str(s)) for s in ontology.transitive_subjects(relation, expand(top))}
        assert listed == closure, (query.name, match["tops"], sorted(closure - listed))
