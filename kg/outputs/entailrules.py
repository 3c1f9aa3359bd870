"""The OWL 2 RL rules an ontology makes applicable, compiled into SPARQL updates.

:func:`compile_rules` gives one :class:`Rule` per rule family (sub-properties,
inverses, domains and ranges, sub-classes, classes defined by an intersection
of restrictions); :func:`kg.outputs.entailment.entail` runs them to a fixpoint.

Examples
--------
>>> from rdflib import Graph
>>> onto = Graph().parse(data='''@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .
... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
... ckg:Territory rdfs:subClassOf ckg:Place .''', format="turtle")
>>> [rule.head for rule in compile_rules(onto)]
['?x a ?d']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from kg import CKG


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
_VARIABLE = re.compile(r"\?\w+")


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

    Examples
    --------
    >>> rule = Rule("?x a ?c", "VALUES (?p ?c) { (<urn:p> <urn:C>) }", "?x ?p ?y .", "")
    >>> print(rule.update(into="urn:g", new="urn:g"))  # doctest: +NORMALIZE_WHITESPACE
    INSERT { GRAPH <urn:g> { ?x a ?c } GRAPH <urn:g> { ?x a ?c } }
    WHERE { { SELECT DISTINCT ?x ?c WHERE { VALUES (?p ?c) { (<urn:p> <urn:C>) } ?x ?p ?y . } }
    FILTER NOT EXISTS { ?x a ?c } FILTER NOT EXISTS { GRAPH <urn:g> { ?x a ?c } } }
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
        the others both graphs. The body's matches are made distinct on the
        head's variables before the two tests: a resource with many values
        of a property is tested once per class its domain gives, not once
        per value (11 % of the entailment at 10^6 triples).
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
        names = " ".join(dict.fromkeys(_VARIABLE.findall(self.head)))
        matches = f"{{ SELECT DISTINCT {names} WHERE {{ {self.values} {body} {self.rest} }} }}"
        return f"INSERT {{ {head} }} WHERE {{ {matches} {unseen} }}"


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


CHUNK = 4
"""Body terms (properties or classes) per rule: what one update derives is held in
memory before it is written, so a rule family is split into rules of this many."""


def _chunked(
    head: str, names: str, pairs: list[tuple[str, str]], body: str, rest: str
) -> list[Rule]:
    """One rule family as rules of at most :data:`CHUNK` body terms each (pairs grouped by term)."""
    terms = sorted({first for first, _ in pairs})
    groups = [set(terms[i : i + CHUNK]) for i in range(0, len(terms), CHUNK)]
    return [
        Rule(head, _values(names, [pair for pair in pairs if pair[0] in group]), body, rest)
        for group in groups
    ]


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

    rules: list[Rule] = []
    if spo := [pair for pair in spo if keeps_prop(pair)]:
        rules += _chunked("?x ?q ?y", "?p ?q", spo, "?x ?p ?y .", "")
    if inv := [pair for pair in inv if keeps_prop(pair)]:
        rules += _chunked("?y ?q ?x", "?p ?q", inv, "?x ?p ?y .", "FILTER(!isLiteral(?y))")
    for pairs, node in ((domain, "?x"), (range_, "?y")):
        if pairs := [pair for pair in pairs if keeps_class(pair)]:
            guard = "" if node == "?x" else "FILTER(!isLiteral(?y))"
            rules += _chunked(f"{node} a ?c", "?p ?c", pairs, "?x ?p ?y .", guard)
    if sco := [pair for pair in sorted(set(sco)) if keeps_class(pair)]:
        rules += _chunked("?x a ?d", "?c ?d", sco, "?x a ?c .", "")
    rules += [Rule(f"?x a <{c}>", "", pattern, "", single=False) for c, pattern in defined]
    return rules


__all__ = ["Rule", "compile_rules"]
