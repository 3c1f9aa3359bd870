"""Actor–actor relations read from the graph, each with its carrier and time.

Every extractor takes an rdflib graph and returns :class:`Relation` records;
:mod:`kg.views` turns them into networkx graphs. The rules:

- **mediated** (mediation view): every ``ckg:Event`` with ``ckg:mediatedBy``
  or ``ckg:brokeredBy`` links each mediator to each *party* of the event: its
  ``ckg:party``/``ckg:belligerent`` values, or — when it names none — those of
  the conflict it is ``ckg:inConflict`` with. That is how the failed 2010 OSCE
  Minsk Group effort, which names no parties, links the Minsk Group to Armenia
  and Azerbaijan, the belligerents of the Nagorno-Karabakh conflict.
- **co-chairs** (cochair view): two ``org:member`` of ``ckg:CoChairmanship``
  memberships (``org:role ckg:CoChair``) of the same ``org:organization``; the
  pair holds while both memberships do.
- **belligerents**: two parties (``ckg:party``/``ckg:belligerent``) of the same
  ``ckg:Conflict``, ``ckg:War`` or ``ckg:Hostilities``.
- the actors view adds: **invited** (an invitation's ``ckg:speaker`` →
  ``ckg:invitee``), **accepted invitation of**, **called on** (an appeal's
  speaker → its ``ckg:addressee`` and the parties of what it ``ckg:callsFor``;
  ``ckg:calledForBy`` → the parties of the ceasefire, unless an appeal of the
  same caller already calls for it), **spoke for**
  (``ckg:speaker`` → ``ckg:onBehalfOf``), **participated with** (parties and
  participants of the same talks, consultation or mediation effort),
  **ignored call of** (``ckg:ignoredBy`` → ``ckg:calledForBy``), **holds office**
  (``ckg:OfficeHolding``), **co-chairs** (member → group), **office in**,
  **part of** and **forces of** (the triples themselves).

Examples
--------
>>> from rdflib import Graph
>>> mediation_relations(Graph())
[]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations

from rdflib import Graph, URIRef
from rdflib.namespace import ORG, RDF
from rdflib.term import Node

from kg import CKG
from kg.timeslice import Span, intersect, source_documents, span_of


@dataclass(frozen=True)
class Relation:
    """One attestation of a relation between two actors.

    ``via`` is the carrier (event, membership, actor) and ``context`` the
    group or conflict the relation is about, when there is one.
    """

    source: URIRef
    target: URIRef
    relation: str
    via: URIRef
    span: Span
    sources: tuple[URIRef, ...] = ()
    status: str = ""
    context: URIRef | None = None
    symmetric: bool = False


CONFLICT_TYPES = (CKG.Conflict, CKG.War, CKG.Hostilities)
TALKS_TYPES = (CKG.Talks, CKG.Consultation, CKG.MediationEffort)


def _uris(graph: Graph, node: Node, *preds: URIRef) -> list[URIRef]:
    found = {o for p in preds for o in graph.objects(node, p) if isinstance(o, URIRef)}
    return sorted(found, key=str)


def _typed(graph: Graph, types: Iterable[URIRef]) -> list[URIRef]:
    found = {s for t in types for s in graph.subjects(RDF.type, t) if isinstance(s, URIRef)}
    return sorted(found, key=str)


def _status(graph: Graph, node: Node) -> str:
    values = sorted(str(o).rsplit("#", 1)[-1] for o in graph.objects(node, CKG.status))
    return " | ".join(values)


def _relate(
    graph: Graph,
    via: URIRef,
    pairs: Iterable[tuple[URIRef, URIRef]],
    relation: str,
    *,
    span: Span | None = None,
    context: URIRef | None = None,
    symmetric: bool = False,
) -> Iterator[Relation]:
    when = span or span_of(graph, via)
    sources = tuple(source_documents(graph, via))
    status = _status(graph, via)
    for source, target in pairs:
        if source != target:
            yield Relation(source, target, relation, via, when, sources, status, context, symmetric)


def parties(graph: Graph, event: URIRef) -> list[URIRef]:
    """An event's parties, else those of the conflict it is in (see module docstring)."""
    own = _uris(graph, event, CKG.party, CKG.belligerent)
    if own:
        return own
    conflicts = _uris(graph, event, CKG.inConflict)
    return sorted(
        {p for c in conflicts for p in _uris(graph, c, CKG.party, CKG.belligerent)}, key=str
    )


def mediation_relations(graph: Graph) -> list[Relation]:
    """Mediator → party for every event with a mediator."""
    events = sorted(
        {s for p in (CKG.mediatedBy, CKG.brokeredBy) for s in graph.subjects(p, None)}, key=str
    )
    found: list[Relation] = []
    for event in events:
        if not isinstance(event, URIRef):
            continue
        mediators = _uris(graph, event, CKG.mediatedBy, CKG.brokeredBy)
        pairs = [(m, p) for m in mediators for p in parties(graph, event)]
        found.extend(_relate(graph, event, pairs, "mediated"))
    return found


def _memberships(graph: Graph) -> dict[URIRef, list[tuple[URIRef, URIRef]]]:
    """``{group: [(member, membership), ...]}`` of the co-chairmanships."""
    groups: dict[URIRef, list[tuple[URIRef, URIRef]]] = {}
    for ms in _typed(graph, [CKG.CoChairmanship]):
        roles = set(graph.objects(ms, ORG.role))
        if roles and CKG.CoChair not in roles:
            continue
        for group in _uris(graph, ms, ORG.organization):
            for member in _uris(graph, ms, ORG.member):
                groups.setdefault(group, []).append((member, ms))
    return groups


