"""The SPARQL validation engine finds what pySHACL finds: the same
(focus node, result path, constraint component, value) set on the repository data,
on every shape fixture, on a generated graph with planted violations, and on
shapes using constructs beyond the project's own."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Namespace
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from kg.check.shacl.reference import Finding, read_results
from kg.check.shacl.sparql import FastFinding, as_report, validate_fast
from kg.errors import UsageError
from kg.read.store import load_store

REPO = Path(__file__).resolve().parent.parent
ONTOLOGY = REPO / "ontology" / "conflict.ttl"
FIXTURES = REPO / "tests" / "fixtures" / "shapes"
CKGSH = Namespace("https://w3id.org/conflict-kg/shapes#")
Key = tuple[str | None, str | None, str | None, str | None]


def _n3(node: Node | None) -> str | None:
    return None if node is None else node.n3()


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(REPO / "ontology" / "shapes.ttl")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY)


def _results(data: Graph, shapes: Graph, ontology: Graph | None) -> Graph:
    _, results, _ = validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True
    )
    return results  # type: ignore[no-any-return]


def _keys(results: Graph) -> set[Key]:
    return {
        tuple(  # type: ignore[misc]
            _n3(results.value(r, p))
            for p in (SH.focusNode, SH.resultPath, SH.sourceConstraintComponent, SH.value)
        )
        for r in results.objects(None, SH.result)
    }


def reference(data: Graph, shapes: Graph, ontology: Graph | None) -> set[Key]:
    return _keys(_results(data, shapes, ontology))


def keys(found: list[FastFinding]) -> set[Key]:
    return {(_n3(f.focus), _n3(f.path), _n3(f.component), _n3(f.value)) for f in found}


def _reported(findings: tuple[Finding, ...]) -> set[tuple[str | None, ...]]:
    return {
        (
            f.severity,
            f.focus,
            f.focus_label,
            f.path,
            f.value,
            f.message,
            f.component,
            f.shape if f.shape.startswith("http") else "_:",
        )
        for f in findings
    }


def both(files: list[Path], shapes: Graph, ontology: Graph) -> tuple[set[Key], set[Key]]:
    """pySHACL's and the SPARQL engine's keys; also checks the CLI-level findings agree."""
    data = Graph()
    for f in files:
        data.parse(f)
    results = _results(data, shapes, ontology)
    store = load_store(files)
    fast = validate_fast(store, shapes=shapes, ontology=[ONTOLOGY])
    names = data + ontology  # the graph whose prefixes kg.check.shacl.reference uses
    ours = as_report(fast, store, names=names).findings
    assert _reported(ours) == _reported(tuple(read_results(results, names)))
    return _keys(results), keys(fast)


def test_repository_data_gives_the_same_findings(shapes: Graph, ontology: Graph) -> None:
    ref, fast = both(sorted((REPO / "data").glob("*.ttl")), shapes, ontology)
    assert fast == ref


FIXTURE_FILES = sorted(p.name for p in FIXTURES.glob("*-*.ttl"))


@pytest.mark.parametrize("name", FIXTURE_FILES)
def test_fixture_gives_the_same_findings(name: str, shapes: Graph, ontology: Graph) -> None:
    ref, fast = both([FIXTURES / "_base.ttl", FIXTURES / name], shapes, ontology)
    assert fast == ref
    assert bool(fast) == name.endswith("-invalid.ttl")


def _generate(tmp: Path, triples: int, rate: float) -> tuple[Path, list[dict[str, str]]]:
    sys.path.insert(0, str(REPO))
    try:
        gen = importlib.import_module("benchmarks.generate")
    finally:
        sys.path.remove(str(REPO))
    out = tmp / f"g{triples}.nt"
    result = gen.write_files(out, triples=triples, seed=7, violation_rate=rate, fmt="nt")
    return out, result.violations


def _expected(violations: list[dict[str, str]]) -> set[Key]:
    def iri(x: str | None) -> str | None:
        return f"<{x}>" if x else None

    return {(iri(v["focus"]), iri(v["path"]), iri(v["component"]), v["value"]) for v in violations}


@pytest.mark.scale  # 100 s of pySHACL; the repository's data is compared in the default run
def test_generated_graph_matches_pyshacl_and_the_planted_violations(
    tmp_path: Path, shapes: Graph, ontology: Graph
) -> None:
    path, planted = _generate(tmp_path, 10_000, 0.002)
    ref, fast = both([path], shapes, ontology)
    assert fast == ref
    assert fast == _expected(planted)
    assert len({v["kind"] for v in planted}) == 18


def test_many_planted_violations_are_each_found(tmp_path: Path, shapes: Graph) -> None:
    path, planted = _generate(tmp_path, 30_000, 0.2)
    fast = keys(validate_fast([path], shapes=shapes, ontology=[ONTOLOGY]))
    assert len(planted) > 100
    assert fast == _expected(planted)


def test_a_store_with_the_ontology_in_a_named_graph(shapes: Graph) -> None:
    files = [FIXTURES / "_base.ttl", FIXTURES / "TalksShape-invalid.ttl"]
    store = load_store(files)
    before = len(store)
    found = validate_fast(store, shapes=shapes, ontology=[ONTOLOGY])
    assert keys(found) == keys(validate_fast(files, shapes=shapes, ontology=[ONTOLOGY]))
    assert len(list(store.quads_for_pattern(None, None, None, None))) > before
    assert [f.component for f in found] == [SH.SPARQLConstraintComponent]
    assert "invitation" in found[0].message
    size = len(store)
    again = validate_fast(store, shapes=shapes, ontology=Graph().parse(ONTOLOGY), workers=1)
    assert again == found and len(store) == size  # the ontology graph is replaced, not added


EXTRA = """
@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <urn:ex:> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:S a sh:NodeShape ; sh:targetNode ex:a , ex:missing ; sh:targetSubjectsOf ex:p ;
  sh:property [ sh:path [ sh:inversePath ex:p ] ; sh:maxCount 1 ] ;
  sh:property [ sh:path ex:name ; sh:minLength 2 ; sh:maxLength 5 ; sh:languageIn ("en") ;
                sh:nodeKind sh:Literal ] ;
  sh:property [ sh:path ex:age ; sh:datatype xsd:integer ; sh:maxInclusive 150 ;
                sh:minExclusive 0 ] ;
  sh:property [ sh:path ex:p ; sh:not [ sh:hasValue ex:a ] ;
                sh:xone ( [ sh:nodeKind sh:IRI ] [ sh:hasValue ex:b ] ) ;
                sh:node ex:Named ] ;
  sh:sparql [ sh:select "SELECT $this WHERE { FILTER NOT EXISTS { $this <urn:ex:ok> true } }" ] .
