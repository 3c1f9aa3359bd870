"""Node and edge attributes of the network views (see :mod:`kg.views.network` for their meaning).

Node attributes are memoised per actor on an indexed graph; an edge's
attributes aggregate the attestations (:class:`kg.views.relations.Relation`) of one
relation between two actors, once per edge.

Examples
--------
>>> from rdflib import Graph, URIRef
>>> label(Graph(), URIRef("https://w3id.org/conflict-kg/id/russia"))
'russia'
"""

from __future__ import annotations

from datetime import date
from sys import intern

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg import CKG
from kg.views.relations import Relation
from kg.views.storegraph import GraphLike, IndexedGraph, Terms, memo_of
from kg.views.timeslice import OPEN, interval_of, merged_bounds

_CKG, _RDF, _RDFS = Terms(CKG), Terms(RDF), Terms(RDFS)

SEP = " | "
"""Separator of multi-valued attribute values."""

KINDS = (
    "State",
    "InternationalOrganization",
    "MediationGroup",
    "GovernmentBody",
    "Office",
    "Person",
    "ArmedForces",
)
"""Actor kinds, most specific first; anything else is ``Actor``."""


ATTRIBUTE_TERMS = (
    _RDFS.label,
    _RDF.type,
    _RDFS.subClassOf,
    _CKG.startDate,
    _CKG.startYear,
    _CKG.endDate,
    _CKG.endYear,
    _CKG.territory,
)
"""The predicates the node and edge attributes read (:meth:`IndexedGraph.retain` keeps them)."""

ATTRIBUTE_MEMOS = ("label", "kind", "node_attributes")
"""The memo tables of the node and edge attributes."""


def label(graph: GraphLike, node: URIRef, *, lang: str = "en") -> str:
    """The ``rdfs:label`` in ``lang``, else any label, else the IRI's last segment.

    >>> from rdflib import Graph
    >>> label(Graph(), URIRef("https://w3id.org/conflict-kg/id/russia"))
    'russia'
    """
    memo = memo_of(graph, "label")
    if memo is None:
        return _label(graph, node, lang)
    key = (node, lang)
    found = memo.get(key)
    if found is None:  # interned: the edges of equal labels share one text
        found = memo[key] = intern(_label(graph, node, lang))
    return str(found)


def _texts(graph: GraphLike, node: URIRef) -> list[tuple[str, str | None]]:
    """``(text, language)`` of the ``rdfs:label`` literals of ``node``."""
    if isinstance(graph, IndexedGraph):
        return graph.texts(node, _RDFS.label)
    return [
        (str(o), o.language) for o in graph.objects(node, _RDFS.label) if isinstance(o, Literal)
    ]


def _label(
    graph: GraphLike, node: URIRef, lang: str, labels: list[tuple[str, str | None]] | None = None
) -> str:
    """:func:`label` (``labels``: the node's :func:`_texts`, when already read)."""
    if labels is None:
        labels = _texts(graph, node)
    for text, language in sorted(labels, key=_text_of):
        if language == lang:
            return text
    if labels:
        return min(labels, key=lambda label: (label[1] or "", label[0]))[0]
    return str(node).rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _text_of(label: tuple[str, str | None]) -> str:
    return label[0]


def kind(graph: GraphLike, node: URIRef) -> str:
    """The actor kind of ``node`` (its ``ckg:`` class among :data:`KINDS`)."""
    memo = memo_of(graph, "kind")
    if memo is None:
        return _kind(graph, node)
    found = memo.get(node)
    if found is None:
        found = memo[node] = _kind(graph, node)
    return str(found)


_KIND_TERMS = [(name, _CKG[name]) for name in KINDS]


def _kind(graph: GraphLike, node: URIRef) -> str:
    types = set(graph.objects(node, _RDF.type))
    for name, term in _KIND_TERMS:
        if term in types:
            return name
    for name, term in _KIND_TERMS:  # a subclass declared in the (merged) ontology
        if any((t, _RDFS.subClassOf, term) in graph for t in types):
            return name
    return "Actor"


def node_attributes(graph: GraphLike, node: URIRef) -> dict[str, object]:
    """The node attributes of an actor (see module docstring); a new dict each call."""
    memo = memo_of(graph, "node_attributes")
    if memo is None:
        return _node_attributes(graph, node)
    found = memo.get(node)
    if found is None:
        found = memo[node] = _node_attributes(graph, node)
    return dict(found)


def _node_attributes(graph: GraphLike, node: URIRef) -> dict[str, object]:
    texts = _texts(graph, node)
    memo = memo_of(graph, "label")
    name = None if memo is None else memo.get((node, "en"))
    if name is None:
        name = intern(_label(graph, node, "en", texts))
        if memo is not None:
            memo[(node, "en")] = name
    attrs: dict[str, object] = {"iri": intern(str(node)), "label": name, "kind": kind(graph, node)}
    indonesian = [text for text, language in texts if language == "id"]
    if indonesian:
        attrs["label_id"] = min(indonesian)
    span = interval_of(graph, node)
    if span is not None:
        _, start, end = span.iso_bounds()
        if start is not None:
            attrs["start"] = start
        if end is not None:
            attrs["end"] = end
    return attrs


