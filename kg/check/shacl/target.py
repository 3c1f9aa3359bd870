"""The focus nodes of a shape, as SPARQL: the shape's targets, for :mod:`kg.check.shacl.plan`.

A :class:`Target` is the union of a shape's class targets (``sh:targetClass`` and
implicit class targets, each with its ``rdfs:subClassOf*`` closure) and its other
targets (``sh:targetNode``, ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``). It is
written either as a sub-SELECT that enumerates ``?this`` (:attr:`Target.pattern`),
or, for class targets alone, as a test that an already bound ``?this`` is a focus
node (:attr:`Target.member`): a query that starts from the few triples that break a
constraint then tests only those, instead of enumerating every focus node.

Examples
--------
>>> from rdflib import URIRef
>>> t = Target(frozenset({URIRef("http://example.org/C")}))
>>> t.member
'?this a ?_cls . FILTER (?_cls IN (<http://example.org/C>))'
>>> (t | Target(others=("?this <http://example.org/p> ?_any",))).member is None
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH

from kg.check.shacl.compile import Compiler, objects, term

_TARGETS = {
    SH.targetNode: "VALUES ?this {{ {o} }}",
    SH.targetSubjectsOf: "?this {o} ?_any",
    SH.targetObjectsOf: "?_any {o} ?this",
}


@dataclass(frozen=True)
class Target:
    """Focus nodes: instances of ``classes`` (subclasses included) and ``others`` patterns."""

    classes: frozenset[URIRef] = frozenset()
    others: tuple[str, ...] = ()

    def __or__(self, other: Target) -> Target:
        """The union of two targets (a property shape shared by several node shapes)."""
        return Target(self.classes | other.classes, tuple(sorted({*self.others, *other.others})))

    @property
    def size(self) -> int:
        """How many classes and patterns the target lists."""
        return len(self.classes) + len(self.others)

    @property
    def pattern(self) -> str:
        """A sub-SELECT binding ``?this`` to each focus node once."""
        parts = list(self.others)
        if self.classes:
            values = " ".join(term(c) for c in sorted(self.classes))
            parts.insert(0, f"VALUES ?_cls {{ {values} }} ?this a ?_cls")
        union = " UNION ".join(f"{{ {p} }}" for p in parts)
        return f"{{ SELECT DISTINCT ?this WHERE {{ {union} }} }}"

    @property
    def member(self) -> str | None:
        """A pattern that holds when the bound ``?this`` is a focus node (None unless classes only).

        It may match once per class of ``?this``: queries using it are DISTINCT.
        """
        if self.others or not self.classes:
            return None
        listed = ", ".join(term(c) for c in sorted(self.classes))
        return f"?this a ?_cls . FILTER (?_cls IN ({listed}))"


def targets(shapes: Graph, shape: Any, comp: Compiler) -> Target | None:
    """The focus nodes of ``shape`` (None: it has no targets)."""
    classes = set(objects(shapes, shape, SH.targetClass))
    if (shape, RDF.type, RDFS.Class) in shapes or (shape, RDF.type, OWL.Class) in shapes:
        classes.add(shape)
    closure = frozenset({c for cls in classes for c in comp.closure(cls)} | classes)
    others = tuple(
        fmt.format(o=term(obj))
        for pred, fmt in _TARGETS.items()
        for obj in objects(shapes, shape, pred)
    )
    if not closure and not others:
        return None
    return Target(closure, others)


__all__ = ["Target", "targets"]
