"""owlrl's OWL 2 RL inconsistencies, computed on sets when the axioms allow it.

owlrl (:func:`kg.check.reasoning.owl_rl_errors`) closes the whole graph under every
OWL 2 RL rule, generically, on rdflib's memory store: about 3 s on the repository's
4,000 triples, for messages that the ontology's axioms can only produce in one way —
an individual in two disjoint classes. When the axioms of the graph (ontology and
data together) are within the subset below, :func:`fast_rl_errors` derives the same
class memberships with Python sets and gives the same messages; otherwise it returns
None and the caller runs owlrl.

Supported (anything else in the OWL vocabulary, ``owl:sameAs``, property
characteristics, ``owl:Thing``/``owl:Nothing`` in a triple, an inverse property with a
literal value, …, means None):

* ``rdfs:subClassOf``, ``rdfs:subPropertyOf``, ``rdfs:domain``, ``rdfs:range``,
  ``owl:inverseOf``, ``owl:disjointWith`` and ``owl:equivalentClass`` between IRIs;
* ``owl:equivalentClass`` of an IRI and an ``owl:intersectionOf`` of IRIs and
  ``owl:someValuesFrom`` restrictions (IRI property, IRI filler);
* ``owl:AllDisjointClasses`` whose ``owl:members`` are IRIs;
* owlrl's datatype rules: a literal of an OWL RL datatype is an instance of it and of
  its super-datatypes, and the datatypes the graph uses are pairwise disjoint as
  owlrl's tables say (:mod:`owlrl.XsdDatatypes`, :mod:`owlrl.AxiomaticTriples`).

``tests/test_rlfast.py`` compares it with owlrl on the repository and on graphs that
exercise each rule.

Examples
--------
>>> from rdflib import Graph
>>> fast_rl_errors(Graph())
[]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from owlrl.AxiomaticTriples import OWLRL_Datatypes_Disjointness
from owlrl.XsdDatatypes import OWL_Datatype_Subsumptions, OWL_RL_Datatypes
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

_DECLARATIONS = {
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.NamedIndividual,
    OWL.Ontology,
    OWL.Restriction,
    OWL.AllDisjointClasses,
    RDFS.Class,
    RDFS.Datatype,
    RDF.Property,
    RDF.List,
}
"""``rdf:type`` objects in the RDF/RDFS/OWL vocabularies that trigger no rule here."""
_ANNOTATIONS = {
    OWL.versionInfo,
    OWL.versionIRI,
    OWL.imports,
    OWL.priorVersion,
    OWL.backwardCompatibleWith,
    OWL.incompatibleWith,
    OWL.deprecated,
}
_PAIRS: tuple[Node, ...] = (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range)
_PAIRS += (OWL.inverseOf, OWL.disjointWith, OWL.equivalentClass)
_PARTS = (OWL.intersectionOf, OWL.onProperty, OWL.someValuesFrom, OWL.members)
_KIND: dict[Node, str] = {RDF.type: "type"}
_KIND.update({p: "pair" for p in _PAIRS})
_KIND.update({p: "part" for p in _PARTS})
_KIND.update({p: "annotation" for p in _ANNOTATIONS})
_LIMITS = frozenset({OWL.Thing, OWL.Nothing})
_TYPE, _FIRST, _REST, _NIL = RDF.type, RDF.first, RDF.rest, RDF.nil
_PREFIXES = (str(OWL), str(RDFS), str(RDF))
_RL_DATATYPES = frozenset(OWL_RL_Datatypes)
_DISJOINT = "Disjoint classes %s and %s have a common individual %s"
"""owlrl's message for rules cax-dw and cax-adc (kept, so that findings do not change)."""
Triple = tuple[Node, Node, Node]


class Unsupported(Exception):
    """The graph uses an axiom outside the supported subset."""


