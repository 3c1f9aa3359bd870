"""Actor–actor relations read from the graph, each with its carrier and time.

Every extractor takes a graph (an rdflib Graph or a
:class:`kg.views.storegraph.IndexedGraph`, such as a :class:`~kg.views.storegraph.StoreGraph`
over Oxigraph) and returns :class:`Relation` records;
:mod:`kg.views.network` turns them into networkx graphs. The rules:

- **mediated** (mediation view): every ``ckg:Event`` with ``ckg:mediatedBy``
  or ``ckg:brokeredBy`` links each mediator to each *party* of the event: its
  ``ckg:party``/``ckg:belligerent`` values, or — when it names none — those of
  the conflict it is ``ckg:inConflict`` with. That is how the failed 2010 OSCE
  Minsk Group effort, which names no parties, links the Minsk Group to Armenia
  and Azerbaijan, the belligerents of the Nagorno-Karabakh conflict. A party on
  the mediators' side is left out: one that is itself a mediator of the event,
  or shares a "home" with a mediator (an office and the state it is in, a body
  and what it is part of, forces and whose they are). Agreements list mediators
  who signed among the signatories (PA-X: the presidents of Russia and
  Kazakhstan at Zheleznovodsk); they do not mediate for themselves.
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

from collections.abc import Callable, Iterator
from itertools import combinations

from rdflib import URIRef
from rdflib.namespace import ORG, RDF

from kg import CKG
from kg.views.relationcore import (
    CONFLICT_TYPES,
    TALKS_TYPES,
    Relation,
    iri_pair_key,
    relate,
    typed,
    uris,
)
from kg.views.storegraph import GraphLike, IndexedGraph, Terms, indexed
from kg.views.timeslice import intersect, source_documents, span_of

_CKG, _ORG, _RDF = Terms(CKG), Terms(ORG), Terms(RDF)


def parties(graph: GraphLike, event: URIRef) -> list[URIRef]:
    """An event's parties, else those of the conflict it is in (see module docstring)."""
    own = uris(graph, event, _CKG.party, _CKG.belligerent)
    if own:
        return own
    conflicts = uris(graph, event, _CKG.inConflict)
    return sorted(
        {p for c in conflicts for p in uris(graph, c, _CKG.party, _CKG.belligerent)}, key=str
    )


def _home(graph: GraphLike, actor: URIRef) -> set[URIRef]:
    """The actor and the actors it belongs to (one step of office in, part of, forces of)."""
    return {actor, *uris(graph, actor, _CKG.officeIn, _CKG.partOf, _CKG.forcesOf)}


def _mediated_parties(graph: GraphLike, event: URIRef, mediators: list[URIRef]) -> list[URIRef]:
    """The event's parties that are not on the mediators' side (see module docstring)."""
    side = set().union(*(_home(graph, m) for m in mediators)) if mediators else set()
    return [p for p in parties(graph, event) if not _home(graph, p) & side]


def _once(graph: GraphLike, extract: Callable[[IndexedGraph], list[Relation]]) -> list[Relation]:
    """``extract`` on the indexed ``graph``, run once per indexed graph.

    The records are immutable; the actors view reuses those of the mediation
    and membership views built before it on the same graph (as ``build`` does).
    """
    graph = indexed(graph)
    memo = graph.memo("relations")
    found = memo.get(extract.__name__)
    if found is None:
        found = memo[extract.__name__] = tuple(extract(graph))
    return list(found)


def mediation_relations(graph: GraphLike) -> list[Relation]:
    """Mediator → party for every event with a mediator."""
    return _once(graph, _mediation_relations)


def _mediation_relations(graph: IndexedGraph) -> list[Relation]:
    events = sorted(
        {s for p in (_CKG.mediatedBy, _CKG.brokeredBy) for s in graph.subjects(p, None)}, key=str
    )
    found: list[Relation] = []
    for event in events:
        if not isinstance(event, URIRef):
            continue
        mediators = uris(graph, event, _CKG.mediatedBy, _CKG.brokeredBy)
        pairs = [(m, p) for m in mediators for p in _mediated_parties(graph, event, mediators)]
        found.extend(relate(graph, event, pairs, "mediated"))
    return found


def _memberships(graph: GraphLike) -> dict[URIRef, list[tuple[URIRef, URIRef]]]:
    """``{group: [(member, membership), ...]}`` of the co-chairmanships."""
    groups: dict[URIRef, list[tuple[URIRef, URIRef]]] = {}
    for ms in typed(graph, [_CKG.CoChairmanship]):
        roles = set(graph.objects(ms, _ORG.role))
        if roles and _CKG.CoChair not in roles:
            continue
        for group in uris(graph, ms, _ORG.organization):
            for member in uris(graph, ms, _ORG.member):
                groups.setdefault(group, []).append((member, ms))
    return groups


