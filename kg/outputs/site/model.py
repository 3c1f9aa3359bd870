"""What the site shows, read from the build's store in one pass: entities, labels, statements.

:func:`read_site_data` indexes the default graph (asserted ontology + data) and
the named graph of entailed triples (:data:`kg.outputs.entailment.ENTAILED_GRAPH`):
every typed IRI that is not an ontology term is an *entity* and gets a page;
its statements are kept both ways (``out``: it is the subject, ``inc``: it is
the object). Provenance follows :mod:`kg.sparql.why`'s rule: a statement
``S P O`` is backed by the quotations that attest ``S`` (``ckg:attestedBy``).

Examples
--------
>>> import pyoxigraph as ox
>>> from rdflib import Graph
>>> data = read_site_data(ox.Store(), Graph())
>>> len(data.entities)
0
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg import CKG
from kg.outputs.entailment import ENTAILED_GRAPH
from kg.outputs.site.attestations import AttestationIndex, read_attestations
from kg.outputs.site.names import local_name, page_names

Term = ox.NamedNode | ox.BlankNode | ox.Literal
LABELS = (str(RDFS.label), str(SKOS.prefLabel), str(SKOS.altLabel))
_TYPE = str(RDF.type)
_QUOTE = str(CKG.quote)
_STATEMENT = (str(CKG.statementSubject), str(CKG.statementPredicate), str(CKG.statementObject))
_DIGITS = re.compile(r"(\d+)")


@dataclass
class Entity:
    """One page's subject: its labels, classes and statements."""

    iri: str
    name: str
    labels: list[tuple[str, str | None, str]] = field(default_factory=list)
    """``(text, language or None, label property IRI)``."""
    classes: list[str] = field(default_factory=list)
    entailed: list[str] = field(default_factory=list)
    out: list[tuple[str, Term]] = field(default_factory=list)
    inc: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class SiteData:
    """The indexed graph: entities by IRI, and what is needed to link and label terms."""

    entities: dict[str, Entity]
    ontology: Graph
    own_terms: set[str]
    entailed_count: int = 0
    """How many triples the named graph of entailed triples holds."""
    attestations: AttestationIndex = field(default_factory=AttestationIndex)
    """Statement-level evidence (``ckg:Attestation``), by subject and predicate."""
    super_properties: dict[str, frozenset[str]] = field(default_factory=dict)
    """Each ontology property's super-properties (``rdfs:subPropertyOf``, transitively)."""

    _labels: dict[tuple[str, str], tuple[str, str | None]] = field(default_factory=dict)
    """Memo of :meth:`label`: ``(iri, lang) -> (text, the language of that text)``."""
    shown: dict[tuple[str, str], dict[str, str | None]] = field(default_factory=dict)
    """Memo of :func:`kg.outputs.site.terms.show_iri`: ``(iri, root) -> shown term``."""
    html: dict[tuple[str, str], Any] = field(default_factory=dict)
    """Memo of :func:`kg.outputs.site.terms.link_html`: ``(iri, root) -> Markup``."""

    def label(self, iri: str, *, lang: str = "en") -> str:
        """English label, else any label, else the IRI's last segment (memoised)."""
        return self._labelled(iri, lang)[0]

    def label_language(self, iri: str) -> str | None:
        """The language of :meth:`label`'s text when it is not English (a quotation's, an
        Indonesian-only name), for the ``lang`` of the element that shows it."""
        if iri not in self.entities:
            return None
        found = self._labelled(iri, "en")[1]
        return None if found in (None, "en") else found

    def _labelled(self, iri: str, lang: str) -> tuple[str, str | None]:
        key = (iri, lang)
        found = self._labels.get(key)
        if found is None:
            found = self._labels[key] = self._label(iri, lang)
        return found

    def _attested(self, entity: Entity) -> str:
        """An unlabelled attestation named after the statement it attests ("attestation:
        Process 1990s · in conflict · Nagorno-Karabakh conflict"; without an object, the
        subject's values of each predicate: "… · in conflict: Nagorno-Karabakh conflict;
        territory: Nagorno-Karabakh"), else ``""``."""
        subject, predicates, objects = (
            sorted(o.value for p, o in entity.out if p == key and isinstance(o, ox.NamedNode))
            for key in _STATEMENT
        )
        if not subject:
            return ""
        head = "attestation: " + ", ".join(self.label(s) for s in subject) + " · "
        if objects:
            named = ", ".join(self.label(p) for p in predicates)
            return head + named + " · " + ", ".join(self.label(o) for o in objects)
        return head + "; ".join(self._predicate_values(subject, p) for p in predicates)

    def _predicate_values(self, subjects: list[str], predicate: str) -> str:
        """ "in conflict: Nagorno-Karabakh conflict": a predicate and the labels of the IRIs
        ``subjects`` have as its values (the predicate alone when they have none)."""
        values = sorted(self._values_named(subjects, predicate))
        return f"{self.label(predicate)}: {', '.join(values)}" if values else self.label(predicate)

    def _values_named(self, subjects: list[str], predicate: str) -> list[str]:
        """The labels of the IRIs ``subjects`` have as values of ``predicate``."""
        return [
            self.label(o.value)
            for s in subjects
            for o in self.values(s, predicate)
            if isinstance(o, ox.NamedNode)
        ]

    def _label(self, iri: str, lang: str) -> tuple[str, str | None]:
        entity = self.entities.get(iri)
        if entity is not None and entity.labels:
            main = [t for t, lng, p in entity.labels if p == LABELS[0]] or [
                t for t, _, _ in entity.labels
            ]
            preferred = [t for t, lng, p in entity.labels if lng == lang and p == LABELS[0]]
            text = min(preferred) if preferred else min(main)
            return text, next(lng for t, lng, _ in entity.labels if t == text)
        if entity is not None:  # no label: an attestation is named after its statement,
            attested = self._attested(entity)  # a quotation after its first words
            if attested:
                return attested, None
            quote = [o for p, o in entity.out if p == _QUOTE and isinstance(o, ox.Literal)]
            if quote:
                first = min(quote, key=lambda o: o.value)
                words = first.value
                text = words if len(words) <= 60 else words[:59].rstrip() + "…"
                return "“" + text + "”", first.language
        term = URIRef(iri)
        found = [
            str(o)
            for o in self.ontology.objects(term, RDFS.label)
            if getattr(o, "language", None) == lang
        ]
        return (min(found), lang) if found else (local_name(iri), None)

    def values(self, iri: str, predicate: str) -> list[Term]:
        """The objects of ``iri predicate ?o`` in the data."""
        entity = self.entities.get(iri)
        return [o for p, o in entity.out if p == predicate] if entity else []

    def subjects(self, predicate: str, iri: str) -> list[str]:
        """The subjects of ``?s predicate iri`` in the data."""
        entity = self.entities.get(iri)
        return [s for p, s in entity.inc if p == predicate] if entity else []

    def types(self, iri: str) -> set[str]:
        """Asserted and entailed classes of ``iri``."""
        entity = self.entities.get(iri)
        return set(entity.classes) | set(entity.entailed) if entity else set()


