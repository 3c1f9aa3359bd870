"""Entailed triples: owlrl's OWL RL closure on the ``ckg:`` terms, built and published."""

from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import benchmark_module
from rdflib import RDF, Graph, URIRef
from rdflib.term import Node

from kg import CKG, ID
from kg.outputs.build import build, entailment_step, graph_step
from kg.outputs.entailment import (
    ENTAILED_FILE,
    ENTAILED_GRAPH,
    Rule,
    add_entailments,
    compile_rules,
    entail,
    entailed_dump,
    entailed_triples,
    sorted_graph_ntriples,
)
from kg.read.resources import Layout
from kg.read.store import load_store, to_rdflib_term

REPO = Path(__file__).resolve().parent.parent
Triple = tuple[Node, Node, Node]


def _ours(layout: Layout) -> set[Triple]:
    store = load_store([layout.ontology, *layout.data_files])
    found = entailed_triples(store, Graph().parse(layout.ontology))
    return {tuple(to_rdflib_term(x) for x in (t.subject, t.predicate, t.object)) for t in found}  # type: ignore[misc]


def _owlrl(layout: Layout) -> set[Triple]:
    from owlrl import DeductiveClosure, OWLRL_Semantics

    graph = Graph()
    for path in (layout.ontology, *layout.data_files):
        graph.parse(path)
    asserted = set(graph)
    DeductiveClosure(OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(graph)

    def kept(s: Node, p: Node, o: Node) -> bool:
        if not isinstance(s, URIRef):
            return False
        if p == RDF.type:
            return isinstance(o, URIRef) and str(o).startswith(str(CKG))
        return str(p).startswith(str(CKG))

    return {t for t in set(graph) - asserted if kept(*t)}


@pytest.fixture(scope="module")
def reference() -> set[Triple]:
    return _owlrl(Layout.at(REPO))


def test_equals_the_owl_rl_closure_on_the_repository(reference: set[Triple]) -> None:
    ours = _ours(Layout.at(REPO))
    assert ours == reference
    assert (ID["russia"], RDF.type, CKG.Mediator) in ours
    assert (ID["nagorno-karabakh"], RDF.type, CKG.Territory) in ours


def test_a_new_mediation_makes_a_new_mediator(tmp_path: Path) -> None:
    onto = Graph().parse(REPO / "ontology" / "conflict.ttl")
    data = Graph().parse(
        data="""@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .
        <urn:talks> a ckg:Talks ; ckg:brokeredBy <urn:broker> .
        <urn:broker> a ckg:State .""",
        format="turtle",
    )
    graph = onto + data
    assert add_entailments(graph, onto) > 0
    assert (URIRef("urn:broker"), RDF.type, CKG.Mediator) in graph
    assert (URIRef("urn:broker"), CKG.mediates, URIRef("urn:talks")) in graph
    assert (URIRef("urn:talks"), CKG.mediatedBy, URIRef("urn:broker")) in graph
    reverse = onto + Graph().parse(
        data="""@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .
        <urn:state> a ckg:State ; ckg:mediates <urn:talks> .""",
        format="turtle",
    )
    add_entailments(reverse, onto)
    assert (URIRef("urn:talks"), CKG.mediatedBy, URIRef("urn:state")) in reverse
    assert (URIRef("urn:talks"), RDF.type, CKG.Event) in reverse  # the range of ckg:mediates


def test_build_writes_them_and_a_store_without_reasoner_answers(
    tmp_path: Path, reference: set[Triple]
) -> None:
    build(Layout.at(REPO), out_dir=tmp_path, steps=[graph_step, entailment_step])
    store = ox.Store()
    for name in ("conflict-kg.nt", ENTAILED_FILE):
        store.load(path=str(tmp_path / name), format=ox.RdfFormat.N_TRIPLES)

    def instances(cls: URIRef) -> set[str]:
        rows = store.query(f"SELECT ?x {{ ?x a <{cls}> }}")
        return {row["x"].value for row in rows}  # type: ignore[union-attr,index]

    mediators = {str(s) for s, p, o in reference if p == RDF.type and o == CKG.Mediator}
    assert instances(CKG.Mediator) == mediators
    assert {str(ID["russia"]), str(ID["osce-minsk-group"])} <= mediators
    assert str(ID["nagorno-karabakh"]) in instances(CKG.Territory)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Layout:
    """A project whose data is a small generated graph (two theatres, no violations)."""
    root = tmp_path_factory.mktemp("gen")
    (root / "ontology").mkdir()
    (root / "data").mkdir()
    for name in ("conflict.ttl", "shapes.ttl"):
        (root / "ontology" / name).symlink_to(REPO / "ontology" / name)
    out = io.StringIO()
    benchmark_module("benchmarks.generate").generate(out, triples=900, seed=5, violation_rate=0)
    (root / "data" / "generated.ttl").write_text(out.getvalue(), encoding="utf-8")
    return Layout.at(root)


def test_the_graph_dump_sorted_is_entailed_triples_on_a_generated_graph(generated: Layout) -> None:
    """``build``'s file (derived in the store's graph, dumped, sorted by line) is byte for byte
    the triples of ``entailed_triples`` (their ``str``, sorted), derived with every rule
    (none pruned) and restricted to the ``ckg:`` terms afterwards."""
    onto = Graph().parse(generated.ontology)
    store = load_store([generated.ontology, *generated.data_files])
    graph = ox.NamedNode(ENTAILED_GRAPH)
    assert entail(store, onto, into=graph) > 100
    written = sorted_graph_ntriples(store, graph)
    found = entailed_triples(load_store([generated.ontology, *generated.data_files]), onto)
    assert written == b"".join(f"{t} .\n".encode() for t in found)
    again = load_store([generated.ontology, *generated.data_files])
    assert entail(again, onto, into=graph, prune=False) == len(found)
    assert sorted_graph_ntriples(again, graph) == written

    def pairs(rules: list[Rule]) -> int:
        return sum(rule.values.count("(") for rule in rules)

    assert pairs(compile_rules(onto, prune=False)) > pairs(compile_rules(onto))


@pytest.mark.scale
def test_the_build_file_is_the_owl_rl_closure_on_a_generated_graph(
    generated: Layout, tmp_path: Path
) -> None:
    """The file ``build`` writes equals owlrl's closure (about 40 s: marked scale)."""
    build(generated, out_dir=tmp_path, steps=[entailment_step])
    lines = (tmp_path / ENTAILED_FILE).read_bytes().decode().splitlines()
    assert lines == sorted(set(lines))
    store = ox.Store()
    store.load(path=str(tmp_path / ENTAILED_FILE), format=ox.RdfFormat.N_TRIPLES)
    ours = {tuple(to_rdflib_term(x) for x in (q.subject, q.predicate, q.object)) for q in store}
    assert ours == _owlrl(generated)


def test_the_published_dump_holds_the_entailed_triples_and_leaves_no_graph(
    generated: Layout,
) -> None:
    """``publish`` sends :func:`entailed_dump` (the store's order): the same triples, each once,
    and the store keeps no working graph after it."""
    onto = Graph().parse(generated.ontology)
    store = load_store([generated.ontology, *generated.data_files])
    before = len(store)
    lines = entailed_dump(store, onto).splitlines()
    found = entailed_triples(load_store([generated.ontology, *generated.data_files]), onto)
    assert len(lines) == len(set(lines)) == len(found) > 100
    assert sorted(lines) == sorted(f"{t} .".encode() for t in found)
    assert len(store) == before


def test_rules_split_into_small_updates_derive_what_whole_families_derive(
    generated: Layout, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each update holds what it derives in memory: a family is split into rules of at most
    CHUNK body terms, which together derive exactly what one rule per family derives."""
    import kg.outputs.entailrules as entailrules

    onto = Graph().parse(generated.ontology)
    split = compile_rules(onto)
    assert all(len({row.split()[0] for row in r.values.split("(")[2:]}) <= 4 for r in split)
    graph = ox.NamedNode(ENTAILED_GRAPH)
    store = load_store([generated.ontology, *generated.data_files])
    entail(store, onto, into=graph)
    monkeypatch.setattr(entailrules, "CHUNK", 10_000)
    whole = compile_rules(onto)
    assert len(whole) < len(split)
    again = load_store([generated.ontology, *generated.data_files])
    entail(again, onto, into=graph)
    assert sorted_graph_ntriples(again, graph) == sorted_graph_ntriples(store, graph)


def test_the_entailed_file_is_sorted_a_run_at_a_time_in_bounded_memory(tmp_path: Path) -> None:
    """At 5M triples the entailed graph's text (about 100 MB) and its lines were held at once
    beside the views: the file is now sorted a run of lines at a time, with the same bytes."""
    import tracemalloc

    from kg.outputs.entailment import sorted_graph_writer
    from kg.outputs.graphfiles import sort_ntriples

    store, graph = ox.Store(), ox.NamedNode(ENTAILED_GRAPH)
    kind, a, n = ox.NamedNode(f"{CKG}Actor"), ox.NamedNode(str(RDF.type)), 30_000
    store.extend(
        ox.Quad(ox.NamedNode(f"{ID}actor-{(i * 7919) % n:05d}"), a, kind, graph) for i in range(n)
    )
    text = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph) or b""
    assert len(text) > 4_000_000
    whole = sorted_graph_ntriples(store, graph)  # also imports what the writer needs
    out = tmp_path / ENTAILED_FILE
    with open(out, "wb") as handle:
        tracemalloc.start()
        sorted_graph_writer(store, graph, run_lines=3000)(handle)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert out.read_bytes() == sort_ntriples(text, unique=True) == whole
    assert peak < len(text)  # the text and its lines were held at once: twice the text
