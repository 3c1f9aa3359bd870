"""The context of an entity page, and the extra sections of a conflict's page.

Examples
--------
>>> import pyoxigraph as ox
>>> from rdflib import Graph
>>> from kg.outputs.site.model import read_site_data
>>> data = read_site_data(ox.Store(), Graph())
>>> conflicts(data)
[]
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pyoxigraph as ox
from markupsafe import Markup, escape
from rdflib import URIRef

from kg import CKG
from kg.outputs.site.model import LABELS, Entity, SiteData
from kg.outputs.site.provenance import ATTESTED, SHOWN, Evidence
from kg.outputs.site.terms import link_html, short, show, show_iri, term_html
from kg.views.spans import Span
from kg.views.storegraph import GraphLike
from kg.views.timeslice import span_of

_STATED = (CKG.date, CKG.startDate, CKG.year, CKG.startYear)
_WHERE = 5
"""At most this many events are named beside an actor in a conflict's "Actors by role"."""
_BASIS = {
    "interval": "stated",
    "event": "stated",
    "asOf": "the day it is attested for (ckg:asOf)",
    "source": "derived from the source's date",
}


def _key(term: Any) -> str:
    return term.value if isinstance(term, (ox.NamedNode, ox.Literal)) else str(term)


def _implied(data: SiteData, pairs: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """The (property, other end) pairs a more specific statement of the same ends implies:
    "signatory" implies "party", so an agreement's signatory is not listed as a party too."""
    supers = data.super_properties
    return {(sup, end) for p, end in pairs for sup in supers.get(p, ())} & set(pairs)


def statements(data: SiteData, ev: Evidence, entity: Entity, *, root: str) -> dict[str, Any]:
    """Outgoing statements (labels aside: they have their own list) and incoming ones, as HTML
    cells, each with the evidence that backs that statement (:meth:`Evidence.for_statement`);
    ``out_rows`` and ``inc_rows``: the same as table rows (cells are escaped already)."""
    implied = _implied(data, [(p, _key(o)) for p, o in entity.out])
    implied_in = _implied(data, [(p, s) for p, s in entity.inc])
    quotation = str(CKG.Quotation)
    own_quotes = [q for q in ev.quotations_of(entity.iri) if quotation in data.types(q)]
    facts = [(p, o) for p, o in entity.out if p not in LABELS and (p, _key(o)) not in implied]
    evidence = [(p, o) for p, o in facts if p == ATTESTED]  # after the facts, at most SHOWN
    shown = [(p, o) for p, o in facts if p != ATTESTED] + evidence[:SHOWN]
    out = [
        (
            link_html(data, p, root=root),
            term_html(show(data, o, root=root)),
            ev.for_statement(entity.iri, p, o, root=root),
        )
        for p, o in shown
    ]
    if len(evidence) > SHOWN:
        more = Markup(f"and {len(evidence) - SHOWN} more (query ckg:attestedBy for all)")
        out.append((link_html(data, ATTESTED, root=root), more, Markup("")))
    this = ox.NamedNode(entity.iri)
    inc = [
        (
            link_html(data, s, root=root),
            link_html(data, p, root=root),
            ev.for_statement(s, p, this, root=root),
        )
        for p, s in entity.inc
        if (p, s) not in implied_in
    ]
    return {
        "out": out,
        "inc": inc,
        "out_rows": Markup(
            "".join(f"<tr><td>{p}</td><td>{o}</td><td>{e}</td></tr>" for p, o, e in out)
        ),
        "inc_rows": Markup(
            "".join(f"<tr><td>{s}</td><td>{p}</td><td>{q}</td></tr>" for s, p, q in inc)
        ),
        "quotes": [ev.quotation(q, root=root) for q in own_quotes],
    }


def label_items(entity: Entity) -> Markup:
    """The entity's labels as ``<li>`` items, each with its ``lang``, language and property."""
    items = []
    for text, lang, prop in sorted(
        entity.labels, key=lambda x: (LABELS.index(x[2]), x[1] or "", x[0])
    ):
        code = escape(lang or "und")
        items.append(
            f'<li><span lang="{code}">{escape(text)}</span> <small class="note">'
            f"{escape(lang or 'no language')} · {escape(short(prop))}</small></li>"
        )
    return Markup("".join(items))


def _year_only(span: Span) -> bool:
    return (
        span.start is not None
        and span.end is not None
        and (span.start.month, span.start.day, span.end.month, span.end.day) == (1, 1, 12, 31)
        and span.start.year == span.end.year
    )


def _year_basis(graph: GraphLike, iri: str) -> str:
    """How a year-only span is known: the event's year, or only the year of its status."""
    node = URIRef(iri)
    if any(next(iter(graph.objects(node, p)), None) is not None for p in (CKG.year, CKG.startYear)):
        return "stated year"
    return "the year of its status (ckg:statusYear), not of the event itself"


def time_span(graph: GraphLike, iri: str) -> dict[str, Any] | None:
    """The entity's time as a reader should take it: ``parts`` (text, ISO value) and basis.

    A date the entity only borrows from its source ("source" basis) is not shown as
    its time: the page says that no date of its own is recorded, and when its
    earliest source is dated.
    """
    span = span_of(graph, URIRef(iri))
    if not span.dated or span.start is None and span.end is None:
        return None
    if span.basis == "source" and span.start is not None:
        day = span.start.isoformat()
        return {
            "parts": [],
            "basis": f"no date of its own is recorded; its earliest source is dated {day}",
            "source": day,
        }
    if _year_only(span) and span.start is not None:
        year = str(span.start.year)
        return {"parts": [("", year)], "basis": _year_basis(graph, iri)}
    parts: list[tuple[str, str]] = []
    if span.basis == "asOf" and span.start is not None:  # attested for that day, not begun on it
        return {"parts": [("as of", span.start.isoformat())], "basis": _BASIS["asOf"]}
    if span.start is not None and span.start == span.end:
        parts.append(("", span.start.isoformat()))
    else:
        if span.start is not None:
            parts.append(("from" if span.end is None else "", span.start.isoformat()))
        if span.end is not None:
            parts.append(("until" if span.start is None else "to", span.end.isoformat()))
    return {"parts": parts, "basis": _BASIS.get(span.basis, span.basis)}


def conflicts(data: SiteData) -> list[str]:
    """The entities that are (asserted or entailed) ``ckg:Conflict``s."""
    cls = str(CKG.Conflict)
    return sorted(iri for iri, e in data.entities.items() if cls in e.classes or cls in e.entailed)


def _event_date(data: SiteData, graph: GraphLike, event: str, conflict: str) -> tuple[str, str]:
    """``(sort key / shown date, how it is known)`` for a timeline row."""
    for p in _STATED:
        for o in data.values(event, str(p)):
            if isinstance(o, ox.Literal):
                return o.value, "stated"
    for ref in data.values(event, str(CKG.timeReference)) + data.values(event, str(CKG.ongoingAt)):
        if isinstance(ref, ox.NamedNode):
            for o in data.values(ref.value, str(CKG.derivedDate)):
                if isinstance(o, ox.Literal):
                    return o.value, "derived"
    for o in data.values(event, str(CKG.statusAsOf)):  # as the timeline query gives it
        if isinstance(o, ox.Literal):
            return o.value, "status as of"
    span = span_of(graph, URIRef(event))
    if span.basis == "source" and span.start is not None:
        return "", f"reported {span.start.isoformat()}"  # no date of its own
    if _year_only(span) and span.start is not None:
        basis = _year_basis(graph, event)
        return str(span.start.year), "stated" if basis == "stated year" else "year of its status"
    if span.dated and span.start is not None:
        return span.start.isoformat(), _BASIS.get(span.basis, "derived")
    return _by_agreements(data, event, conflict)


def _by_agreements(data: SiteData, process: str, conflict: str) -> tuple[str, str]:
    """A process with no time of its own, dated by the first and last stated dates of its
    agreements in ``conflict`` (PA-X dates agreements, not processes, and files some of a
    process's agreements under other conflicts); ``("", "undated")`` without any."""
    in_conflict, node = str(CKG.inConflict), ox.NamedNode(conflict)
    days = sorted(
        o.value
        for agreement in data.subjects(str(CKG.peaceProcess), process)
        if node in data.values(agreement, in_conflict)
        for o in data.values(agreement, str(CKG.date))
        if isinstance(o, ox.Literal)
    )
    if not days:
        return "", "undated"
    shown = days[0] if days[0] == days[-1] else f"{days[0]} – {days[-1]}"
    count = len(days)
    return shown, (
        f"the first and last of its {count} dated agreements in this conflict"
        if count > 1
        else "the date of its only dated agreement in this conflict"
    )


def conflict_sections(data: SiteData, graph: GraphLike, iri: str, *, root: str) -> dict[str, Any]:
    """Timeline (derived dates marked), actors by role, agreements of the conflict ``iri``."""
    events = data.subjects(str(CKG.inConflict), iri)
    agreement = str(CKG.Agreement)
    timeline: list[dict[str, Any]] = []
    agreements: list[dict[str, Any]] = []
    roles: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for event in [iri, *events]:
        for p, o in data.entities[event].out if event in data.entities else []:
            if isinstance(o, ox.NamedNode) and str(CKG.Actor) in data.types(o.value):
                roles[p][o.value].add(event)
        if event == iri:
            continue
        when, how = _event_date(data, graph, event, iri)
        row = {"e": show_iri(data, event, root=root), "date": when, "how": how}
        (agreements if agreement in data.types(event) else timeline).append(row)
    timeline.sort(key=lambda r: (r["date"] == "", r["date"], r["e"]["text"]))
    agreements.sort(key=lambda r: (r["date"] == "", r["date"], r["e"]["text"]))
    by_role: list[dict[str, Any]] = []
    for p, actors in sorted(roles.items(), key=lambda kv: short(kv[0])):
        shown: list[dict[str, Any]] = []
        for a, where in sorted(actors.items(), key=lambda kv: (data.label(kv[0]), kv[0])):
            events = sorted(where - {iri}, key=lambda e: (data.label(e), e))  # ties: by IRI
            shown.append(
                {
                    "actor": show_iri(data, a, root=root),
                    "where": [show_iri(data, e, root=root) for e in events[:_WHERE]],
                    "more": max(0, len(events) - _WHERE),
                }
            )
        by_role.append({"role": show_iri(data, p, root=root), "actors": shown})
    return {"timeline": timeline, "roles": by_role, "agreements": agreements}


__all__ = ["conflict_sections", "conflicts", "label_items", "statements", "time_span"]