def cochair_relations(graph: Graph) -> list[Relation]:
    """Co-chair ↔ co-chair of the same group (symmetric)."""
    found: list[Relation] = []
    for group, members in sorted(_memberships(graph).items()):
        for (a, ms_a), (b, ms_b) in combinations(sorted(members, key=str), 2):
            if a == b:
                continue
            span = intersect([span_of(graph, ms_a), span_of(graph, ms_b)])
            docs = tuple(sorted({*source_documents(graph, ms_a), *source_documents(graph, ms_b)}))
            first, second = sorted((a, b), key=str)
            found.append(
                Relation(
                    first,
                    second,
                    "co-chairs with",
                    group,
                    span,
                    docs,
                    context=group,
                    symmetric=True,
                )
            )
    return found


def membership_relations(graph: Graph) -> list[Relation]:
    """Member → group of every co-chairmanship (the bipartite variant)."""
    found: list[Relation] = []
    for group, members in sorted(_memberships(graph).items()):
        for member, ms in members:
            found.extend(_relate(graph, ms, [(member, group)], "co-chairs", context=group))
    return found


def belligerent_relations(graph: Graph) -> list[Relation]:
    """Party ↔ party of the same conflict, war or hostilities (symmetric)."""
    found: list[Relation] = []
    for conflict in _typed(graph, CONFLICT_TYPES):
        members = _uris(graph, conflict, CKG.party, CKG.belligerent)
        pairs = list(combinations(members, 2))
        found.extend(
            _relate(graph, conflict, pairs, "belligerents", context=conflict, symmetric=True)
        )
    return found


def _statement_relations(graph: Graph) -> Iterator[Relation]:
    for event in sorted({s for s in graph.subjects(CKG.speaker, None) if isinstance(s, URIRef)}):
        speakers = _uris(graph, event, CKG.speaker)
        types = set(graph.objects(event, RDF.type))
        invited = _uris(graph, event, CKG.invitee)
        yield from _relate(graph, event, [(s, i) for s in speakers for i in invited], "invited")
        accepted = _uris(graph, event, CKG.acceptedBy)
        yield from _relate(
            graph, event, [(a, s) for s in speakers for a in accepted], "accepted invitation of"
        )
        yield from _relate(
            graph,
            event,
            [(s, b) for s in speakers for b in _uris(graph, event, CKG.onBehalfOf)],
            "spoke for",
        )
        if CKG.Invitation in types:
            continue
        called = set(_uris(graph, event, CKG.addressee)) - set(invited)
        if CKG.Appeal in types:
            for target in _uris(graph, event, CKG.callsFor):
                called.update(_uris(graph, target, CKG.party, CKG.belligerent))
        yield from _relate(
            graph, event, [(s, c) for s in speakers for c in sorted(called)], "called on"
        )


def _event_relations(graph: Graph) -> Iterator[Relation]:
    # a call already stated by an appeal (speaker ckg:callsFor it) is carried by the appeal
    appealed = {
        (speaker, target)
        for appeal in _typed(graph, [CKG.Appeal])
        for speaker in _uris(graph, appeal, CKG.speaker)
        for target in _uris(graph, appeal, CKG.callsFor)
    }
    for event in sorted(
        {s for s in graph.subjects(CKG.calledForBy, None) if isinstance(s, URIRef)}
    ):
        callers = _uris(graph, event, CKG.calledForBy)
        on = _uris(graph, event, CKG.party, CKG.belligerent)
        pairs = [(c, p) for c in callers for p in on if (c, event) not in appealed]
        yield from _relate(graph, event, pairs, "called on")
        ignored = _uris(graph, event, CKG.ignoredBy)
        yield from _relate(
            graph, event, [(i, c) for i in ignored for c in callers], "ignored call of"
        )
    for event in _typed(graph, TALKS_TYPES):
        members = sorted(
            {
                *_uris(graph, event, CKG.party, CKG.belligerent),
                *_uris(graph, event, CKG.participant),
            },
            key=str,
        )
        yield from _relate(
            graph, event, combinations(members, 2), "participated with", symmetric=True
        )


def _structural_relations(graph: Graph) -> Iterator[Relation]:
    for holding in _typed(graph, [CKG.OfficeHolding]):
        pairs = [
            (h, o)
            for h in _uris(graph, holding, CKG.holder)
            for o in _uris(graph, holding, CKG.office)
        ]
        yield from _relate(graph, holding, pairs, "holds office")
    for pred, name in (
        (CKG.partOf, "part of"),
        (CKG.forcesOf, "forces of"),
        (CKG.officeIn, "office in"),
    ):
        for subject, obj in sorted(graph.subject_objects(pred)):
            if isinstance(subject, URIRef) and isinstance(obj, URIRef):
                span = span_of(graph, subject, steps=())
                yield from _relate(graph, subject, [(subject, obj)], name, span=span)


def actor_relations(graph: Graph) -> list[Relation]:
    """Every actor–actor relation, typed by ``relation`` (see module docstring)."""
    found = [*mediation_relations(graph), *membership_relations(graph)]
    found += [*_statement_relations(graph), *_event_relations(graph)]
    found += list(_structural_relations(graph))
    return found


__all__ = [
    "Relation",
    "actor_relations",
    "belligerent_relations",
    "cochair_relations",
    "mediation_relations",
    "membership_relations",
    "parties",
]
