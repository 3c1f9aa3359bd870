"""Compile SHACL shapes into SPARQL conditions, for :mod:`kg.check.shacl.sparql`.

A *condition* is a SPARQL boolean expression that holds when a node (bound to
a variable) conforms to a shape or satisfies one constraint. Constants from the
shapes graph (IRIs, literals) are written as N-Triples terms serialised by
pyoxigraph, which validates and escapes them. Anything this compiler does not
understand raises :class:`kg.errors.UsageError`: a constraint is never skipped.

Examples
--------
>>> from rdflib import Graph, URIRef
>>> c = Compiler(Graph(), closure=lambda cls: {cls})
>>> c.value_condition(URIRef("http://www.w3.org/ns/shacl#nodeKind"),
...                   URIRef("http://www.w3.org/ns/shacl#IRI"), "?v")
'isIRI(?v)'
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Identifier, Node

from kg.errors import UsageError
from kg.read.store import to_ox_term

Closure = Callable[[Any], Iterable[URIRef]]

#: Datatypes whose lexical forms are checked by casting (ill-formed values fail sh:datatype).
CASTABLE = frozenset(
    {
        XSD.integer,
        XSD.decimal,
        XSD.float,
        XSD.double,
        XSD.boolean,
        XSD.date,
        XSD.dateTime,
        XSD.time,
        XSD.gYear,
    }
)

#: Constraint components checked value by value: their result carries the value.
VALUE_COMPONENTS = {
    SH["class"]: SH.ClassConstraintComponent,
    SH.datatype: SH.DatatypeConstraintComponent,
    SH.nodeKind: SH.NodeKindConstraintComponent,
    SH["in"]: SH.InConstraintComponent,
    SH.languageIn: SH.LanguageInConstraintComponent,
    SH.pattern: SH.PatternConstraintComponent,
    SH.minInclusive: SH.MinInclusiveConstraintComponent,
    SH.maxInclusive: SH.MaxInclusiveConstraintComponent,
    SH.minExclusive: SH.MinExclusiveConstraintComponent,
    SH.maxExclusive: SH.MaxExclusiveConstraintComponent,
    SH.minLength: SH.MinLengthConstraintComponent,
    SH.maxLength: SH.MaxLengthConstraintComponent,
    SH["or"]: SH.OrConstraintComponent,
    SH["and"]: SH.AndConstraintComponent,
    SH["not"]: SH.NotConstraintComponent,
    SH.xone: SH.XoneConstraintComponent,
    SH.node: SH.NodeConstraintComponent,
}

#: Predicates of a shape that carry no constraint (or are handled elsewhere).
NON_VALIDATING = frozenset(
    {
        RDF.type,
        RDFS.label,
        RDFS.comment,
        SH.name,
        SH.description,
        SH.order,
        SH.group,
        SH.message,
        SH.severity,
        SH.deactivated,
        SH.path,
        SH.targetClass,
        SH.targetNode,
        SH.targetSubjectsOf,
        SH.targetObjectsOf,
        SH.property,
        SH.sparql,
        SH.flags,
        SH.qualifiedMinCount,
        SH.qualifiedMaxCount,
        SH.qualifiedValueShape,
        SH.defaultValue,
        SH.declare,
        SH.prefixes,
        SH.qualifiedValueShapesDisjoint,
    }
)

#: A language range LANGMATCHES reads as sh:languageIn does (no "*", no empty subtag).
_TAG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")

_RANGES = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}
_KINDS = {
    SH.IRI: "isIRI({v})",
    SH.BlankNode: "isBlank({v})",
    SH.Literal: "isLiteral({v})",
    SH.BlankNodeOrIRI: "(isBlank({v}) || isIRI({v}))",
    SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
    SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))",
}


def objects(graph: Graph, subject: Any, pred: Any) -> list[Any]:
    """The objects of ``subject pred ?o`` in the shapes graph, sorted."""
    return sorted(graph.objects(subject, pred), key=str)


def pairs(graph: Graph, subject: Any) -> list[tuple[Any, Any]]:
    """The ``(predicate, object)`` pairs of ``subject`` in the shapes graph, sorted."""
    return sorted(graph.predicate_objects(subject), key=lambda po: (str(po[0]), str(po[1])))


def value(graph: Graph, subject: Any, pred: Any) -> Any:
    """The one object of ``subject pred ?o`` (None when absent)."""
    return graph.value(subject, pred)


def number(node: Any) -> int:
    """The integer value of a count such as ``sh:minCount``."""
    try:
        return int(node)
    except (TypeError, ValueError):
        raise UsageError(f"expected an integer in a shape, not {node}") from None


def term(node: Any) -> str:
    """Serialise an rdflib term as a SPARQL/N-Triples term (escaped by pyoxigraph).

    Examples
    --------
    >>> term(Literal('say "hi"', lang="en"))
    '"say \\\\"hi\\\\""@en'
    """
    if isinstance(node, BNode):
        raise UsageError(f"a blank node ({node}) cannot be used as a constant in a shape")
    if not isinstance(node, URIRef | Literal):
        raise UsageError(f"unexpected node in a shape: {node!r}")
    return str(to_ox_term(node))


def unsupported(shape: Any, what: str) -> UsageError:
    """The error for a SHACL construct the SPARQL engine does not implement."""
    return UsageError(
        f"shape {shape}: {what} is not supported by the oxigraph validation engine; "
        "validate with --engine pyshacl instead"
    )


class Compiler:
    """Turn shapes of ``shapes`` into SPARQL conditions and paths.

    Parameters
    ----------
    shapes : rdflib.Graph
        The shapes graph.
    closure : callable
        Maps a class to itself and its subclasses (``rdfs:subClassOf*``) in the data.
    """

    def __init__(self, shapes: Graph, *, closure: Closure) -> None:
        self.shapes = shapes
        self.closure = closure
        self._vars = itertools.count()
        self._stack: list[Node] = []

    def fresh(self, stem: str = "x") -> str:
        """A new variable name, unique within this compiler."""
        return f"?_{stem}{next(self._vars)}"

    def items(self, node: Any) -> list[Node]:
        """The members of an RDF list."""
        return list(Collection(self.shapes, node))

    def path(self, node: Any) -> str:
        """Compile a SHACL property path into a SPARQL property path."""
        g = self.shapes
        if isinstance(node, URIRef):
            return term(node)
        if (node, RDF.first, None) in g:
            return "(" + "/".join(self.path(n) for n in self.items(node)) + ")"
        for pred, fmt in (
            (SH.inversePath, "^{}"),
            (SH.zeroOrMorePath, "{}*"),
            (SH.oneOrMorePath, "{}+"),
            (SH.zeroOrOnePath, "{}?"),
        ):
            inner = value(g, node, pred)
            if inner is not None:
                return "(" + fmt.format(self.path(inner)) + ")"
        alt = value(g, node, SH.alternativePath)
        if alt is not None:
            return "(" + "|".join(self.path(n) for n in self.items(alt)) + ")"
        raise UsageError(f"cannot read the property path {node}")

    def class_condition(self, cls: Any, var: str) -> str:
        """``var`` is an instance of ``cls`` or of one of its subclasses."""
        if not isinstance(cls, URIRef):
            raise UsageError(f"sh:class must be an IRI, not {cls}")
        return self._typed(set(self.closure(cls)) | {cls}, var)

    def _typed(self, closure: set[URIRef], var: str) -> str:
        """``var`` has an ``rdf:type`` in ``closure``."""
        classes = [term(x) for x in sorted(closure)]
        if len(classes) == 1:
            return f"EXISTS {{ {var} a {classes[0]} }}"
        # an IN filter, not VALUES: Oxigraph then probes the types of ``var`` row by
        # row instead of first listing every instance of the classes (2-3x faster)
        c = self.fresh("c")
        return f"EXISTS {{ {var} a {c} . FILTER ({c} IN ({', '.join(classes)})) }}"

    def class_alternatives(self, members: Any) -> set[URIRef] | None:
        """For ``sh:or ( [ sh:class A ] [ sh:class B ] … )``: A, B … with their subclasses.

        One type test for them all instead of one per member (None when a member
        is anything but one ``sh:class`` of an IRI).
        """
        out: set[URIRef] = set()
        items = self.items(members)
        for m in items:
            only = list(self.shapes.predicate_objects(m))
            if len(only) != 1 or only[0][0] != SH["class"] or not isinstance(only[0][1], URIRef):
                return None
            out |= set(self.closure(only[0][1])) | {only[0][1]}
        return out if items else None

    def value_condition(self, pred: Any, obj: Any, var: str) -> str:
        """The condition of one value-based constraint ``pred obj`` on ``var``."""
        if pred == SH["class"]:
            return self.class_condition(obj, var)
        if pred == SH.datatype:
            return datatype_condition(obj, var)
        if pred == SH.nodeKind:
            if obj not in _KINDS:
                raise UsageError(f"unknown sh:nodeKind {obj}")
            return _KINDS[obj].format(v=var)
        if pred == SH["in"]:
            return (
                "("
                + (" || ".join(f"sameTerm({var}, {term(m)})" for m in self.items(obj)) or "false")
                + ")"
            )
        if pred == SH.languageIn:
            tags = [str(t).lower() for t in self.items(obj)]
            if tags and all(_TAG.fullmatch(t) for t in tags):
                # LANGMATCHES is the same test for well-formed tags (RFC 4647 basic
                # filtering, case-insensitive) and cheaper than LCASE/STRSTARTS
                alts = " || ".join(f"LANGMATCHES(LANG({var}), {term(Literal(t))})" for t in tags)
                return f"(isLiteral({var}) && ({alts}))"
            alts = (
                " || ".join(
                    f"LCASE(LANG({var})) = {term(Literal(t))} || "
                    f"STRSTARTS(LCASE(LANG({var})), {term(Literal(t + '-'))})"
                    for t in tags
                )
                or "false"
            )
            return f'(isLiteral({var}) && LANG({var}) != "" && ({alts}))'
        if pred == SH.pattern:
            return self.pattern_condition(obj, var)
        if pred in _RANGES:
            return f"COALESCE({var} {_RANGES[pred]} {term(obj)}, false)"
        if pred in (SH.minLength, SH.maxLength):
            op = ">=" if pred == SH.minLength else "<="
            return f"(!isBlank({var}) && STRLEN(STR({var})) {op} {number(obj)})"
        if pred in (SH["or"], SH["and"], SH.xone):
            alternatives = self.class_alternatives(obj) if pred == SH["or"] else None
            if alternatives is not None:
                return self._typed(alternatives, var)
            conds = [self.shape_condition(m, var) for m in self.items(obj)]
            if pred == SH.xone:
                return (
                    "(" + " + ".join(f"IF({c}, 1, 0)" for c in conds) + " = 1)"
                    if conds
                    else "false"
                )
            op = " || " if pred == SH["or"] else " && "
            return "(" + (op.join(conds) or ("false" if pred == SH["or"] else "true")) + ")"
        if pred == SH["not"]:
            return f"!({self.shape_condition(obj, var)})"
        if pred == SH.node:
            return self.shape_condition(obj, var)
        raise unsupported(obj, f"constraint {pred}")

    def pattern_condition(self, shape_value: Any, var: str) -> str:
        """``sh:pattern`` (with the owning shape's ``sh:flags``) as REGEX."""
        owners = list(self.shapes.subjects(SH.pattern, shape_value))
        flags = value(self.shapes, owners[0], SH.flags) if owners else None
        args = f", {term(Literal(str(flags)))}" if flags is not None else ""
        return f"(!isBlank({var}) && REGEX(STR({var}), {term(Literal(str(shape_value)))}{args}))"

    def shape_condition(self, shape: Any, var: str) -> str:
        """The condition that ``var`` conforms to the whole ``shape``."""
        if shape in self._stack:
            raise unsupported(shape, "a recursive shape")
        self._stack.append(shape)
        try:
            return self._shape_condition(shape, var)
        finally:
            self._stack.pop()

    def _shape_condition(self, shape: Any, var: str) -> str:
        g = self.shapes
        check_known(g, shape, nested=True)
        path = value(g, shape, SH.path)
        conds: list[str] = []
        if path is None:
            for pred, obj in pairs(g, shape):
                if pred in VALUE_COMPONENTS:
                    conds.append(self.value_condition(pred, obj, var))
                elif pred == SH.hasValue:
                    conds.append(f"sameTerm({var}, {term(obj)})")
            for prop in objects(g, shape, SH.property):
                conds.append(self.shape_condition(prop, var))
        else:
            conds.extend(self._nested_property(shape, self.path(path), var))
        return "(" + (" && ".join(conds) or "true") + ")"

    def _nested_property(self, shape: Any, path: str, var: str) -> list[str]:
        g, conds = self.shapes, []
        for pred, obj in pairs(g, shape):
            x = self.fresh()
            if pred in VALUE_COMPONENTS:
                cond = self.value_condition(pred, obj, x)
                conds.append(f"NOT EXISTS {{ {var} {path} {x} FILTER (!({cond})) }}")
            elif pred == SH.hasValue:
                conds.append(f"EXISTS {{ {var} {path} {term(obj)} }}")
            elif pred == SH.minCount and number(obj) <= 1:
                conds.append(f"EXISTS {{ {var} {path} {x} }}" if number(obj) else "true")
            elif pred == SH.maxCount and number(obj) == 0:
                conds.append(f"NOT EXISTS {{ {var} {path} {x} }}")
            elif pred in (SH.minCount, SH.maxCount, SH.qualifiedValueShape, SH.property):
                raise unsupported(shape, f"{pred} {obj} inside a nested shape")
        return conds


def datatype_condition(dtype: Any, var: str) -> str:
    """``var`` is a literal of datatype ``dtype`` (well-formed, where castable)."""
    if dtype == RDF.langString:
        return f'(isLiteral({var}) && LANG({var}) != "")'
    base = f"(isLiteral({var}) && DATATYPE({var}) = {term(dtype)}"
    if dtype in CASTABLE:
        return base + f" && COALESCE(isLiteral({term(dtype)}(STR({var}))), false))"
    return base + ")"


def check_known(shapes: Graph, shape: Any, *, nested: bool = False) -> None:
    """Raise when ``shape`` uses a SHACL predicate the engine cannot compile."""
    known = NON_VALIDATING | set(VALUE_COMPONENTS) | {SH.hasValue, SH.minCount, SH.maxCount}
    for pred in set(shapes.predicates(shape)):
        if str(pred).startswith(str(SH)) and pred not in known:
            raise unsupported(shape, f"{pred}")
    if nested:
        for pred in (SH.sparql, SH.qualifiedValueShape, SH.targetClass):
            if (shape, pred, None) in shapes:
                raise unsupported(shape, f"{pred} inside sh:or/sh:and/sh:node/sh:not")


def identifier(node: Any) -> Identifier:
    """Narrow an rdflib node to an identifier (for typing)."""
    assert isinstance(node, Identifier)
    return node


__all__ = [
    "CASTABLE",
    "VALUE_COMPONENTS",
    "Compiler",
    "check_known",
    "datatype_condition",
    "term",
    "unsupported",
]