ex:Named a sh:NodeShape ; sh:property [ sh:path ex:name ; sh:minCount 1 ] .
"""
EXTRA_DATA = """
@prefix ex: <urn:ex:> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a ex:p ex:b , ex:a , "lit" ; ex:name "x"@en , "longer name"@en , "nom"@fr , ex:iri ;
  ex:age "200"^^xsd:integer , "0"^^xsd:integer , "abc"^^xsd:integer , "3"^^xsd:decimal .
ex:b ex:name "Bee"@en-GB ; ex:ok true . ex:c ex:p ex:a ; ex:ok true .
"""


def _both_engines(tmp_path: Path, data_text: str, shapes_text: str) -> tuple[set[Key], set[Key]]:
    """The findings of pySHACL and of the compiled queries on the same data and shapes."""
    data = tmp_path / "data.ttl"
    data.write_text(data_text, encoding="utf-8")
    shapes = Graph().parse(data=shapes_text, format="turtle")
    return reference(Graph().parse(data), shapes, None), keys(validate_fast([data], shapes=shapes))


def test_constructs_beyond_the_project_shapes(tmp_path: Path) -> None:
    ref, fast = _both_engines(tmp_path, EXTRA_DATA, EXTRA)
    assert fast == ref
    assert len(ref) >= 12


CLASSES = """
@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <urn:ex:> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:Label a sh:PropertyShape ; sh:path rdfs:label ; sh:datatype rdf:langString ;
  sh:qualifiedValueShape [ sh:languageIn ( "en" ) ] ;
  sh:qualifiedMinCount 1 ; sh:qualifiedMaxCount 1 .
