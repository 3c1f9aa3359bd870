"""Plan SHACL validation as SPARQL queries: one :class:`Check` per constraint.

The focus nodes of a shape (``sh:targetClass`` with ``rdfs:subClassOf*``,
``sh:targetNode``, ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``, implicit
class targets) are a :class:`kg.check.shacl.target.Target`; each constraint becomes a
query whose rows are validation results (:mod:`kg.check.shacl.forms`). A property
shape shared by several node shapes is planned once, for all their focus nodes.
Used by :mod:`kg.check.shacl.sparql`.

Examples
--------
>>> from kg.check.shacl.compile import Compiler
>>> plan(Graph(), comp=Compiler(Graph(), closure=lambda c: {c}))
[]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Identifier

from kg.check.shacl.compile import (
    VALUE_COMPONENTS,
    Compiler,
    check_known,
    identifier,
    number,
    objects,
    pairs,
    term,
    unsupported,
    value,
)
from kg.check.shacl.forms import count_query, pair_query, value_query
from kg.check.shacl.target import Target, targets
from kg.errors import UsageError


@dataclass(frozen=True)
class Check:
    """One compiled constraint: a query whose rows are validation results."""

    shape: Identifier
    component: URIRef
    path: Identifier | None
    severity: URIRef
    messages: tuple[str, ...]
    query: str
    value_is_focus: bool = False
    part: Part | None = None
    members: tuple[Check, ...] = ()
    #: How many classes and patterns its target lists: a guess at its cost (big first).
    weight: int = 0


@dataclass(frozen=True)
class Part:
    """How a simple-path check can share one query with others (:mod:`kg.check.shacl.merge`).

    ``kind`` is ``"value"`` (rows are bad values; ``cond`` on ``?value`` holds for
    good ones), ``"max"`` or ``"min"`` (count the values, those meeting ``cond`` on
    ``?v`` when given, against ``bound``). ``member`` tests that a bound ``?this``
    is in the target (:attr:`kg.check.shacl.target.Target.member`).
    """

    kind: str
    target: str
    predicate: str
    cond: str
    bound: int = 0
    member: str | None = None


MakeCheck = Callable[..., Check]


def _messages(shapes: Graph, node: Any) -> tuple[str, ...]:
    return tuple(sorted(str(m) for m in objects(shapes, node, SH.message)))


def _severity(shapes: Graph, shape: Any) -> URIRef:
    sev = value(shapes, shape, SH.severity)
    return sev if isinstance(sev, URIRef) else SH.Violation


def _active(shapes: Graph, shape: Any) -> bool:
    return not any(
        bool(getattr(d, "value", False)) or str(d) == "true"
        for d in objects(shapes, shape, SH.deactivated)
    )


def property_checks(shapes: Graph, ps: Any, focus: Target, comp: Compiler) -> list[Check]:
    """The checks of property shape ``ps`` for the focus nodes of ``focus``."""
    check_known(shapes, ps)
    target = focus.pattern
    if (ps, SH.property, None) in shapes:
        raise unsupported(ps, "sh:property on a property shape")
    path_node = identifier(value(shapes, ps, SH.path))
    path, shape = comp.path(path_node), identifier(ps)
    msgs, sev = _messages(shapes, ps), _severity(shapes, ps)

    simple = isinstance(path_node, URIRef)

    def mk(component: URIRef, query: str, kind: str = "", cond: str = "", n: int = 0) -> Check:
        part = Part(kind, target, path, cond, n, focus.member) if kind and simple else None
        return Check(shape, component, path_node, sev, msgs, query, part=part)

    checks = []
    for pred, obj in pairs(shapes, ps):
        if pred in VALUE_COMPONENTS:
            cond = comp.value_condition(pred, obj, "?value")
            checks.append(
                mk(
                    VALUE_COMPONENTS[pred],
                    value_query(focus, path, cond, simple=simple),
                    "value",
                    cond,
                )
            )
        elif pred == SH.minCount and number(obj) > 0:
            checks.append(
                mk(
                    SH.MinCountConstraintComponent,
                    count_query(target, path, "<", number(obj), None),
                    "min",
                    "",
                    number(obj),
                )
            )
        elif pred == SH.maxCount:
            checks.append(
                mk(
                    SH.MaxCountConstraintComponent,
                    count_query(target, path, ">", number(obj), None),
                    "max",
                    "",
                    number(obj),
                )
            )
        elif pred == SH.hasValue:
            checks.append(
                mk(
                    SH.HasValueConstraintComponent,
                    f"SELECT DISTINCT ?this WHERE "
                    f"{{ {target} FILTER NOT EXISTS {{ ?this {path} {term(obj)} }} }}",
                )
            )
        elif pred == SH.qualifiedValueShape:
            checks.extend(_qualified(shapes, ps, obj, focus, path, comp, mk, simple=simple))
    for sparql in objects(shapes, ps, SH.sparql):
        checks.append(sparql_check(shapes, shape, sparql, focus, path=path_node, comp=comp))
    return checks


def _qualified(
    shapes: Graph,
    ps: Any,
    qvs: Any,
    focus: Target,
    path: str,
    comp: Compiler,
    mk: MakeCheck,
    *,
    simple: bool,
) -> list[Check]:
    if (ps, SH.qualifiedValueShapesDisjoint, Literal(True)) in shapes:
        raise unsupported(ps, "sh:qualifiedValueShapesDisjoint")
    cond = comp.shape_condition(qvs, "?v")
    member = focus.member if simple else None
    out = []
    bounds = (
        (SH.qualifiedMinCount, "<", SH.QualifiedMinCountConstraintComponent, "min"),
        (SH.qualifiedMaxCount, ">", SH.QualifiedMaxCountConstraintComponent, "max"),
    )
    for pred, op, component, kind in bounds:
        n = value(shapes, ps, pred)
        if n is not None and (op == ">" or number(n) > 0):
            query = count_query(focus.pattern, path, op, number(n), cond)
            if op == ">" and number(n) == 1 and member is not None:
                query = pair_query(path, cond, comp.shape_condition(qvs, "?w"), member)
            out.append(mk(component, query, kind, cond, number(n)))
    return out


def _prefixes(shapes: Graph, constraint: Any) -> str:
    lines = []
    for holder in objects(shapes, constraint, SH.prefixes):
        for decl in objects(shapes, holder, SH.declare):
            prefix, ns = value(shapes, decl, SH.prefix), value(shapes, decl, SH.namespace)
            lines.append(f"PREFIX {prefix}: {term(URIRef(str(ns)))}")
    return "\n".join(sorted(set(lines)))


def _joins_only(upper: str) -> bool:
    """The query (strings and IRIs removed, upper case) has no OPTIONAL, BIND or EXISTS."""
    return re.search(r"\b(OPTIONAL|BIND|EXISTS)\b", upper) is None


def sparql_check(
    shapes: Graph,
    shape: Identifier,
    constraint: Any,
    focus: Target,
    *,
    path: Identifier | None,
    comp: Compiler,
) -> Check:
    """Compile an ``sh:sparql`` SELECT constraint: its WHERE group joined with the targets.

    The focus nodes are joined in first, at the top of the query's WHERE group,
    so ``$this`` is bound wherever it is used there (in FILTER, OPTIONAL, EXISTS),
    as with pre-binding. Sub-SELECTs, MINUS, SERVICE and VALUES are refused. A
    group of triple patterns, unions and plain filters alone (no OPTIONAL, BIND
    or EXISTS, whose result depends on what is bound before them) is the same
    join with the class target at its end, where Oxigraph tests only the rows
    found (up to 10x faster at 10^6 triples).
    """
    select = str(value(shapes, constraint, SH.select))
    if not select or select == "None":
        raise unsupported(shape, "an sh:sparql constraint without sh:select")
    upper = re.sub(r'"[^"]*"|<[^>]*>', "", select).upper()
    if len(re.findall(r"\bSELECT\b", upper)) > 1 or re.search(r"\b(MINUS|SERVICE|VALUES)\b", upper):
        raise unsupported(shape, "an sh:sparql query with a sub-SELECT, MINUS, SERVICE or VALUES")
    if path is not None:
        select = select.replace("$PATH", comp.path(path))
    decls = re.match(r"\s*((?:(?:PREFIX\s+\S*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*)*)", select, re.I)
    head = decls.group(1) if decls else ""
    body = select[len(head) if decls else 0 :]
    brace = body.find("{")
    if brace < 0:
        raise UsageError(f"shape {shape}: cannot read the sh:select query")
    end = body.rstrip()
    if _joins_only(upper) and focus.member is not None and end.endswith("}"):
        where = f"{end[:-1]} {{ {focus.member} }} }}"  # a group: no "." needed before it
    else:
        where = f"{body[: brace + 1]} {focus.pattern} {body[brace + 1 :]}"
    query = f"{_prefixes(shapes, constraint)}\n{head}{where}"
    # pySHACL reports the shape's messages and the constraint's, as we do
    msgs = tuple(sorted(set(_messages(shapes, shape)) | set(_messages(shapes, constraint))))
    return Check(
        shape,
        SH.SPARQLConstraintComponent,
        path,
        _severity(shapes, shape),
        msgs,
        query,
        value_is_focus=path is None,
    )


def node_checks(shapes: Graph, shape: Any, focus: Target, comp: Compiler) -> list[Check]:
    """The checks of a node shape with targets: node-level constraints and SPARQL.

    Its property shapes (``sh:property``) are planned by :func:`plan`, once for
    all the node shapes that share them.
    """
    check_known(shapes, shape)
    sid, msgs, sev = identifier(shape), _messages(shapes, shape), _severity(shapes, shape)
    target = focus.pattern
    checks = []
    for pred, obj in pairs(shapes, shape):
        if pred in VALUE_COMPONENTS:
            cond = comp.value_condition(pred, obj, "?this")
            checks.append(
                Check(
                    sid,
                    VALUE_COMPONENTS[pred],
                    None,
                    sev,
                    msgs,
                    f"SELECT DISTINCT ?this WHERE {{ {target} FILTER (!({cond})) }}",
                    value_is_focus=True,
                )
            )
        elif pred == SH.hasValue:
            checks.append(
                Check(
                    sid,
                    SH.HasValueConstraintComponent,
                    None,
                    sev,
                    msgs,
                    f"SELECT DISTINCT ?this WHERE {{ {target} "
                    f"FILTER (!sameTerm(?this, {term(obj)})) }}",
                )
            )
        elif pred in (SH.minCount, SH.maxCount, SH.qualifiedValueShape):
            raise unsupported(shape, f"{pred} on a node shape")
    for sparql in objects(shapes, shape, SH.sparql):
        if _active(shapes, sparql):
            checks.append(sparql_check(shapes, sid, sparql, focus, path=None, comp=comp))
    return checks


def plan(shapes: Graph, *, comp: Compiler) -> list[Check]:
    """Compile every active shape that has targets into checks.

    A property shape is planned once, for the union of the focus nodes of the
    node shapes that use it (and its own targets): its results name it, not the
    node shape, so they are the same, and shared shapes (labels, sources) are
    asked once instead of once per class. Custom constraint components would be
    silently ignored (their parameters are not in the SHACL namespace), so their
    presence is refused.
    """
    for component in shapes.subjects(RDF.type, SH.ConstraintComponent):
        raise unsupported(component, "a custom constraint component (sh:ConstraintComponent)")
    candidates = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(
        shapes.subjects(RDF.type, SH.PropertyShape)
    )
    for pred in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf):
        candidates |= set(shapes.subjects(pred, None))
    nodes: dict[Any, Target] = {}
    props: dict[Any, Target] = {}
    for shape in sorted(candidates, key=str):
        focus = targets(shapes, shape, comp) if _active(shapes, shape) else None
        if focus is None:
            continue
        if (shape, SH.path, None) in shapes:
            props[shape] = props[shape] | focus if shape in props else focus
            continue
        nodes[shape] = focus
        for ps in objects(shapes, shape, SH.property):
            if _active(shapes, ps):
                props[ps] = props[ps] | focus if ps in props else focus
    checks: list[Check] = []
    for shape, focus in nodes.items():
        checks += [replace(c, weight=focus.size) for c in node_checks(shapes, shape, focus, comp)]
    for ps in sorted(props, key=str):
        focus = props[ps]
        checks += [replace(c, weight=focus.size) for c in property_checks(shapes, ps, focus, comp)]
    return checks


__all__ = [
    "Check",
    "MakeCheck",
    "node_checks",
    "plan",
    "property_checks",
    "sparql_check",
]