def _join(values: list[str]) -> str:
    if len(values) == 1:
        return values[0] or ""
    return SEP.join(dict.fromkeys(v for v in values if v))


def _via_key(rel: Relation) -> str:
    return str(rel.via)


def _interval(start: date | None, end: date | None) -> str:
    """The ISO interval of ``[start, end]`` (as :meth:`Span.iso` of a dated span)."""
    return f"{start.isoformat() if start else OPEN}/{end.isoformat() if end else OPEN}"


def _carrier_dates(found: list[Relation]) -> str:
    """The time one carrier gives an edge: its span, or the union of its spans."""
    if not found[1:]:
        return found[0].span.iso() or "undated"
    merged = merged_bounds(r.span for r in found)
    return ",".join([_interval(start, end) for start, end in merged]) or "undated"


def _single_attestation(graph: GraphLike, rel: Relation, context: str) -> dict[str, object]:
    """:func:`edge_attributes` of an edge of one attestation (most edges), without lists.

    Its texts are interned as they are made, or come interned: the label and
    status of the carrier, the ISO texts of its span (:meth:`Span.iso_bounds`),
    the relation and the basis.
    """
    span = rel.span
    iso, start, end = span.iso_bounds()
    sources = rel.sources
    attrs: dict[str, object] = {
        "relation": rel.relation,
        "label": rel.relation,
        "events": intern(str(rel.via)),
        "event_labels": label(graph, rel.via),
        "dates": iso or "undated",
        "count": 1,
        "weight": 1.0,
        "status": rel.status or "",
        "sources": intern(str(sources[0]) if len(sources) == 1 else _join(list(map(str, sources)))),
        "spells": iso,  # one span merged is itself
        "dated_by": span.basis or "",
        "symmetric": rel.symmetric,
    }
    if iso and start is not None:
        attrs["start"] = start
    if iso and end is not None:
        attrs["end"] = end
    if context and rel.context is not None:
        _context_attributes(graph, attrs, context, [rel.context])
    return attrs


def edge_attributes(graph: GraphLike, group: list[Relation], context: str) -> dict[str, object]:
    """Aggregate the attestations of one edge into scalar attributes.

    Their texts are interned (:func:`sys.intern`): the edges of one carrier, or
    of one day, share their ``events``, ``sources``, ``dates``, ``start``… (a
    tenth of a view's memory at 10^6 triples).
    """
    if not group[1:]:
        return _single_attestation(graph, group[0], context)
    attrs = _edge_attributes(graph, group, context)
    for key, value in attrs.items():
        if type(value) is str:
            attrs[key] = intern(value)
    return attrs


def _edge_attributes(graph: GraphLike, group: list[Relation], context: str) -> dict[str, object]:
    # One carrier may give an edge several times with different spans (a co-chair pair
    # of a group attested at several dates): every span counts, so the edge holds
    # from its earliest attestation (the union of the pairs' intersections).
    carried: dict[object, list[Relation]] = {}
    for rel in sorted(group, key=_via_key):
        carried.setdefault(rel.via, []).append(rel)
    rels = [found[0] for found in carried.values()]
    spans = [r.span for r in group]
    spells = merged_bounds(spans)  # the union of the spans, as merge_spans gives it
    relations = _join([r.relation for r in rels])
    attrs: dict[str, object] = {
        "relation": relations,
        "label": relations,
        "events": SEP.join([str(r.via) for r in rels]),
        "event_labels": SEP.join([label(graph, r.via) for r in rels]),
        "dates": SEP.join([_carrier_dates(found) for found in carried.values()]),
        "count": len(rels),
        "weight": float(len(rels)),
        "status": _join([r.status for r in rels]),
        "sources": _join([str(s) for r in group for s in r.sources]),
        "spells": SEP.join([_interval(start, end) for start, end in spells]),
        "dated_by": _join([s.basis for s in spans]),
        "symmetric": rels[0].symmetric,
    }
    if spells and spells[0][0] is not None:
        attrs["start"] = spells[0][0].isoformat()
    if spells and all(end is not None for _, end in spells):
        attrs["end"] = max(end for _, end in spells if end is not None).isoformat()
    contexts = [r.context for r in rels if r.context is not None]
    if context and contexts:
        _context_attributes(graph, attrs, context, contexts)
    return attrs


def _context_attributes(
    graph: GraphLike, attrs: dict[str, object], context: str, contexts: list[URIRef]
) -> None:
    attrs[context] = intern(_join([str(c) for c in contexts]))
    attrs[f"{context}_label"] = intern(_join([label(graph, c) for c in contexts]))
    if context == "conflict":
        places = {
            t for c in contexts for t in graph.objects(c, _CKG.territory) if isinstance(t, URIRef)
        }
        attrs["territory"] = intern(_join(sorted(label(graph, t) for t in places)))


__all__ = [
    "ATTRIBUTE_MEMOS",
    "ATTRIBUTE_TERMS",
    "KINDS",
    "SEP",
    "edge_attributes",
    "kind",
    "label",
    "node_attributes",
]
