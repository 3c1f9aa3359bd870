"""The entailed triples of the ontology over the data, for stores that have no reasoner.

The OWL 2 RL rules that the ontology's axioms make applicable are compiled
into SPARQL updates and run to a fixpoint on the Oxigraph store (an update runs
without Python's lock, so ``build`` makes its views meanwhile):

* ``cax-sco`` / ``cls-int2`` — ``rdfs:subClassOf`` (and the named members of an
  ``owl:equivalentClass`` intersection), closed transitively beforehand;
* ``prp-spo1`` — ``rdfs:subPropertyOf``, closed transitively beforehand;
* ``prp-inv1`` / ``prp-inv2`` — ``owl:inverseOf``;
* ``prp-dom`` / ``prp-rng`` — ``rdfs:domain`` and ``rdfs:range`` (range only for
  resources, never literals);
* ``cls-int1`` + ``cls-svf1`` + ``cax-eqc`` — a class defined by
  ``owl:equivalentClass`` of an intersection of named classes and
  ``owl:someValuesFrom`` / ``owl:hasValue`` restrictions (``ckg:Mediator``).

A fixpoint iteration reads the asserted default graph and what it has derived
(a private working graph), so the rules chain (``mediatedBy`` → inverse
``mediates`` → ``ckg:Mediator``). It is semi-naive: after the first round a
rule with one body pattern reads only what the previous round derived. The
result kept is the closure restricted to the ontology's terms: ``rdf:type``
triples whose class is a ``ckg:`` class, and triples whose predicate is a
``ckg:`` property, not already asserted. It equals
owlrl's OWL RL closure restricted the same way (``tests/test_entailment.py``).

Examples
--------
>>> import pyoxigraph as ox
>>> from rdflib import Graph
>>> onto = Graph().parse(data='''@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .
... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
... ckg:Territory rdfs:subClassOf ckg:Place .''', format="turtle")
>>> store = ox.Store()
>>> store.load(b"<urn:x> a <https://w3id.org/conflict-kg/ontology#Territory> .",
...            format=ox.RdfFormat.TURTLE)
>>> [str(t) for t in entailed_triples(store, onto)]
['<urn:x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/conflict-kg/ontology#Place>']
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import RDF

from kg import CKG
from kg.outputs.entailrules import Rule, compile_rules
from kg.outputs.graphfiles import Writer
from kg.outputs.linesort import sorted_file_lines, write_lines

ENTAILED_GRAPH = "https://w3id.org/conflict-kg/graph/entailed"
"""The named graph that holds the entailed triples in ``build``'s outputs."""

ENTAILED_FILE = "conflict-kg-entailed.nt"
"""The file ``build`` writes them to (sorted N-Triples)."""

ENTAILED_RUN_LINES = 1 << 18
"""Lines of the entailed graph sorted in memory at a time when its file is written
(about 45 MB; at 1M triples the graph's 146,000 lines are one run)."""

_WORK = ox.NamedNode("urn:conflict-kg:entailment-work")
_DELTA = ox.NamedNode("urn:conflict-kg:entailment-delta")
_DELTA_NEXT = ox.NamedNode("urn:conflict-kg:entailment-delta-next")
_MAX_ROUNDS = 50

_UNKEPT = f"""DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
  FILTER(isBlank(?s) || IF(?p = <{RDF.type}>, !isIRI(?o) || !STRSTARTS(STR(?o), "{CKG}"),
                           !STRSTARTS(STR(?p), "{CKG}"))) }}"""


def entail(store: ox.Store, ontology: Graph, *, into: ox.NamedNode, prune: bool = True) -> int:
    """Run the compiled rules on ``store`` to a fixpoint; put the new ``ckg:`` triples in ``into``.

    ``into`` is emptied first; the default graph is read, never changed.
    Everything derived goes straight into ``into`` (each round's new triples
    also into a working graph, the next round's delta), by SPARQL updates that
    Oxigraph runs without Python's lock; what is not kept (not a ``ckg:`` term,
    or a blank subject) is deleted at the end.

    Parameters
    ----------
    store : pyoxigraph.Store
        Ontology and data in the default graph.
    ontology : rdflib.Graph
        The ontology whose axioms give the rules.
    into : pyoxigraph.NamedNode
        The named graph that receives the entailed triples.
    prune : bool
        Derive only what is kept or read by a rule (:func:`compile_rules`).

    Returns
    -------
    int
        How many triples ``into`` holds.
    """
    rules = compile_rules(ontology, prune=prune)
    store.remove_graph(into)
    delta: str | None = None  # round 0 reads everything; then only what the last round derived
    try:
        for round_ in range(_MAX_ROUNDS):
            new = _DELTA_NEXT.value if round_ else into.value
            store.remove_graph(_DELTA_NEXT)
            for rule in rules:  # an update runs without Python's lock (beside the other steps)
                store.update(rule.update(into=into.value, new=new, delta=delta))
            if not store.query(f"ASK {{ GRAPH <{new}> {{ ?s ?p ?o }} }}"):
                break
            if round_:
                store.update(f"MOVE <{_DELTA_NEXT.value}> TO <{_DELTA.value}>")
            delta = _DELTA.value if round_ else into.value
        store.update(_UNKEPT.replace("?g", f"<{into.value}>"))
    except BaseException:
        store.remove_graph(into)
        raise
    finally:
        store.remove_graph(_DELTA)
        store.remove_graph(_DELTA_NEXT)
    counted = store.query(f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{into.value}> {{ ?s ?p ?o }} }}")
    assert isinstance(counted, ox.QuerySolutions)
    return int(next(iter(counted))[0].value)


