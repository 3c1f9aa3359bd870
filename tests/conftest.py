"""Shared fixtures: a tiny stand-in project (ontology, shapes, data) in tmp_path."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from rdflib import Graph
from stores import Store, VirtuosoServer, virtuoso_missing

from kg.importers.reconcile import Resolver
from kg.read.resources import Layout
from kg.sparql.server import OxigraphServer

REPO = Path(__file__).resolve().parent.parent

PREFIXES = """\
@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .
@prefix id: <https://w3id.org/conflict-kg/id/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

ONTOLOGY = (
    PREFIXES
    + """
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://w3id.org/conflict-kg/ontology> a owl:Ontology .
ckg:Actor a owl:Class ; rdfs:label "actor"@en ; skos:definition "One who acts."@en .
ckg:State a owl:Class ; rdfs:subClassOf ckg:Actor ;
    rdfs:label "state"@en ; skos:definition "A state."@en .
ckg:SourceDocument a owl:Class ;
    rdfs:label "source document"@en ; skos:definition "A document."@en .
ckg:NewsArticle a owl:Class ; rdfs:subClassOf ckg:SourceDocument ;
    rdfs:label "news article"@en ; skos:definition "An article."@en .
ckg:Quotation a owl:Class ; rdfs:label "quotation"@en ; skos:definition "Words quoted."@en .
ckg:mediatedBy a owl:ObjectProperty ;
    rdfs:label "mediated by"@en ; skos:definition "Who mediates."@en .
ckg:founded a owl:DatatypeProperty ; rdfs:label "founded"@en ; skos:definition "Year."@en .
ckg:memberCount a owl:DatatypeProperty ;
    rdfs:label "member count"@en ; skos:definition "How many members."@en .
"""
)

# Every actor (State is an Actor only through the ontology) needs an English label;
# a SHACL-SPARQL constraint forbids an actor mediating for itself.
SHAPES = (
    PREFIXES
    + """
ckg:ActorShape a sh:NodeShape ;
    sh:targetClass ckg:Actor ;
    sh:property [ sh:path rdfs:label ; sh:minCount 1 ;
                  sh:message "an actor needs a label" ] ;
    sh:sparql [
        sh:message "an actor cannot mediate for itself" ;
        sh:select \"\"\"SELECT $this WHERE {
            $this <https://w3id.org/conflict-kg/ontology#mediatedBy> $this . }\"\"\" ] .
ckg:DocShape a sh:NodeShape ;
    sh:targetClass ckg:SourceDocument ;
    sh:property [ sh:path rdfs:label ; sh:minCount 1 ; sh:severity sh:Warning ;
                  sh:message "a document should have a title" ] .
"""
)

GOOD_DATA = (
    PREFIXES
    + """
id:armenia a ckg:State ;
    rdfs:label "Armenia"@en ;
    ckg:founded "1991"^^xsd:gYear .
id:russia a ckg:State ; rdfs:label "Russia"@en, "Россия"@ru .
id:article1 a ckg:NewsArticle ; rdfs:label "Moscow talks"@en .
id:q1 a ckg:Quotation .
"""
)

# id:azerbaijan (line 8) is a State without a label -> one Violation.
N_PREFIX_LINES_DATA = PREFIXES.count("\n")
BAD_DATA = (
    PREFIXES
    + """id:azerbaijan a ckg:State ;
    ckg:founded "1991"^^xsd:gYear .
"""
)


def benchmark_module(name: str) -> ModuleType:
    """Import ``benchmarks.<...>`` from the checkout (it is not an installed package)."""
    sys.path.insert(0, str(REPO))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(REPO))


def write_project(root: Path, *, data: dict[str, str] | None = None, shapes: bool = True) -> Path:
    """Write ontology/, data/ and queries/ under ``root`` and return it."""
    (root / "ontology").mkdir(parents=True, exist_ok=True)
    (root / "ontology" / "conflict.ttl").write_text(ONTOLOGY, encoding="utf-8")
    if shapes:
        (root / "ontology" / "shapes.ttl").write_text(SHAPES, encoding="utf-8")
    (root / "data").mkdir(exist_ok=True)
    (root / "queries").mkdir(exist_ok=True)
    for name, text in (data if data is not None else {"actors.ttl": GOOD_DATA}).items():
        (root / "data" / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A conforming stand-in project."""
    return write_project(tmp_path / "proj")


@pytest.fixture
def bad_project(tmp_path: Path) -> Path:
    """A project whose data violates a SHACL shape (in data/b.ttl, line 8)."""
    return write_project(tmp_path / "proj", data={"a.ttl": GOOD_DATA, "b.ttl": BAD_DATA})


ARTICLE_DATA = ("sources.ttl", "actors.ttl", "places.ttl", "events.ttl", "inferences.ttl")
"""The data files that encode the Liputan6 article alone (no PA-X import)."""


def article_layout() -> Layout:
    """The repository's layout restricted to the article's data files.

    Tests that check the article's facts exactly (seed edges, expected query
    results) use it, so that later sources added to ``data/`` do not change them.
    """
    full = Layout.at(REPO)
    return full._replace(data_files=tuple(REPO / "data" / name for name in ARTICLE_DATA))


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    """A PA-X mention resolver over the repository's curated data (not its PA-X imports)."""
    curated = Graph()
    for path in sorted((REPO / "data").glob("*.ttl")):
        if not path.name.startswith("pax-"):
            curated.parse(path)
    return Resolver.from_graph(curated)


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """An Oxigraph server for the publish tests (one per test module)."""
    with OxigraphServer(location=tmp_path_factory.mktemp("oxigraph")) as server:
        yield Store("oxigraph", server.update_url, server.query_url)


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A Virtuoso server for the publish tests (skipped when it is not installed)."""
    missing = virtuoso_missing()
    if missing:
        pytest.skip(missing)
    server = VirtuosoServer(location=tmp_path_factory.mktemp("virtuoso")).start()
    try:
        yield Store("virtuoso", server.update_url, server.query_url, server.store_url)
    finally:
        server.stop()


@pytest.fixture(params=["oxigraph", "virtuoso"])
def store(request: pytest.FixtureRequest) -> Store:
    """Each of the two stores in turn."""
    return request.getfixturevalue(request.param)  # type: ignore[no-any-return]
