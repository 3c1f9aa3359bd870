"""How a resolved mention takes part in an agreement: its role properties, office
holdings, and the rule that a party does not also mediate.

Examples
--------
>>> m = Mention("ThrdPart", "X", "witness")
>>> [p.rsplit("#", 1)[1] for p in role_properties(m)]
['thirdParty', 'witnessedBy']
"""

from __future__ import annotations

import datetime as dt

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef

from kg.importers.mentions import Mention
from kg.importers.patterns import CKG, ID
from kg.importers.person_initials import HOW as INITIALS
from kg.importers.person_initials import attest_holder
from kg.importers.reconcile import Match, Resolution, Resolver

ROLE_PROPERTIES = {
    "signatory": (CKG.signatory, CKG.party),
    "party": (CKG.party,),
    "addressee": (CKG.party,),
    "thirdParty": (CKG.thirdParty,),
    "mediator": (CKG.thirdParty, CKG.mediatedBy),
    "facilitator": (CKG.thirdParty, CKG.mediatedBy, CKG.facilitatedBy),
    "co-chair": (CKG.thirdParty, CKG.coChairedBy),
    "witness": (CKG.thirdParty, CKG.witnessedBy),
    "guarantor": (CKG.thirdParty, CKG.guaranteedBy),
    "observer": (CKG.thirdParty, CKG.observedBy),
}
"""Properties an actor gets, by the role its mention gives it (ckg:AgreementRoles).

Only a mediator or facilitator is ``ckg:mediatedBy``; super-properties are stated
too, so that queries without inference find them.
"""
THIRD_PARTY_ADDRESSEE = (CKG.thirdParty,)


def role_properties(mention: Mention) -> tuple[URIRef, ...]:
    """The properties a resolved mention gives its actors, for all its roles.

    Examples
    --------
    >>> m = Mention("ThrdPart", "X", "guarantor", roles=("guarantor", "witness"))
    >>> [p.rsplit("#", 1)[1] for p in role_properties(m)]
    ['thirdParty', 'guaranteedBy', 'witnessedBy']
    """
    if mention.column == "ThrdPart" and mention.role == "addressee":
        return THIRD_PARTY_ADDRESSEE
    props: dict[URIRef, None] = {}
    for role in mention.roles:
        props.update(dict.fromkeys(ROLE_PROPERTIES[role]))
    return tuple(props)


def office_holdings(
    graph: Graph,
    resolver: Resolver,
    res: Resolution,
    date: dt.date,
    rec: URIRef,
    *,
    agt_id: str = "",
) -> set[URIRef]:
    """Record "The President of Azerbaijan Ilham Aliyev" as an office holding.

    A curated person named with offices acts in an office: the office gets the
    agreement role, never the person. The person holds the office as of ``date``
    when the mention names one office, or several of which the curated data says
    the person holds one. Returns the persons to leave out of the roles. A person
    named by initials (:mod:`kg.importers.person_initials`) holds it by the
    importer's inference from PA-X record ``agt_id``.
    """
    persons = [m for m in res.matches if resolver.kind.get(m.iri) == CKG.Person]
    offices = [m for m in res.matches if m.how == "office"]
    if not persons or not offices:
        return set()
    for person in persons:
        held = [o for o in offices if (person.iri, o.iri) in resolver.held]
        chosen = offices if len(offices) == 1 else held
        if len(persons) == 1 and len(chosen) == 1:
            holding = _add_holding(graph, resolver, person.iri, chosen[0], date, rec)
            if person.how == INITIALS:  # that the initials are this person is inferred
                attest_holder(
                    graph,
                    holding=holding,
                    person=resolver.labels.get(person.iri, str(person.iri)),
                    text=res.mention.text,
                    agt_id=agt_id,
                    record=rec,
                )
    return {p.iri for p in persons}


def _add_holding(
    graph: Graph, resolver: Resolver, person: URIRef, office: Match, date: dt.date, rec: URIRef
) -> URIRef:
    office_label = resolver.labels.get(office.iri) or next(
        (n.label for n in office.new if n.iri == office.iri), str(office.iri)
    )
    person_label = resolver.labels.get(person, str(person))
    local = f"{person.rsplit('/', 1)[-1]}-{office.iri.rsplit('/', 1)[-1]}"
    day = date.isoformat()
    holding = ID[f"holding-{local}-{day}"]
    graph.add((holding, RDF.type, CKG.OfficeHolding))
    label = f"{person_label}, {office_label} (as of {day})"
    graph.add((holding, RDFS.label, Literal(label, lang="en")))
    graph.add((holding, CKG.holder, person))
    graph.add((holding, CKG.office, office.iri))
    graph.add((holding, CKG.asOf, Literal(day, datatype=XSD.date)))
    graph.add((holding, CKG.attestedBy, rec))
    return holding


def parties_do_not_mediate(graph: Graph, agt: URIRef) -> None:
    """A party the text also names as mediator stays a party and a third party only.

    A mediator stands between the parties (the project's ``mediator-is-party``
    check); when one text gives an actor both roles ("for the Government …" as a
    signatory and under "Facilitator"), the signature is the firmer statement.
    """
    for party in list(graph.objects(agt, CKG.party)):
        for prop in (CKG.mediatedBy, CKG.facilitatedBy):
            graph.remove((agt, prop, party))


__all__ = [
    "ROLE_PROPERTIES",
    "THIRD_PARTY_ADDRESSEE",
    "office_holdings",
    "parties_do_not_mediate",
    "role_properties",
]
