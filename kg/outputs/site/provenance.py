"""The evidence shown beside a statement: quotations, the text around them, the reporting chain.

A quotation (``ckg:Quotation``) is quoted from a document (``prov:wasQuotedFrom``)
at a sentence index (``ckg:sentenceIndex``); the text around it is the
document's neighbouring quotations. A quotation's reporting chain is its
document, then the ``ckg:citesSource`` links that lead to the statement or report
the quotation is attributed to (``ckg:attributedTo``): not everything the
document cites.

Examples
--------
>>> import pyoxigraph as ox
>>> from rdflib import Graph
>>> from kg.outputs.site.model import read_site_data
>>> Evidence(read_site_data(ox.Store(), Graph())).quotations_of("urn:x")
[]
"""

from __future__ import annotations

from collections import defaultdict, deque
from typing import Any

import pyoxigraph as ox
from markupsafe import Markup

from kg import CKG
from kg.outputs.site.model import SiteData
from kg.outputs.site.terms import link_html, show_iri

PROV_QUOTED = "http://www.w3.org/ns/prov#wasQuotedFrom"
ATTESTED = str(CKG.attestedBy)
_CONTEXT = 1
NOT_STATEMENTS = frozenset(
    {
        ATTESTED,
        "http://www.w3.org/2004/02/skos/core#editorialNote",
        "http://www.w3.org/2004/02/skos/core#scopeNote",
        "http://www.w3.org/2004/02/skos/core#note",
        "http://www.w3.org/2000/01/rdf-schema#comment",
    }
)
"""Evidence links and the curators' notes: no evidence is shown beside them."""
SHOWN = 10
"""At most this many of a subject's sources are listed beside one statement."""


def _int(terms: list[Any]) -> int | None:
    for t in terms:
        if isinstance(t, ox.Literal):
            try:
                return int(t.value)
            except ValueError:
                return None
    return None


def _text(data: SiteData, iri: str, predicate: str) -> tuple[str, str | None] | None:
    for t in data.values(iri, predicate):
        if isinstance(t, ox.Literal):
            return t.value, t.language
    return None


class Evidence:
    """Quotations and reporting chains over :class:`~kg.outputs.site.model.SiteData`."""

    def __init__(self, data: SiteData) -> None:
        self.data = data
        self._quotes: dict[tuple[str, str], dict[str, Any]] = {}
        self._backing: dict[tuple[str, str], Markup] = {}
        self._by_doc: dict[str, dict[int, str]] = defaultdict(dict)
        for iri, entity in data.entities.items():
            for p, o in entity.out:
                if p == PROV_QUOTED and isinstance(o, ox.NamedNode):
                    index = _int(data.values(iri, str(CKG.sentenceIndex)))
                    if index is not None:
                        self._by_doc[o.value][index] = iri

    def quotations_of(self, iri: str) -> list[str]:
        """The quotations attesting ``iri`` (its ``ckg:attestedBy``), sorted."""
        return sorted(
            o.value for o in self.data.values(iri, ATTESTED) if isinstance(o, ox.NamedNode)
        )

    def backing(self, iri: str, *, root: str) -> Markup:
        """Links to the quotations attesting ``iri``, comma-separated (memoised)."""
        key = (iri, root)
        found = self._backing.get(key)
        if found is None:
            evidence = self.quotations_of(iri)
            links = [link_html(self.data, q, root=root) for q in evidence[:SHOWN]]
            if len(evidence) > SHOWN:
                links.append(Markup(f"and {len(evidence) - SHOWN} more"))
            found = self._backing[key] = Markup(", ").join(links)
        return found

    def for_statement(self, subject: str, predicate: str, obj: Any, *, root: str) -> Markup:
        """The evidence of one statement: its attestations', else what attests its subject.

        The attestations that name the statement (``ckg:Attestation``) give their
        quotations, records and inferences; a statement none names (the PA-X
        dataset-record rule, data curated per instance) shows its subject's
        ``ckg:attestedBy``, at most :data:`SHOWN` of them. A ``ckg:attestedBy``
        statement is evidence itself, and a note the curators' own words: they show none.
        """
        if predicate in NOT_STATEMENTS:
            return Markup("")
        value = obj.value if isinstance(obj, (ox.NamedNode, ox.Literal)) else None
        found = self.data.attestations.evidence(subject, predicate, value)
        if not found:
            return self.backing(subject, root=root)
        parts = [
            Markup("inference: ") + link_html(self.data, ev, root=root)
            if kind == "inference"
            else link_html(self.data, ev, root=root)
            for kind, ev in found
        ]
        return Markup(", ").join(parts)

    def chain_to(self, doc: str, targets: list[str], *, root: str) -> list[dict[str, Any]]:
        """The reporting chain of one quotation: ``doc``, then the shortest path of
        ``ckg:citesSource`` links to each report or statement the quotation is
        attributed to (``targets``); one the document does not cite is named as the
        quotation's attribution. Without targets, the document alone."""
        parents: dict[str, str | None] = {doc: None}
        queue: deque[str] = deque([doc])
        while queue:
            current = queue.popleft()
            for o in self.data.values(current, str(CKG.citesSource)):
                if isinstance(o, ox.NamedNode) and o.value not in parents:
                    parents[o.value] = current
                    queue.append(o.value)
        out: list[dict[str, Any]] = [{"doc": show_iri(self.data, doc, root=root), "via": None}]
        shown = {doc}
        for target in targets:
            path = [target]  # one the document does not cite: the attribution alone
            while (parent := parents.get(path[-1])) is not None and parent not in shown:
                path.append(parent)
            for step in reversed([s for s in path if s not in shown]):
                cited_by = parents.get(step)
                via = self.data.label(cited_by) if cited_by else "the quotation's attribution"
                out.append({"doc": show_iri(self.data, step, root=root), "via": via})
                shown.add(step)
        return out

    def quotation(self, q: str, *, root: str) -> dict[str, Any]:
        """Everything a page shows of one quotation (memoised: quotations attest many things)."""
        key = (q, root)
        if key not in self._quotes:
            self._quotes[key] = self._quotation(q, root=root)
        return self._quotes[key]

    def _quotation(self, q: str, *, root: str) -> dict[str, Any]:
        data = self.data
        docs = [o.value for o in data.values(q, PROV_QUOTED) if isinstance(o, ox.NamedNode)]
        index = _int(data.values(q, str(CKG.sentenceIndex)))
        before: list[tuple[str, str | None]] = []
        after: list[tuple[str, str | None]] = []
        if docs and index is not None:
            sentences = self._by_doc.get(docs[0], {})
            for k in range(index - _CONTEXT, index):
                if k in sentences and (t := _text(data, sentences[k], str(CKG.quote))):
                    before.append(t)
            for k in range(index + 1, index + 1 + _CONTEXT):
                if k in sentences and (t := _text(data, sentences[k], str(CKG.quote))):
                    after.append(t)
        targets = sorted(
            o.value for o in data.values(q, str(CKG.attributedTo)) if isinstance(o, ox.NamedNode)
        )
        attributed = [show_iri(data, target, root=root) for target in targets]
        return {
            "link": show_iri(data, q, root=root),
            "anchor": "q-" + data.entities[q].name if q in data.entities else "",
            "quote": _text(data, q, str(CKG.quote)),
            "translation": _text(data, q, str(CKG.translation)),
            "index": index,
            "before": before,
            "after": after,
            "attributed": attributed,
            "chain": self.chain_to(docs[0], targets, root=root) if docs else [],
        }


__all__ = ["Evidence"]