ex:Other a sh:PropertyShape ; sh:path rdfs:label ;
  sh:qualifiedValueShape [ sh:languageIn ( "id" "fr-CA" ) ] ; sh:qualifiedMaxCount 1 .
ex:AShape a sh:NodeShape ; sh:targetClass ex:A ; sh:property ex:Label , ex:Other ;
  sh:property [ sh:path ex:p ; sh:class ex:B ; sh:maxCount 1 ] ;
  sh:property [ sh:path ex:q ; sh:class ex:C ; sh:datatype xsd:date ] ;
  sh:property [ sh:path ex:r ; sh:or ( [ sh:class ex:B ] [ sh:class ex:C ] ) ] ;
  sh:property [ sh:path ex:s ; sh:or ( [ sh:class ex:B ] [ sh:datatype xsd:date ] ) ] ;
  sh:sparql [ sh:select '''SELECT $this ?value WHERE {
      $this <urn:ex:p> ?value . ?value <urn:ex:p> ?z }''' ] .
ex:BShape a sh:NodeShape ; sh:targetClass ex:B ; sh:property ex:Label ;
  sh:property [ sh:path ex:p ; sh:class ex:A ; sh:maxCount 1 ] .
"""
CLASSES_DATA = """
@prefix ex: <urn:ex:> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:A2 rdfs:subClassOf ex:A . ex:B2 rdfs:subClassOf ex:B . ex:C2 rdfs:subClassOf ex:C .
ex:a1 a ex:A , ex:B ; rdfs:label "one"@en , "two"@EN-gb , "satu"@id , "dua"@id-ID ;
  ex:p ex:b1 , ex:x ; ex:q "2020-01-01"^^xsd:date , ex:c1 ;
  ex:r ex:b1 , ex:c2 , ex:a1 , ex:x , "lit" ; ex:s ex:b1 , ex:c2 , "2020-01-01"^^xsd:date .
ex:a2 a ex:A2 ; rdfs:label "plain" , "eng"@eng , ex:iri , "un"@fr-ca , "deux"@FR-CA ;
  ex:p ex:a1 ; ex:q ex:c2 .
ex:b1 a ex:B2 ; rdfs:label "bee"@en ; ex:p ex:a2 , ex:b1 .
ex:x ex:p ex:y , ex:z ; rdfs:label "x"@en , "y"@en ; ex:q "bad" .
ex:c1 a ex:C . ex:c2 a ex:C2 .
"""


def test_class_targets_shared_shapes_and_language_ranges(tmp_path: Path) -> None:
    """Class targets (with subclasses, a node in two), property shapes shared by two node
    shapes, qualified counts of language ranges, sh:class of one or several classes, sh:or
    of classes (one type test) and of other shapes, an sh:sparql join with the target
    at its end: the queries that start from the failing triples find what pySHACL finds,
    and nothing on nodes outside the targets."""
    ref, fast = _both_engines(tmp_path, CLASSES_DATA, CLASSES)
    assert fast == ref
    assert len(ref) >= 10 and not any(k[0] == "<urn:ex:x>" for k in ref)


@pytest.mark.parametrize(
    "constraint",
    [
        "sh:closed true",
        "sh:property [ sh:path ex:p ; sh:uniqueLang true ]",
        "sh:property [ sh:path ex:p ; sh:equals ex:q ]",
        'sh:sparql [ sh:select "SELECT $this WHERE { { SELECT ?this WHERE { ?this ?p ?o } } }" ]',
        "ex:p 1 . ex:Comp a sh:ConstraintComponent ; sh:parameter [ sh:path ex:p ]",
        "sh:target [ a sh:SPARQLTarget ; sh:select 'SELECT ?this WHERE { ?this ?p ?o }' ]",
    ],
)
def test_unsupported_constructs_are_refused(constraint: str, tmp_path: Path) -> None:
    shapes = Graph().parse(
        data="@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <urn:ex:> .\n"
        f"ex:S a sh:NodeShape ; sh:targetClass ex:C ; {constraint} .",
        format="turtle",
    )
    data = tmp_path / "d.nt"
    data.write_text(f"<urn:ex:x> <{RDF.type}> <urn:ex:C> .\n", encoding="utf-8")
    with pytest.raises(UsageError, match="not supported by the oxigraph validation engine"):
        validate_fast([data], shapes=shapes)


def test_findings_carry_messages_severity_and_shape(shapes: Graph) -> None:
    found = validate_fast(
        [FIXTURES / "_base.ttl", FIXTURES / "OfficeHoldingShape-invalid.ttl"],
        shapes=shapes,
        ontology=[ONTOLOGY],
    )
    holding = CKGSH.OfficeHoldingShape
    own = {holding, *shapes.objects(holding, SH.property)}
    assert found
    for f in found:
        assert f.severity == SH.Violation
        assert f.shape in own
        assert {str(m) for m in shapes.objects(f.shape, SH.message)} == {f.message}


COUNTS = """
@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <urn:ex:> .
ex:S a sh:NodeShape ; sh:targetClass ex:C ;
  sh:property [ sh:path ex:one ; sh:maxCount 1 ] , [ sh:path ex:two ; sh:maxCount 1 ] ,
    [ sh:path ex:one ; sh:minCount 1 ] , [ sh:path ex:two ; sh:minCount 1 ] ,
    [ sh:path ex:three ; sh:maxCount 2 ] , [ sh:path ex:three ; sh:minCount 2 ] ,
    [ sh:path ex:four ; sh:maxCount 2 ] , [ sh:path ex:none ; sh:maxCount 0 ] ,
    [ sh:path ( ex:link ex:one ) ; sh:maxCount 1 ] ,
    [ sh:path ( ex:link ex:one ) ; sh:minCount 1 ] .