def cochair_relations(graph: GraphLike) -> list[Relation]:
    """Co-chair ↔ co-chair of the same group (symmetric)."""
    graph = indexed(graph)
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


def membership_relations(graph: GraphLike) -> list[Relation]:
    """Member → group of every co-chairmanship (the bipartite variant)."""
    return _once(graph, _membership_relations)


def _membership_relations(graph: IndexedGraph) -> list[Relation]:
    found: list[Relation] = []
    for group, members in sorted(_memberships(graph).items()):
        for member, ms in members:
            found.extend(relate(graph, ms, [(member, group)], "co-chairs", context=group))
    return found


def belligerent_relations(graph: GraphLike) -> list[Relation]:
    """Party ↔ party of the same conflict, war or hostilities (symmetric)."""
    graph = indexed(graph)
    found: list[Relation] = []
    for conflict in typed(graph, CONFLICT_TYPES):
        members = uris(graph, conflict, _CKG.party, _CKG.belligerent)
        pairs = list(combinations(members, 2))
        found.extend(
            relate(graph, conflict, pairs, "belligerents", context=conflict, symmetric=True)
        )
    return found


def _statement_relations(graph: GraphLike) -> Iterator[Relation]:
    speaking = {s for s in graph.subjects(_CKG.speaker, None) if isinstance(s, URIRef)}
    for event in sorted(speaking, key=str):
        speakers = uris(graph, event, _CKG.speaker)
        types = set(graph.objects(event, _RDF.type))
        invited = uris(graph, event, _CKG.invitee)
        yield from relate(graph, event, [(s, i) for s in speakers for i in invited], "invited")
        accepted = uris(graph, event, _CKG.acceptedBy)
        yield from relate(
            graph, event, [(a, s) for s in speakers for a in accepted], "accepted invitation of"
        )
        yield from relate(
            graph,
            event,
            [(s, b) for s in speakers for b in uris(graph, event, _CKG.onBehalfOf)],
            "spoke for",
        )
        if _CKG.Invitation in types:
            continue
        called = set(uris(graph, event, _CKG.addressee)) - set(invited)
        if _CKG.Appeal in types:
            for target in uris(graph, event, _CKG.callsFor):
                called.update(uris(graph, target, _CKG.party, _CKG.belligerent))
        yield from relate(
            graph, event, [(s, c) for s in speakers for c in sorted(called)], "called on"
        )


def _event_relations(graph: GraphLike) -> Iterator[Relation]:
    # a call already stated by an appeal (speaker ckg:callsFor it) is carried by the appeal
    appealed = {
        (speaker, target)
        for appeal in typed(graph, [_CKG.Appeal])
        for speaker in uris(graph, appeal, _CKG.speaker)
        for target in uris(graph, appeal, _CKG.callsFor)
    }
    called = {s for s in graph.subjects(_CKG.calledForBy, None) if isinstance(s, URIRef)}
    for event in sorted(called, key=str):
        callers = uris(graph, event, _CKG.calledForBy)
        on = uris(graph, event, _CKG.party, _CKG.belligerent)
        pairs = [(c, p) for c in callers for p in on if (c, event) not in appealed]
        yield from relate(graph, event, pairs, "called on")
        ignored = uris(graph, event, _CKG.ignoredBy)
        yield from relate(
            graph, event, [(i, c) for i in ignored for c in callers], "ignored call of"
        )
    for event in typed(graph, TALKS_TYPES):
        members = sorted(
            {
                *uris(graph, event, _CKG.party, _CKG.belligerent),
                *uris(graph, event, _CKG.participant),
            },
            key=str,
        )
        yield from relate(
            graph, event, combinations(members, 2), "participated with", symmetric=True
        )


def _structural_relations(graph: GraphLike) -> Iterator[Relation]:
    for holding in typed(graph, [_CKG.OfficeHolding]):
        pairs = [
            (h, o)
            for h in uris(graph, holding, _CKG.holder)
            for o in uris(graph, holding, _CKG.office)
        ]
        yield from relate(graph, holding, pairs, "holds office")
    for pred, name in (
        (_CKG.partOf, "part of"),
        (_CKG.forcesOf, "forces of"),
        (_CKG.officeIn, "office in"),
    ):
        pairs = [
            (s, o)
            for s, o in graph.subject_objects(pred)
            if isinstance(s, URIRef) and isinstance(o, URIRef)
        ]
        for subject, obj in sorted(pairs, key=iri_pair_key):
            span = span_of(graph, subject, steps=())
            yield from relate(graph, subject, [(subject, obj)], name, span=span)


def actor_relations(graph: GraphLike) -> list[Relation]:
    """Every actor–actor relation, typed by ``relation`` (see module docstring)."""
    graph = indexed(graph)
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