def entailed_triples(store: ox.Store, ontology: Graph) -> list[ox.Triple]:
    """Run the compiled rules on ``store`` to a fixpoint; return the new ``ckg:`` triples, sorted.

    The store's default graph is read, never changed; a private working graph
    is used and removed.

    Parameters
    ----------
    store : pyoxigraph.Store
        Ontology and data in the default graph.
    ontology : rdflib.Graph
        The ontology whose axioms give the rules.
    """
    try:
        entail(store, ontology, into=_WORK)
        derived = [q.triple for q in store.quads_for_pattern(None, None, None, _WORK)]
    finally:
        store.remove_graph(_WORK)
    return sorted(derived, key=str)


def entailed_dump(store: ox.Store, ontology: Graph) -> bytes:
    """The triples of :func:`entailed_triples` as N-Triples in the store's order, not sorted.

    For a store to load (``publish``): made by Oxigraph alone (the rules, then
    a dump of their graph), without a Python object per triple.

    Examples
    --------
    >>> store = ox.Store()
    >>> entailed_dump(store, Graph())
    b''
    """
    try:
        entail(store, ontology, into=_WORK)
        return store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=_WORK) or b""
    finally:
        store.remove_graph(_WORK)


def sorted_graph_writer(
    store: ox.Store, graph: ox.NamedNode, *, run_lines: int = ENTAILED_RUN_LINES
) -> Writer:
    """A writer of the triples of ``graph`` as N-Triples sorted by line (``build``'s file).

    The order is that of :func:`entailed_triples`: a line is its triple's
    ``str`` and `` .``; the space sorts before any character that may follow a
    term, so the orders agree. The graph is dumped to a temporary file and
    sorted ``run_lines`` lines at a time (:func:`kg.outputs.linesort.sorted_file_lines`),
    so that beside the views at 5M triples its text and lines (about 100 MB
    each) are not held at once; blank nodes are labelled canonically.
    """

    def write(handle: BinaryIO) -> None:
        with tempfile.TemporaryDirectory(prefix="conflict-kg-entailed-") as tmp:
            dump = Path(tmp) / "graph.nt"
            store.dump(str(dump), format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
            write_lines(sorted_file_lines(dump, directory=Path(tmp), run_lines=run_lines), handle)

    return write


def sorted_graph_ntriples(store: ox.Store, graph: ox.NamedNode) -> bytes:
    """The bytes of :func:`sorted_graph_writer`.

    Examples
    --------
    >>> store = ox.Store()
    >>> sorted_graph_ntriples(store, ox.NamedNode("urn:g"))
    b''
    """
    out = io.BytesIO()
    sorted_graph_writer(store, graph)(out)
    return out.getvalue()


def add_entailments(graph: Graph, ontology: Graph) -> int:
    """Add to the rdflib ``graph`` (ontology + data) its entailed ``ckg:`` triples; return how many.

    Examples
    --------
    >>> add_entailments(Graph(), Graph())
    0
    """
    from kg.read.store import from_rdflib, to_rdflib_term

    found = entailed_triples(from_rdflib(graph), ontology)
    for t in found:
        graph.add(
            (to_rdflib_term(t.subject), to_rdflib_term(t.predicate), to_rdflib_term(t.object))
        )
    return len(found)


__all__ = [
    "ENTAILED_FILE",
    "entail",
    "entailed_dump",
    "sorted_graph_ntriples",
    "sorted_graph_writer",
    "add_entailments",
    "ENTAILED_GRAPH",
    "Rule",
    "compile_rules",
    "entailed_triples",
]