"""
COUNTS_DATA = """
@prefix ex: <urn:ex:> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:ok a ex:C ; ex:one 1 ; ex:two "a" ; ex:three 1, 2 ; ex:link ex:ok .
ex:equal-values a ex:C ; ex:one 1, 1.0 ; ex:two "a", "a"@en ; ex:three 3 .
ex:same-twice a ex:C ; ex:one 1 ; ex:one 1 ; ex:two "b" ; ex:three 1, 2, 3 ; ex:none 0 ;
    ex:four 1, 2, 3 .
ex:empty a ex:C ; ex:link ex:ok, ex:equal-values .
"""


def test_count_constraints_match_pyshacl(tmp_path: Path) -> None:
    """maxCount/minCount 1 (asked without counting), other bounds (counted), sequence paths."""
    data = tmp_path / "counts.ttl"
    data.write_text(COUNTS_DATA, encoding="utf-8")
    shapes = Graph().parse(data=COUNTS, format="turtle")
    ref = reference(Graph().parse(data), shapes, None)
    assert keys(validate_fast([data], shapes=shapes)) == ref
    focus = {key[0] for key in ref}
    assert focus == {"<urn:ex:equal-values>", "<urn:ex:same-twice>", "<urn:ex:empty>"}
    # 1 and 1.0 (equal numbers), "a" and "a"@en are two values each; a repeated triple is one
    max_count = f"<{SH.MaxCountConstraintComponent}>"
    assert ("<urn:ex:equal-values>", "<urn:ex:one>", max_count, None) in ref
    assert ("<urn:ex:equal-values>", "<urn:ex:two>", max_count, None) in ref
    assert ("<urn:ex:same-twice>", "<urn:ex:one>", max_count, None) not in ref


def test_a_message_restated_by_its_constraint_is_shown_once(tmp_path: Path) -> None:
    """Shape and SPARQL constraint both carry a message: one line, not the two joined by ';'."""
    shapes = Graph().parse(
        data="""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <urn:ex:> .
ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property ex:Label .
ex:Label a sh:PropertyShape ; sh:path ex:label ; sh:message "Needs one label." ;
  sh:sparql [ sh:message "Needs one label; records may go without." ;
    sh:select "SELECT $this WHERE { FILTER NOT EXISTS { $this $PATH ?l } }" ] .""",
        format="turtle",
    )
    data = tmp_path / "d.nt"
    data.write_text(f"<urn:ex:x> <{RDF.type}> <urn:ex:C> .\n", encoding="utf-8")
    store = load_store([data])
    fast = as_report(validate_fast(store, shapes=shapes), store, names=Graph()).findings
    slow = read_results(_results(Graph().parse(data), shapes, None), Graph())
    for findings in (fast, tuple(slow)):
        assert [f.message for f in findings] == ["Needs one label; records may go without."]
