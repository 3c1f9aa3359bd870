"""Ontology quality: documented terms, resolvable axioms, closed vocabulary, inference."""

from __future__ import annotations

from pathlib import Path

import owlrl
import pytest
from conftest import ARTICLE_DATA
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.read.wellformed import undeclared_terms

REPO = Path(__file__).resolve().parent.parent
CKG = Namespace("https://w3id.org/conflict-kg/ontology#")
ID = Namespace("https://w3id.org/conflict-kg/id/")
TERM_TYPES = {
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.NamedIndividual,
    SKOS.ConceptScheme,
}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(REPO / "ontology" / "conflict.ttl")


@pytest.fixture(scope="module")
def data() -> Graph:
    g = Graph()
    for path in sorted((REPO / "data").glob("*.ttl")):
        g.parse(path)
    return g


def ckg_terms(ontology: Graph) -> set[URIRef]:
    return {
        s
        for s, t in ontology.subject_objects(RDF.type)
        if isinstance(s, URIRef) and str(s).startswith(str(CKG)) and t in TERM_TYPES
    }


def test_one_versioned_ontology_header(ontology: Graph) -> None:
    headers = list(ontology.subjects(RDF.type, OWL.Ontology))
    assert len(headers) == 1
    assert ontology.value(headers[0], OWL.versionInfo) is not None


def test_core_classes_exist(ontology: Graph) -> None:
    for name in (
        "Actor",
        "Mediator",
        "Talks",
        "Ceasefire",
        "Territory",
        "Conflict",
        "MediationGroup",
        "Statement",
        "CoChairmanship",
        "OfficeHolding",
        "Quotation",
    ):
        assert (CKG[name], RDF.type, OWL.Class) in ontology, name


def test_every_term_has_english_label_and_definition(ontology: Graph) -> None:
    terms = ckg_terms(ontology)
    assert len(terms) > 100
    unlabelled = [
        t
        for t in terms
        if not any(
            getattr(lbl, "language", None) == "en" for lbl in ontology.objects(t, RDFS.label)
        )
    ]
    undefined = [t for t in terms if ontology.value(t, SKOS.definition) is None]
    assert unlabelled == [] and undefined == []


def test_no_term_declared_with_two_kinds(ontology: Graph) -> None:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    clashes = [
        t for t in ckg_terms(ontology) if sum((t, RDF.type, k) in ontology for k in kinds) > 1
    ]
    assert clashes == []


def test_domains_and_ranges_resolve(ontology: Graph) -> None:
    classes = set(ontology.subjects(RDF.type, OWL.Class))
    datatypes = {XSD.date, XSD.gYear, XSD.integer, XSD.string, RDF.langString}
    bad = []
    for prop, axiom in (
        (p, a) for a in (RDFS.domain, RDFS.range) for p in ontology.subjects(a, None)
    ):
        for target in ontology.objects(prop, axiom):
            if target not in classes and target not in datatypes:
                bad.append((prop, axiom, target))
    assert bad == []


def test_alignment_to_standard_vocabularies(ontology: Graph) -> None:
    supers = {str(o) for o in ontology.objects(None, RDFS.subClassOf)}
    supers |= {str(o) for o in ontology.objects(None, RDFS.subPropertyOf)}
    for ns in (
        "http://www.w3.org/ns/prov#",
        "http://www.w3.org/ns/org#",
        "http://www.w3.org/2006/time#",
    ):
        assert any(s.startswith(ns) for s in supers), ns


def test_event_classes_map_to_cameo_and_plover(ontology: Graph) -> None:
    def codes(cls: URIRef) -> set[str]:
        targets = (
            set(ontology.objects(cls, SKOS.closeMatch))
            | set(ontology.objects(cls, SKOS.relatedMatch))
            | set(ontology.objects(cls, SKOS.broadMatch))
        )
        return {str(ontology.value(t, SKOS.notation)) for t in targets}

    assert {"046", "CONSULT"} <= codes(CKG.Talks)
    assert "045" in codes(CKG.MediationEffort)
    assert {"0871", "RETREAT"} <= codes(CKG.Ceasefire)
    assert "196" in codes(CKG.CeasefireViolation)
    assert {"026", "028"} <= codes(CKG.Appeal)


def test_data_uses_only_declared_ckg_terms(ontology: Graph, data: Graph) -> None:
    assert undeclared_terms(data, ontology) == []


def test_data_never_asserts_mediator(data: Graph) -> None:
    assert list(data.subjects(RDF.type, CKG.Mediator)) == []


def _closure(*graphs: Graph) -> Graph:
    graph = Graph()
    for g in graphs:
        graph += g
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    return graph


def test_owl_rl_infers_the_articles_mediators(ontology: Graph) -> None:
    article = Graph()
    for name in ARTICLE_DATA:
        article.parse(REPO / "data" / name)
    graph = _closure(ontology, article)
    assert set(graph.subjects(RDF.type, CKG.Mediator)) == {ID.russia, ID["osce-minsk-group"]}
    assert list(graph.subjects(RDF.type, OWL.Nothing)) == []
    # brokering is mediating: a broker is inferred to be a mediator too
    graph.add((ID["fx-ceasefire"], CKG.brokeredBy, ID.france))
    graph.add((ID["fx-ceasefire"], RDF.type, CKG.Ceasefire))
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    assert (ID.france, RDF.type, CKG.Mediator) in graph


def test_owl_rl_mediators_of_all_data_are_exactly_the_actors_that_mediate(
    ontology: Graph, data: Graph
) -> None:
    graph = _closure(ontology, data)
    inferred = set(graph.subjects(RDF.type, CKG.Mediator))
    stated = {o for o in data.objects(None, CKG.mediatedBy)}
    stated |= {o for o in data.objects(None, CKG.brokeredBy)}
    assert inferred == stated
    assert {ID.russia, ID["osce-minsk-group"]} <= inferred
    assert list(graph.subjects(RDF.type, OWL.Nothing)) == []
