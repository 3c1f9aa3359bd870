"""Turn PA-X rows into RDF: agreements, their actors, process, conflict and source.

Each row becomes ``id:agreement-pax-<AgtId>`` (a ``ckg:Agreement``; also a
``ckg:Ceasefire`` at stage ``Cea``) attested by the PA-X record
``id:pax-agreement-<AgtId>`` (a ``ckg:DatabaseRecord`` with the agreement's page as
``schema:url``, part of the database ``id:src-pax``). Stage, sub-stage, agreement
type, status and conflict type are SKOS concepts of PA-X's schemes, labelled with
PA-X's own label columns. Resolved actors get their role in the agreement
(``ckg:signatory`` and ``ckg:party``, ``ckg:thirdParty``, ``ckg:mediatedBy``,
``ckg:witnessedBy``, ``ckg:guaranteedBy``); unresolved mentions stay as text.
Actors the importer mints cite the PA-X records that name them.

Examples
--------
>>> b = PaxGraph(Resolver.from_graph(Graph()))
>>> str(b.agreement_iri("2322"))
'https://w3id.org/conflict-kg/id/agreement-pax-2322'
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from kg.importers.inference import add_attestation, add_inference
from kg.importers.location_government import HOW as LOCATION
from kg.importers.location_government import (
    attest_roles,
    location_by_initials,
    location_code,
    location_codes,
    names_bare_government,
)
from kg.importers.matches import Match
from kg.importers.mentions import Mention, split_mentions
from kg.importers.pax import PaxRow, crosswalk_id
from kg.importers.pax_conflicts import (
    CON_NOTE,
    UCDP_NOTE,
    CuratedConflict,
    attest_curated_conflict,
    curated_conflicts,
)
from kg.importers.pax_source import (
    CITATION,
    COLUMNS,
    CONCEPTS,
    IDS,
    MINT_NOTES,
    PAXV,
    SCHEMA,
    SOURCE,
    code_segment,
    source_graph,
)
from kg.importers.reconcile import CKG, ID, NewActor, Resolution, Resolver, slug
from kg.importers.roles import office_holdings, parties_do_not_mediate, role_properties
from kg.importers.states import preferred_name
from kg.importers.titles import agreement_names

ISO_CODE_REASON = (
    "The PA-X record names the state in its text but does not give its code: PA-X gives "
    "ISO codes only for an agreement's location (Loc1ISO, Loc2ISO). The importer identifies "
    "the name with the ISO 3166-1 country pycountry gives for it and records that country's "
    "alpha-3 code."
)


class PaxGraph:
    """Accumulate the RDF of PA-X rows; ``add_row`` returns the row's resolutions.

    ``conflicts`` (UCDP id → curated conflict) makes the agreements of a UCDP conflict
    the curators identified part of the curated conflict, not of a minted one.
    ``conflict_names`` (UCDP id → the ``Con`` it is named after,
    :func:`kg.importers.pax_conflicts.conflict_names` of every row read) names the
    conflicts minted for UCDP ids; without it, a conflict is named after its first row.
    ``names`` (AgtId → names and their languages, :func:`kg.importers.titles.agreement_names`
    of every row read) labels each agreement in its name's language; without it, a
    row's names are told from that row alone.
    """

    def __init__(
        self,
        resolver: Resolver,
        *,
        conflicts: Mapping[str, CuratedConflict] | None = None,
        names: Mapping[str, list[tuple[str, str]]] | None = None,
        conflict_names: Mapping[str, str] | None = None,
    ) -> None:
        self.resolver = resolver
        self.conflicts = dict(conflicts or {})
        self.conflict_names = dict(conflict_names or {})  # UCDP id -> its name's Con
        self.names = dict(names or {})  # AgtId -> its names and their languages
        self.graph = source_graph()

    @staticmethod
    def agreement_iri(agt_id: str) -> URIRef:
        """The agreement of PA-X id ``agt_id``."""
        return ID[f"agreement-pax-{agt_id}"]

    @staticmethod
    def record_iri(agt_id: str) -> URIRef:
        """The PA-X record of agreement ``agt_id``."""
        return ID[f"pax-agreement-{agt_id}"]

    def _record(self, row: PaxRow) -> URIRef:
        g, rec = self.graph, self.record_iri(row.agt_id)
        g.add((rec, RDF.type, CKG.DatabaseRecord))
        g.add((rec, RDFS.label, Literal(f"PA-X agreement record {row.agt_id}", lang="en")))
        g.add((rec, SCHEMA.url, URIRef(row.get("PAX_Hyperlink"))))
        g.add((rec, DCTERMS.isPartOf, SOURCE))
        g.add((rec, CKG.citesSource, SOURCE))
        return rec

    def _concept(self, scheme: URIRef, path: str, code: str, label: str, rec: URIRef) -> URIRef:
        """PA-X's concept of ``code``, attested by each record whose code and label give it."""
        segment = (slug(code) if path in ("status", "conflict-type") else "") or code_segment(code)
        iri = PAXV[f"{path}/{segment}"]
        g = self.graph
        g.add((iri, RDF.type, SKOS.Concept))
        g.add((iri, CKG.attestedBy, rec))
        g.add((iri, SKOS.inScheme, scheme))
        g.add((iri, SKOS.notation, Literal(code)))
        g.add((iri, SKOS.prefLabel, Literal(label, lang="en")))
        return iri

    def _attested(
        self, node: URIRef, rec: URIRef, cls: URIRef, label: str, lang: str = "en"
    ) -> None:
        g = self.graph
        g.add((node, RDF.type, cls))
        g.add((node, CKG.attestedBy, rec))
        if (node, RDFS.label, None) not in g:
            g.add((node, RDFS.label, Literal(label, lang=lang)))

    def _conflict(self, row: PaxRow, agt: URIRef, rec: URIRef) -> tuple[URIRef | None, str]:
        """The agreement's conflict and the column that gives it: the conflict of its
        UCDP id (the curated one, else one minted for the id), else PA-X's ``Con``."""
        g = self.graph
        con = " ".join(row.get("Con").split())
        ucdp = crosswalk_id(row.get("UcdpCon"))  # digits or "": read_pax refuses the rest
        known = self.conflicts.get(ucdp)
        if known is not None:
            g.add((known.iri, CKG.attestedBy, rec))
            if con:
                g.add((known.iri, SKOS.altLabel, Literal(con, lang="en")))
            for territory in known.territories:
                g.add((agt, CKG.territory, territory))
            attest_curated_conflict(g, agreement=agt, record=rec, ucdp=ucdp, known=known)
            return known.iri, "UcdpCon"
        if ucdp:
            conflict = ID[f"ucdp-conflict-{ucdp}"]
            name = self.conflict_names.get(ucdp) or con
            label = f"{name} (UCDP conflict {ucdp})" if name else f"UCDP conflict {ucdp}"
            self._attested(conflict, rec, CKG.Conflict, label)
            g.add((conflict, CKG.ucdpId, Literal(ucdp)))
            g.set((conflict, SKOS.editorialNote, Literal(UCDP_NOTE.format(ucdp=ucdp), lang="en")))
            if con:
                g.add((conflict, SKOS.altLabel, Literal(con, lang="en")))
            return conflict, "UcdpCon"
        if not slug(con):
            return None, ""
        conflict = ID[f"pax-conflict-{slug(con)}"]
        self._attested(conflict, rec, CKG.Conflict, con)
        g.set((conflict, SKOS.editorialNote, Literal(CON_NOTE, lang="en")))
        return conflict, "Con"

    def _context(self, row: PaxRow, agt: URIRef, rec: URIRef) -> None:
        g = self.graph
        conflict, field = self._conflict(row, agt, rec)
        if conflict is not None:  # its type is the agreement's (Contp, in CONCEPTS)
            g.add((agt, CKG.inConflict, conflict))
        pp = crosswalk_id(row.get("PP"))
        if pp:
            process = ID[f"pax-process-{pp}"]
            name = " ".join(row.get("PPName").split()) or pp
            self._attested(process, rec, CKG.PeaceProcess, name)
            g.add((process, CKG.paxProcessId, Literal(pp)))
            g.add((agt, CKG.peaceProcess, process))
            if conflict is not None:  # by the records whose row gives it, not all of them
                g.add((process, CKG.inConflict, conflict))
                add_attestation(
                    g,
                    ID[f"attestation-pax-process-{pp}-{conflict.rsplit('/', 1)[-1]}"],
                    subject=process,
                    predicates=[CKG.inConflict],
                    obj=conflict,
                    record=rec,
                    field=field,
                )

    def _mint(self, new: NewActor, rec: URIRef) -> None:
        g = self.graph
        if new.iri in self.resolver.subjects:
            return
        first = (new.iri, RDF.type, new.cls) not in g
        self._attested(new.iri, rec, new.cls, new.label, new.label_language)
        if first:
            note = new.note or MINT_NOTES[new.cls]
            g.add((new.iri, SKOS.editorialNote, Literal(note, lang="en")))
            for p, o in new.links:
                g.add((new.iri, p, o))

    def _with_location_government(
        self, res: Resolution, codes: list[str], single: str | None
    ) -> Resolution:
        """``res`` and, when its mention names "the Government" of no state (as a heading,
        or beside another party: "Gobierno Nacional, FARC-EP") and the agreement has
        one location (``single``), that state; or the one of the locations ``codes`` whose initials
        name its government ("GoN", "UK government"); by the importer's inference."""
        text = res.mention.match_text
        code = location_by_initials(text, codes)
        if code is None and single and names_bare_government(text, self.resolver.states):
            code = single
        if code is None:
            return res
        state = self.resolver.state(code, LOCATION, 0.6)
        if any(m.iri == state.iri for m in res.matches):
            return res
        return Resolution(res.mention, (*res.matches, state))

    def _actors(self, row: PaxRow, agt: URIRef, rec: URIRef) -> list[Resolution]:
        g, out = self.graph, []
        codes, single = location_codes(row), location_code(row)
        added: list[tuple[URIRef, Match, str]] = []
        for column, text_prop, mention_prop in COLUMNS:
            raw = row.fields.get(column) or ""
            if raw.strip():
                g.add((agt, text_prop, Literal(raw.strip())))
            for mention in split_mentions(raw, column=column):
                res = self._with_location_government(
                    self.resolver.resolve(mention, agreement=row.agt_id), codes, single
                )
                if not res.matches:
                    if not mention.header:
                        g.add((agt, mention_prop, Literal(mention.text)))
                        out.append(res)
                    continue
                added += [(p, m, mention.text) for p, m in self._roles(row, agt, rec, res)]
                out.append(res)
        for code in codes:  # each location whose government the importer concluded
            state = self.resolver.state(code, LOCATION, 0.6).iri
            attest_roles(
                self.graph,
                agreement=agt,
                record=rec,
                agt_id=row.agt_id,
                code=code,
                added=[(p, m.iri, m.how, text) for p, m, text in added if m.iri == state],
                codes=codes,
            )
        return out

    def _roles(
        self, row: PaxRow, agt: URIRef, rec: URIRef, res: Resolution
    ) -> list[tuple[URIRef, Match]]:
        """Add the roles a resolved mention gives its actors; return (property, match) pairs."""
        mention, out = res.mention, []
        props = role_properties(mention)
        holders = office_holdings(self.graph, self.resolver, res, row.date, rec, agt_id=row.agt_id)
        for match in res.matches:
            for new in match.new:
                self._mint(new, rec)
            if match.iri in holders:
                continue
            for p in role_properties(replace(mention, roles=match.roles)) if match.roles else props:
                self.graph.add((agt, p, match.iri))
                out.append((p, match))
        return out

    def _locations(self, row: PaxRow, agt: URIRef, rec: URIRef) -> None:
        for column in ("Loc1ISO", "Loc2ISO"):
            code = row.get(column).upper()
            if not code:  # Kosovo has no ISO code in PA-X, only its Gleditsch-Ward number
                gw = crosswalk_id(row.get(column.replace("ISO", "GWNO")))
                if gw:
                    self.graph.add((agt, CKG.locationCode, Literal(f"GW:{gw}")))
                continue
            try:
                preferred_name(code)
            except KeyError:
                self.graph.add((agt, CKG.locationCode, Literal(code)))
                continue
            match = self.resolver.state(code, "ISO code", 1.0)
            for new in match.new:
                self._mint(new, rec)
            self.graph.add((agt, CKG.location, match.iri))

    def attest_state_codes(self) -> None:
        """Attest the code of each minted state no record gives, as the importer's inference.

        A state minted from a name in the text carries its ISO 3166-1 code from
        pycountry; unless it is some agreement's location (whose row gives the code),
        no PA-X record states that code, so the dataset-record rule must not vouch for it.
        """
        g = self.graph
        for state in sorted({s for s in g.subjects(SKOS.notation, None) if isinstance(s, URIRef)}):
            if (state, RDF.type, CKG.State) not in g or (None, CKG.location, state) in g:
                continue
            add_inference(
                g,
                f"iso-code-{state.rsplit('/', 1)[-1]}",
                label=f"the ISO 3166-1 code of {g.value(state, RDFS.label)}, from pycountry",
                reason=ISO_CODE_REASON,
                used=[r for r in g.objects(state, CKG.attestedBy) if isinstance(r, URIRef)],
                subject=state,
                predicates=[SKOS.notation],
            )

    @staticmethod
    def mentions(row: PaxRow) -> list[Mention]:
        """The row's actor mentions, signatories first."""
        return [
            m
            for column, _, _ in COLUMNS
            for m in split_mentions(row.fields.get(column) or "", column=column)
        ]

    def add_row(self, row: PaxRow) -> list[Resolution]:
        """Add one agreement; return the resolutions of its actor mentions."""
        g = self.graph
        rec = self._record(row)
        agt = self.agreement_iri(row.agt_id)
        g.add((agt, RDF.type, CKG.Agreement))
        if row.get("Stage") == "Cea":
            g.add((agt, RDF.type, CKG.Ceasefire))
        for name, language in self.names.get(row.agt_id) or agreement_names([row])[row.agt_id]:
            g.add((agt, RDFS.label, Literal(name, lang=language)))
        g.add((agt, CKG.attestedBy, rec))
        g.add((agt, CKG.paxId, Literal(row.agt_id)))
        g.add((agt, CKG.date, Literal(row.date.isoformat(), datatype=XSD.date)))
        for prop, scheme, path, code_col, label_col in CONCEPTS:
            if row.get(code_col):
                label = row.get(label_col) or row.get(code_col)
                concept = self._concept(scheme, path, row.get(code_col), label, rec)
                g.add((agt, prop, concept))
        for prop, column in IDS:
            if crosswalk_id(row.get(column)):
                g.add((agt, prop, Literal(crosswalk_id(row.get(column)))))
        self._context(row, agt, rec)
        self._locations(row, agt, rec)
        resolutions = self._actors(row, agt, rec)
        parties_do_not_mediate(self.graph, agt)
        return resolutions


def sorted_ntriples(graph: Graph) -> Iterator[str]:
    """The graph's N-Triples lines, sorted (a canonical form for graphs without blank nodes)."""
    data = graph.serialize(format="nt")
    # split at "\n" only: splitlines() cuts literals holding U+2028 and other line breaks
    yield from sorted(line for line in data.split("\n") if line.strip())


__all__ = [
    "CITATION",
    "PAXV",
    "SCHEMA",
    "SOURCE",
    "CuratedConflict",
    "PaxGraph",
    "curated_conflicts",
    "code_segment",
    "role_properties",
    "source_graph",
    "sorted_ntriples",
]