class _Axioms:
    """The schema triples by predicate, and the blank nodes' triples (lists, class expressions)."""

    def __init__(self, triples: list[Triple]) -> None:
        self.by: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)
        self.blank: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)
        for s, p, o in triples:
            if s in _LIMITS or o in _LIMITS:
                raise Unsupported(f"{s} {p} {o}")
            if isinstance(s, BNode):
                self.blank[s].append((p, o))
            kind = _KIND.get(p)
            if kind == "type":
                vocabulary = isinstance(o, URIRef) and str(o).startswith(_PREFIXES)
                if o in _RL_DATATYPES or (vocabulary and o not in _DECLARATIONS):
                    raise Unsupported(f"{s} a {o}")
                if o == OWL.AllDisjointClasses:
                    self.by[o].append((s, o))
            elif kind in ("pair", "part"):
                if kind == "pair" and not isinstance(s, URIRef):
                    raise Unsupported(f"{s} {p} {o}")
                self.by[p].append((s, o))
            elif kind is None and str(p).startswith(_PREFIXES[0]):
                raise Unsupported(str(p))
        for p in _PAIRS:
            if p != OWL.equivalentClass and any(not isinstance(o, URIRef) for _, o in self.by[p]):
                raise Unsupported(str(p))

    def value(self, node: Node, prop: Node) -> Node | None:
        """The one value of ``prop`` on the blank node ``node``."""
        found = [o for p, o in self.blank.get(node, ()) if p == prop]
        return found[0] if len(found) == 1 else None

    def predicates(self, node: Node) -> set[Node]:
        """The predicates of the blank node ``node``."""
        return {p for p, _ in self.blank.get(node, ())}

    def items(self, head: Node | None) -> list[Node]:
        """The members of the RDF list at ``head`` (written with blank nodes)."""
        out: list[Node] = []
        seen: set[Node] = set()
        while head != _NIL:
            if head is None or head in seen or self.predicates(head) != {_FIRST, _REST}:
                raise Unsupported(f"list {head}")
            seen.add(head)
            out.append(self.value(head, _FIRST))  # type: ignore[arg-type]
            head = self.value(head, _REST)
        return out


def _closure(edges: Iterable[tuple[Node, Node]]) -> dict[Node, set[Node]]:
    """Reflexive-transitive closure: node → every node reachable (itself included)."""
    out: dict[Node, set[Node]] = defaultdict(set)
    for a, b in edges:
        out[a].add(b)
    closed: dict[Node, set[Node]] = {}
    for start in list(out):
        seen, todo = {start}, [start]
        while todo:
            for nxt in out.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        closed[start] = seen
    return closed


class _Schema:
    """The supported axioms of a graph (raises :class:`Unsupported` on any other)."""

    def __init__(self, triples: list[Triple]) -> None:
        axioms = _Axioms(triples)
        by = axioms.by
        self.sup_p = _closure(by[RDFS.subPropertyOf])
        self.inverse: dict[Node, set[Node]] = defaultdict(set)
        for a, b in by[OWL.inverseOf]:
            self.inverse[a].add(b)
            self.inverse[b].add(a)
        self.domain: dict[Node, set[Node]] = defaultdict(set)
        for p, c in by[RDFS.domain]:
            self.domain[p].add(c)
        self.range: dict[Node, set[Node]] = defaultdict(set)
        for p, c in by[RDFS.range]:
            self.range[p].add(c)
        if _TYPE in set(self.sup_p) | set(self.inverse) | set(self.domain) | set(self.range):
            raise Unsupported("an axiom on rdf:type")
        sco = list(by[RDFS.subClassOf])
        self.definitions: list[tuple[Node, list[Node], list[tuple[Node, Node]]]] = []
        used = 0
        for c, expr in by[OWL.equivalentClass]:
            if isinstance(expr, URIRef):
                sco += [(c, expr), (expr, c)]
                continue
            named, restrictions = self._definition(axioms, expr)
            used += 1 + len(restrictions)
            sco += [(c, n) for n in named]
            self.definitions.append((c, named, restrictions))
        self.sup_c = _closure(sco)
        self.disjoint = list(by[OWL.disjointWith])
        declared = {node for node, _ in by[OWL.AllDisjointClasses]}
        for node, head in by[OWL.members]:
            if node not in declared:
                raise Unsupported(f"owl:members of {node}")
            self.disjoint += self._all_disjoint(axioms, head)
        parts = len(by[OWL.intersectionOf]) + len(by[OWL.someValuesFrom])
        if parts != used or len(by[OWL.onProperty]) != len(by[OWL.someValuesFrom]):
            raise Unsupported("a class expression outside an equivalent-class definition")

    @staticmethod
    def _definition(axioms: _Axioms, expr: Node) -> tuple[list[Node], list[tuple[Node, Node]]]:
        """The named classes and ``(property, filler)`` restrictions of an intersection."""
        if axioms.predicates(expr) - {_TYPE} != {OWL.intersectionOf}:
            raise Unsupported(f"class expression {expr}")
        named: list[Node] = []
        restrictions: list[tuple[Node, Node]] = []
        known = {OWL.onProperty, OWL.someValuesFrom, _TYPE}
        for member in axioms.items(axioms.value(expr, OWL.intersectionOf)):
            if isinstance(member, URIRef):
                named.append(member)
                continue
            prop = axioms.value(member, OWL.onProperty)
            filler = axioms.value(member, OWL.someValuesFrom)
            if not (isinstance(prop, URIRef) and isinstance(filler, URIRef)) or (
                axioms.predicates(member) - known
            ):
                raise Unsupported(f"restriction {member}")
            restrictions.append((prop, filler))
        if not (named or restrictions):  # owlrl's cls-int1 skips an empty intersection
            raise Unsupported(f"empty intersection {expr}")
        return named, restrictions

    @staticmethod
    def _all_disjoint(axioms: _Axioms, head: Node) -> list[tuple[Node, Node]]:
        """The pairs owlrl's rule cax-adc compares, in its order."""
        classes = axioms.items(head)
        if any(not isinstance(c, URIRef) for c in classes):
            raise Unsupported("owl:AllDisjointClasses of class expressions")
        return [(a, b) for i, a in enumerate(classes[:-1]) for b in classes[i + 1 :]]


