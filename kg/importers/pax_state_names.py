"""Names PA-X itself gives a state that pycountry does not know.

pycountry names Türkiye only "Türkiye"; PA-X writes "Turkey" in its texts, and its
``Con`` column names the one location of agreement 2755 "Turkey/(Kurds-Kurdistan)"
where its ``Loc1ISO`` gives TUR. An agreement with one location and one country in
its ``Con`` (the bracketed parts are regions) so ties that name to that ISO 3166-1
code: a name the dataset gives, not one the importer knows, once it begins as one of
pycountry's names for that code does ("Turk…"; PA-X locates "Kosovo" by Serbia's SRB,
which does not make "Kosovo" a name of Serbia). A name tied to two codes is dropped, and
one pycountry already knows adds nothing.

Examples
--------
>>> from kg.importers.states import StateIndex
>>> row = {"Con": "Turkey/(Kurds-Kurdistan)", "Loc1ISO": "TUR", "Loc2ISO": ""}
>>> state_names([("2755", row)], StateIndex.default())
{'Turkey': ('TUR', ('2755',))}
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

import pycountry
from rdflib import RDF, SKOS, Graph, Literal, URIRef

from kg.importers.inference import add_inference
from kg.importers.patterns import CKG, slug
from kg.importers.states import StateIndex

_PLAIN = re.compile(r"[A-Z][^\W\d_]*(?:[ '’-][^\W\d_]+)*")
"""A country's name as words, no brackets or figures ("Turkey", not "Yugoslavia (former)")."""

REASON = (
    "PA-X gives {agreements} one location, whose ISO 3166-1 code (Loc1ISO) is {code}, and "
    "names it '{name}' in its Con column, a name that begins as pycountry's '{iso_name}' "
    "does; so the importer reads '{name}' in PA-X's texts as that state."
)
"""Why the importer takes a name PA-X gives a state for that state (its inference)."""


def state_names(
    rows: Iterable[tuple[str, Mapping[str, str]]], states: StateIndex
) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Name → (alpha-3 code, the AgtIds that tie them) for each name PA-X gives a state.

    Parameters
    ----------
    rows : iterable of (str, mapping)
        (AgtId, the row's fields) pairs; ``Con``, ``Loc1ISO`` and ``Loc2ISO`` are read.
    states : StateIndex
        What is known already: a name it finds is no new name.

    Returns
    -------
    dict
        Only names tied to one code, in the order of the file.
    """
    codes: dict[str, set[str]] = defaultdict(set)
    agreements: dict[str, list[str]] = defaultdict(list)
    for agt_id, fields in rows:
        located = [c for c in (fields.get("Loc1ISO", ""), fields.get("Loc2ISO", "")) if c.strip()]
        countries = [
            p.strip() for p in (fields.get("Con") or "").split("/") if p.strip()[:1] not in "("
        ]
        if len(located) != 1 or len(countries) != 1:
            continue
        name, code = countries[0], located[0].strip()
        if not _PLAIN.fullmatch(name) or states.find(name) or not _begins_as(name, code):
            continue
        codes[name].add(code)
        agreements[name].append(agt_id)
    return {
        name: (next(iter(found)), tuple(agreements[name]))
        for name, found in codes.items()
        if len(found) == 1
    }


def _begins_as(name: str, code: str) -> bool:
    """Does ``name`` begin as a word of one of pycountry's names for ``code`` does (its
    first four letters, accents aside: "Turkey", "Türkiye")? PA-X also locates places
    that have no code of their own by the code of the state they are in ("Kosovo", SRB):
    such a name is no name of that state."""
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return False
    given = (
        getattr(country, attribute, "") or ""
        for attribute in ("name", "official_name", "common_name")
    )
    words = {slug(word)[:4] for text in given for word in str(text).split() if len(word) >= 4}
    return slug(name)[:4] in words


def attest_state_names(
    graph: Graph,
    names: Mapping[str, tuple[str, tuple[str, ...]]],
    *,
    record: Callable[[str], URIRef],
) -> None:
    """Give each state of ``graph`` minted under its ISO code a name PA-X gives it
    (``skos:altLabel``), attested by the importer's inference from the records that tie
    them, when those records are in ``graph`` (the rows imported).

    ``record(agt_id)`` is the IRI of an agreement's record
    (:meth:`kg.importers.pax_rdf.PaxGraph.record_iri`).
    """
    for name, (code, agreements) in sorted(names.items()):
        records = [record(a) for a in agreements]
        states = [
            s
            for s in graph.subjects(SKOS.notation, Literal(code))
            if isinstance(s, URIRef) and (s, RDF.type, CKG.State) in graph
        ]
        if len(states) != 1 or not all((r, RDF.type, None) in graph for r in records):
            continue
        graph.add((states[0], SKOS.altLabel, Literal(name, lang="en")))
        add_inference(
            graph,
            f"state-name-{slug(name)}",
            label=f"'{name}' is PA-X's name for the state with ISO 3166-1 code {code}",
            reason=REASON.format(
                agreements=("agreement " if len(agreements) == 1 else "agreements ")
                + ", ".join(agreements),
                code=code,
                name=name,
                iso_name=getattr(pycountry.countries.get(alpha_3=code), "name", code),
            ),
            used=records,
            subject=states[0],
            predicates=[SKOS.altLabel],
        )


__all__ = ["REASON", "attest_state_names", "state_names"]
