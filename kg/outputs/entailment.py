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

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from kg import CKG

ENTAILED_GRAPH = "https://w3id.org/conflict-kg/graph/entailed"
"""The named graph that holds the entailed triples in ``build``'s outputs."""

ENTAILED_FILE = "conflict-kg-entailed.nt"
"""The file ``build`` writes them to (sorted N-Triples)."""

_WORK = ox.NamedNode("urn:conflict-kg:entailment-work")
_DELTA = ox.NamedNode("urn:conflict-kg:entailment-delta")
_DELTA_NEXT = ox.NamedNode("urn:conflict-kg:entailment-delta-next")
_TYPE = ox.NamedNode(str(RDF.type))
_MAX_ROUNDS = 50


def _closure(graph: Graph, relation: URIRef) -> list[tuple[str, str]]:
    """Pairs ``(a, b)`` with ``a relation+ b`` between IRIs, ``a != b``."""
    pairs = []
    for sub in {s for s in graph.subjects(relation, None) if isinstance(s, URIRef)}:
        for sup in graph.transitive_objects(sub, relation):
            if isinstance(sup, URIRef) and sup != sub:
                pairs.append((str(sub), str(sup)))
    return sorted(pairs)


def _members(graph: Graph, node: Node | None) -> list[Node]:
    """The members of an RDF list."""
    return list(Collection(graph, node)) if isinstance(node, BNode | URIRef) else []


def _pattern(graph: Graph, expr: Node, var: str, fresh: Iterator[int]) -> str | None:
    """A SPARQL pattern true of ``?var`` when it is an instance of ``expr``; None if unsupported."""
    if isinstance(expr, URIRef):
        return "" if expr == OWL.Thing else f"?{var} a <{expr}> ."
    if (expr, OWL.intersectionOf, None) in graph:
        parts = [
            _pattern(graph, m, var, fresh)
            for m in _members(graph, graph.value(expr, OWL.intersectionOf))
        ]
        return None if any(p is None for p in parts) else " ".join(p for p in parts if p)
    prop = graph.value(expr, OWL.onProperty)
    if not isinstance(prop, URIRef):
        return None
    value = graph.value(expr, OWL.hasValue)
    if isinstance(value, URIRef):
        return f"?{var} <{prop}> <{value}> ."
    filler = graph.value(expr, OWL.someValuesFrom)
    if filler is None:
        return None
    other = f"v{next(fresh)}"
    inner = _pattern(graph, filler, other, fresh)
    return None if inner is None else f"?{var} <{prop}> ?{other} . {inner}"


def _values(names: str, rows: Iterable[tuple[str, ...]]) -> str:
    body = " ".join("(" + " ".join(f"<{v}>" for v in row) + ")" for row in rows)
    return f"VALUES ({names}) {{ {body} }}"


_TRIPLE_PATTERN = re.compile(r"(\S+ \S+ \S+) \.")


def _either(pattern: str, graph: str) -> str:
    """``pattern`` with each triple pattern read from the default graph or ``graph``."""

    def either(match: re.Match[str]) -> str:
        return f"{{ {{ {match[1]} }} UNION {{ GRAPH <{graph}> {{ {match[1]} }} }} }}"

    return _TRIPLE_PATTERN.sub(either, pattern)


@dataclass(frozen=True)
class Rule:
    """One compiled rule: ``INSERT {head} WHERE {values body rest}`` (:meth:`update`).

    A rule whose body is one triple pattern (``single``) is re-run, after the
    first round, on the triples the previous round derived only (semi-naive
    evaluation); the others are re-run whole while anything new appears.
    """

    head: str
    values: str
    body: str
    rest: str
    single: bool = True

    def update(self, *, into: str, new: str, delta: str | None = None) -> str:
        """The rule as a SPARQL update: what it derives goes into the graphs ``into`` and ``new``.

        A triple is new when neither the default graph nor ``into`` (what was
        derived before) holds it. The first round (``delta`` None) reads the
        default graph; then a single-pattern rule reads ``delta`` only, and
        the others both graphs.
        """
        if self.single:
            body = f"GRAPH <{delta}> {{ {self.body} }}" if delta else self.body
        else:
            body = _either(self.body, into)
        head = f"GRAPH <{into}> {{ {self.head} }} GRAPH <{new}> {{ {self.head} }}"
        unseen = (
            f"FILTER NOT EXISTS {{ {self.head} }} "
            f"FILTER NOT EXISTS {{ GRAPH <{into}> {{ {self.head} }} }}"
        )
        return f"INSERT {{ {head} }} WHERE {{ {self.values} {body} {self.rest} {unseen} }}"


def _pairs(ontology: Graph, axiom: URIRef) -> list[tuple[str, str]]:
    """The ``(subject, object)`` IRI pairs of ``axiom`` in ``ontology``, sorted."""
    return sorted(
        (str(a), str(b))
        for a, b in ontology.subject_objects(axiom)
        if isinstance(a, URIRef) and isinstance(b, URIRef)
    )