def _assertions(triples: list[Triple], schema: _Schema) -> set[Triple]:
    """Every non-type triple closed under sub-properties and inverses (prp-spo1, prp-inv)."""
    found: set[Triple] = set()
    todo = [t for t in triples if _KIND.get(t[1]) != "type"]
    while todo:
        triple = todo.pop()
        if triple in found:
            continue
        found.add(triple)
        s, p, o = triple
        for q in schema.sup_p.get(p, (p,)):
            todo.append((s, q, o))
            for r in schema.inverse.get(q, ()):
                if isinstance(o, Literal):
                    raise Unsupported(f"inverse property {q} with a literal value")
                todo.append((o, r, s))
    return found


def _types(triples: list[Triple]) -> tuple[dict[Node, set[Node]], set[Node]]:
    """Class memberships (asserted, and of literals their datatypes); the datatypes used."""
    types: dict[Node, set[Node]] = defaultdict(set)
    used: set[Node] = set()
    for s, p, o in triples:
        if _KIND.get(p) == "type":
            types[s].add(o)
        elif isinstance(o, Literal) and o.datatype in _RL_DATATYPES:
            more = [o.datatype, *OWL_Datatype_Subsumptions.get(o.datatype, [])]
            types[o].update(more)
            used.update(more)
    return types, used


def _close(types: dict[Node, set[Node]], schema: _Schema, facts: set[Triple]) -> None:
    """Sub-classes and defined classes to a fixpoint (cax-sco, cls-int1/2, cls-svf1, cax-eqc)."""
    by_subject: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)
    for s, p, o in facts:
        by_subject[s].append((p, o))
    changed = True
    while changed:
        for classes in types.values():
            classes.update(*(schema.sup_c.get(c, ()) for c in list(classes)))
        changed = False
        for cls, named, restrictions in schema.definitions:
            for node in list(types) + [s for s in by_subject if s not in types]:
                classes = types[node]
                if cls in classes or not all(n in classes for n in named):
                    continue
                if all(
                    any(p == prop and filler in types.get(o, ()) for p, o in by_subject[node])
                    for prop, filler in restrictions
                ):
                    classes.add(cls)
                    changed = True


def fast_rl_errors(*graphs: Graph) -> list[str] | None:
    """owlrl's inconsistency messages for the union of ``graphs`` (sorted), or None when
    its axioms are outside the supported subset (then run owlrl)."""
    triples = [t for graph in graphs for t in graph]
    try:
        schema = _Schema(triples)
        facts = _assertions(triples, schema)
    except Unsupported:
        return None
    types, used = _types(triples)
    for s, p, o in facts:
        if p in schema.domain:
            types[s].update(schema.domain[p])
        if p in schema.range:
            types[o].update(schema.range[p])
    _close(types, schema, facts)
    pairs = list(schema.disjoint)
    pairs += [(a, b) for a, _, b in OWLRL_Datatypes_Disjointness if a in used and b in used]
    messages = {
        _DISJOINT % (a, b, node)
        for a, b in pairs
        for node, classes in types.items()
        if a in classes and b in classes
    }
    return sorted(messages)


__all__ = ["Unsupported", "fast_rl_errors"]