def _own_terms(ontology: Graph) -> set[str]:
    own = {str(s) for s in ontology.subjects() if isinstance(s, URIRef)}
    return own


def _index_default(store: ox.Store, own: set[str]) -> tuple[dict[str, Any], ...]:
    """Classes, labels, outgoing and incoming statements of every subject outside the ontology.

    IRIs and predicates are interned: a hub's IRI and each predicate are held once,
    not once per triple (a graph of a million triples).
    """
    out: dict[str, list[tuple[str, Term]]] = defaultdict(list)
    inc: dict[str, list[tuple[str, str]]] = defaultdict(list)
    labels: dict[str, list[tuple[str, str | None, str]]] = defaultdict(list)
    classes: dict[str, list[str]] = defaultdict(list)
    intern = sys.intern
    for quad in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        s, o = quad.subject, quad.object
        if not isinstance(s, ox.NamedNode):
            continue
        subject = intern(s.value)
        if subject in own:
            continue
        p = intern(quad.predicate.value)
        if p == _TYPE and isinstance(o, ox.NamedNode):
            classes[subject].append(intern(o.value))
            continue
        if p in LABELS and isinstance(o, ox.Literal):
            labels[subject].append((o.value, o.language, p))
        if isinstance(o, ox.Triple):
            continue
        out[subject].append((p, o))
        if isinstance(o, ox.NamedNode):
            inc[intern(o.value)].append((p, subject))
    return classes, labels, out, inc


def read_site_data(store: ox.Store, ontology: Graph) -> SiteData:
    """Index ``store`` for the site (one pass over the default graph, one over the entailed one)."""
    own = _own_terms(ontology)
    classes, labels, out, inc = _index_default(store, own)
    entailed: dict[str, list[str]] = defaultdict(list)
    graph = ox.NamedNode(ENTAILED_GRAPH)
    count = 0
    for quad in store.quads_for_pattern(None, None, None, graph):
        count += 1
        s, p, o = quad.subject, quad.predicate.value, quad.object
        if isinstance(s, ox.NamedNode) and p == _TYPE and isinstance(o, ox.NamedNode):
            entailed[s.value].append(o.value)
    names = page_names(classes)
    entities = {
        iri: Entity(
            iri,
            names[iri],
            sorted(labels.get(iri, [])),
            sorted(set(cls)),
            sorted(set(entailed.get(iri, [])) - set(cls)),
            sorted(out.pop(iri, []), key=lambda po: (po[0], natural(str(po[1])))),
            sorted(inc.pop(iri, []), key=lambda ps: (ps[0], natural(ps[1]))),
        )
        for iri, cls in classes.items()
    }
    return SiteData(
        entities,
        ontology,
        own,
        entailed_count=count,
        attestations=read_attestations(store),
        super_properties=super_properties(ontology),
    )


def super_properties(ontology: Graph) -> dict[str, frozenset[str]]:
    """Each property's super-properties in ``ontology``, transitively, itself excluded.

    >>> g = Graph().add((URIRef("urn:a"), RDFS.subPropertyOf, URIRef("urn:b")))
    >>> super_properties(g)["urn:a"]
    frozenset({'urn:b'})
    """
    subs = {s for s in ontology.subjects(RDFS.subPropertyOf, None) if isinstance(s, URIRef)}
    return {
        str(sub): frozenset(
            str(sup)
            for sup in ontology.transitive_objects(sub, RDFS.subPropertyOf)
            if isinstance(sup, URIRef) and sup != sub
        )
        for sub in subs
    }


def natural(text: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key that orders the numbers in ``text`` as numbers: record 145 before 1398.

    >>> sorted(["id/pax-agreement-1398", "id/pax-agreement-145"], key=natural)
    ['id/pax-agreement-145', 'id/pax-agreement-1398']
    """
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in _DIGITS.split(text))


def is_ckg(iri: str) -> bool:
    """Whether ``iri`` is an ontology term (``ckg:``)."""
    return iri.startswith(str(CKG))


__all__ = ["LABELS", "Entity", "SiteData", "Term", "is_ckg", "natural", "read_site_data"]