def _defined(ontology: Graph) -> list[tuple[str, str]]:
    """``(class, pattern)`` of each class defined by ``owl:equivalentClass`` that compiles."""
    fresh = iter(range(1_000_000))
    found = []
    for cls, expr in sorted(ontology.subject_objects(OWL.equivalentClass)):
        pattern = _pattern(ontology, expr, "x", fresh) if isinstance(cls, URIRef) else None
        if pattern:
            found.append((str(cls), pattern))
    return found


def compile_rules(ontology: Graph, *, prune: bool = True) -> list[Rule]:
    """The OWL RL rules that ``ontology`` makes applicable, as SPARQL updates (:meth:`Rule.update`).

    Each update derives triples not yet in the store (asserted or derived).
    The first round reads the asserted triples; each later one what the round
    before derived (sub-properties, inverses, domains and ranges, sub-classes,
    defined classes, in that order). A rule derives
    only what is kept (a ``ckg:`` type or ``ckg:`` property) or what a rule
    reads (its property or class is in some rule's body): any other triple
    (``sem:hasActor`` from ``ckg:party``, ``prov:Agent`` …) could change
    nothing, so it is never written (unless ``prune`` is false: the tests
    compare both).

    Examples
    --------
    >>> len(compile_rules(Graph()))
    0
    """
    spo = _closure(ontology, RDFS.subPropertyOf)
    inv = [(str(a), str(b)) for a, b in ontology.subject_objects(OWL.inverseOf)]
    inv = sorted(set(inv + [(b, a) for a, b in inv]))
    domain, range_ = _pairs(ontology, RDFS.domain), _pairs(ontology, RDFS.range)
    sco = _closure(ontology, RDFS.subClassOf)
    for cls, expr in ontology.subject_objects(OWL.equivalentClass):
        for member in _members(ontology, ontology.value(expr, OWL.intersectionOf)):
            if isinstance(cls, URIRef) and isinstance(member, URIRef):
                sco.append((str(cls), str(member)))
    defined = _defined(ontology)
    mentioned = {iri for _, pattern in defined for iri in re.findall(r"<([^>]*)>", pattern)}
    read_p = {p for pairs in (spo, inv, domain, range_) for p, _ in pairs} | mentioned
    read_c = {c for c, _ in sco} | mentioned
    ns = str(CKG)

    def keeps_prop(pair: tuple[str, str]) -> bool:
        return not prune or pair[1].startswith(ns) or pair[1] in read_p or pair[1] == str(RDF.type)

    def keeps_class(pair: tuple[str, str]) -> bool:
        return not prune or pair[1].startswith(ns) or pair[1] in read_c or str(RDF.type) in read_p

    rules = []
    if spo := [pair for pair in spo if keeps_prop(pair)]:
        rules.append(Rule("?x ?q ?y", _values("?p ?q", spo), "?x ?p ?y .", ""))
    if inv := [pair for pair in inv if keeps_prop(pair)]:
        rules.append(
            Rule("?y ?q ?x", _values("?p ?q", inv), "?x ?p ?y .", "FILTER(!isLiteral(?y))")
        )
    for pairs, node in ((domain, "?x"), (range_, "?y")):
        if pairs := [pair for pair in pairs if keeps_class(pair)]:
            guard = "" if node == "?x" else "FILTER(!isLiteral(?y))"
            rules.append(Rule(f"{node} a ?c", _values("?p ?c", pairs), "?x ?p ?y .", guard))
    if sco := [pair for pair in sorted(set(sco)) if keeps_class(pair)]:
        rules.append(Rule("?x a ?d", _values("?c ?d", sco), "?x a ?c .", ""))
    rules += [Rule(f"?x a <{c}>", "", pattern, "", single=False) for c, pattern in defined]
    return rules


def _kept(triple: ox.Triple) -> bool:
    """True for a triple of the ``ckg:`` terms: a type in ``ckg:`` or a ``ckg:`` predicate."""
    ns = str(CKG)
    if triple.predicate == _TYPE:
        return isinstance(triple.object, ox.NamedNode) and triple.object.value.startswith(ns)
    return triple.predicate.value.startswith(ns)


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


def sorted_graph_ntriples(store: ox.Store, graph: ox.NamedNode) -> bytes:
    """The triples of ``graph`` as N-Triples sorted by line (the order of :func:`entailed_triples`).

    A line is its triple's ``str`` and `` .``; the space sorts before any
    character that may follow a term, so the orders agree.
    """
    dumped = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
    lines = dumped.splitlines(keepends=True) if dumped else []
    return b"".join(sorted(set(lines)))


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


def entailed_ntriples(triples: Iterable[ox.Triple]) -> bytes:
    """The triples as N-Triples, one a line, in the given order."""
    return b"".join(f"{t} .\n".encode() for t in triples)


__all__ = [
    "ENTAILED_FILE",
    "entail",
    "entailed_dump",
    "sorted_graph_ntriples",
    "add_entailments",
    "ENTAILED_GRAPH",
    "Rule",
    "compile_rules",
    "entailed_ntriples",
    "entailed_triples",
]
