"""The events of a synthetic theatre: conflict, war, hostilities, ceasefires, talks, statements,
and a PA-X-like agreement recorded in a synthetic agreements database."""

from __future__ import annotations

from benchmarks.rdfout import RDF_TYPE, NTriplesWriter, iri, lit, typed
from benchmarks.world import LABEL, Theatre, c, day, i, labels

CEASEFIRE_STATUSES = ("CalledFor", "Agreed", "Ignored", "Violated", "InForce")
PROCESS_STATUSES = ("AgreedTo", "Planned", "Held", "Failed")
PAX_STAGE = "https://w3id.org/conflict-kg/vocab/pax/stage/"
STAGES = {  # the stage codes of the PA-X codebook and their labels
    "Pre": "Pre-negotiation/process",
    "SubPar": "Framework-substantive, partial",
    "SubComp": "Framework-substantive, comprehensive",
    "Imp": "Implementation",
    "Cea": "Ceasefire",
    "Ren": "Renewal",
    "Oth": "Other",
}
AGREEMENTS_DB = i("src-synthetic-agreements")


def agreement_globals(w: NTriplesWriter) -> None:
    """The stage concepts (as ``conflict-kg import pax`` writes them), the agreements database."""
    for code, label in STAGES.items():
        w.entity(
            f"<{PAX_STAGE}{code}>",
            [
                (RDF_TYPE, iri("skos", "Concept")),
                (iri("skos", "inScheme"), c("PaxStages")),
                (iri("skos", "notation"), lit(code)),
                (iri("skos", "prefLabel"), lit(label, "en")),
            ],
        )
    w.entity(
        AGREEMENTS_DB,
        [
            (RDF_TYPE, c("SourceDocument")),
            (LABEL, lit("Synthetic peace agreements database", "en")),
            (c("attestedBy"), i("q-registry-1")),
        ],
    )


def agreement(t: Theatre) -> None:
    """A peace agreement of the theatre's conflict, attested by its database record."""
    n, y, r = t.names, t.year, t.rng
    record = t.id("agreement-record")
    t.w.entity(
        record,
        [
            (RDF_TYPE, c("DatabaseRecord")),
            (LABEL, lit(f"Agreement record {t.k + 1}", "en")),
            (iri("schema", "url"), f"<https://example.org/synthetic-agreements/{t.k + 1}>"),
            (iri("dct", "isPartOf"), AGREEMENTS_DB),
            (c("citesSource"), AGREEMENTS_DB),
        ],
    )
    t.put(
        t.id("agreement"),
        "Agreement",
        [
            *labels(f"{n['a']}-{n['b']} agreement of {y + 2}", f"perjanjian {n['a']}-{n['b']}"),
            (c("agreementStage"), f"<{PAX_STAGE}{r.choice(list(STAGES))}>"),
            (c("date"), typed(day(y + 2, r), "date")),
            (c("inConflict"), t.id("conflict")),
            (c("party"), t.id("state-a")),
            (c("party"), t.id("state-b")),
            (c("mediatedBy"), t.id("state-m")),
            (c("paxId"), lit(str(t.k + 1))),
            (c("peaceProcess"), t.id("process")),
            (c("attestedBy"), record),
        ],
        attested=False,
    )
    t.put(
        t.id("process"),
        "PeaceProcess",
        [
            *labels(f"{n['a']}-{n['b']} peace process", f"proses perdamaian {n['a']}-{n['b']}"),
            (c("inConflict"), t.id("conflict")),
        ],
    )


def conflict(t: Theatre) -> None:
    """Conflict, war and its fatalities, declaration, hostilities, time reference, ceasefires."""
    n, y, r = t.names, t.year, t.rng
    t.put(
        t.id("conflict"),
        "Conflict",
        [
            *labels(f"{n['t']} conflict", f"konflik {n['t']}"),
            (c("territory"), t.id("territory")),
            (c("belligerent"), t.id("state-a")),
            (c("belligerent"), t.id("state-b")),
            (c("startYear"), typed(str(y), "gYear")),
        ],
    )
    t.put(
        t.id("war"),
        "War",
        [
            *labels(f"{n['t']} war", f"perang {n['t']}"),
            (c("inConflict"), t.id("conflict")),
            (c("territory"), t.id("territory")),
            (c("startYear"), typed(str(y), "gYear")),
            (c("endYear"), typed(str(y + 2), "gYear")),
            (c("fatalities"), t.id("fatalities")),
        ],
    )
    toll = r.randrange(100, 50000)
    t.put(
        t.id("fatalities"),
        "FatalityEstimate",
        [
            *labels(f"up to {toll} killed", f"hingga {toll} orang tewas"),
            (c("estimateValue"), typed(str(toll), "integer")),
            (c("estimateQualifier"), c("UpTo")),
            (c("statedAs"), lit(f"hingga {toll} orang", "id")),
        ],
    )
    decl = t.id("declaration")
    pairs = [
        *labels(f"{n['t']} declaration of independence", f"deklarasi {n['t']}"),
        (c("territory"), t.id("territory")),
        (c("independenceFrom"), t.id("state-a")),
        (c("inConflict"), t.id("conflict")),
        (c("year"), typed(str(y), "gYear")),
    ]
    if t.hit("undated-declaration"):
        pairs.pop()
        t.record("undated-declaration", decl, None, decl)
    t.put(decl, "DeclarationOfIndependence", pairs)
    start, end = typed(day(y + 1, r, 1, 3), "date"), typed(day(y + 1, r, 9, 12), "date")
    if t.hit("end-before-start"):
        start, end = typed(f"{y + 1:04d}-06-15", "date"), typed(f"{y + 1:04d}-03-01", "date")
        t.record("end-before-start", t.id("hostilities"), None, end)
    t.put(
        t.id("hostilities"),
        "Hostilities",
        [
            *labels(f"{n['t']} fighting of {y + 1}", f"pertempuran {n['t']} {y + 1}"),
            (c("inConflict"), t.id("conflict")),
            (c("territory"), t.id("territory")),
            (c("belligerent"), t.id("forces-a")),
            (c("belligerent"), t.id("forces-b")),
            (c("startDate"), start),
            (c("endDate"), end),
            (c("ongoingAt"), t.id("time")),
            (c("intensity"), lit("meruncing", "id")),
            (c("intensity"), lit("escalating", "en")),
        ],
    )
    t.put(
        t.id("time"),
        "TimeReference",
        [
            *labels("Thursday night (derived)", "Kamis malam"),
            (c("statedAs"), lit("Kamis malam", "id")),
            (c("derivedDate"), typed(day(y + 1, r, 4, 6), "date")),
            (c("derivation"), lit("The Thursday before the report.", "en")),
        ],
    )
    for status in CEASEFIRE_STATUSES:
        ceasefire(t, status)


def ceasefire(t: Theatre, status: str) -> None:
    """A ceasefire with ``status`` and who called for, ignored or violated it."""
    n, y, r = t.names, t.year, t.rng
    cf = t.id(f"ceasefire-{status.lower()}")
    pairs = [
        *labels(f"{status} ceasefire in {n['t']}", f"gencatan senjata {n['t']}"),
        (c("status"), c(status)),
        (c("statusAsOf"), typed(t.doc_date, "date")),
        (c("inConflict"), t.id("conflict")),
        # never after the documents that report it (the event-after-sources check)
        (c("date"), typed(min(day(y + 1, r), t.doc_date), "date")),
        (c("purpose"), lit("bertukar tahanan", "id")),
    ]
    by = {
        "CalledFor": [("calledForBy", "state-m")],
        "Agreed": [("party", "state-a"), ("party", "state-b")],
        "Ignored": [("calledForBy", "state-m"), ("ignoredBy", "forces-a")],
        "Violated": [("violatedBy", "forces-b")],
        "InForce": [("endedConflict", "war")],
    }[status]
    pairs += [(c(p), t.id(o)) for p, o in by]
    if status == "Agreed" and t.hit("bad-ceasefire-status"):
        pairs[2] = (c("status"), c("Held"))
        t.record("bad-ceasefire-status", cf, c("status"), c("Held"))
    if status == "Ignored" and t.hit("ignored-without-ignorer"):
        pairs.pop()
        t.record("ignored-without-ignorer", cf, None, c("Ignored"))
    t.put(cf, "Ceasefire", pairs)


def process(t: Theatre) -> None:
    """Talks with invitations, statements, an appeal, a mediation effort, a consultation."""
    n, y, r = t.names, t.year, t.rng
    for k in range(3):
        talks, status = t.id(f"talks{k}"), r.choice(PROCESS_STATUSES)
        when = c("plannedDate") if status == "Planned" else c("date")
        pairs = [
            *labels(f"{n['a']}-{n['b']} talks {k}", f"perundingan {n['a']}-{n['b']} {k}"),
            (c("party"), t.id("state-a")),
            (c("party"), t.id("state-b")),
            (c("participant"), t.id("office-fm-a")),
            (c("participant"), t.id("office-fm-b")),
            (c("mediatedBy"), t.id("state-m") if k < 2 else t.id("group")),
            (c("inConflict"), t.id("conflict")),
            (c("status"), c(status)),
            (c("statusAsOf"), typed(t.doc_date, "date")),
            (c("hostPlace"), t.id("capital-m")),
            (when, typed(day(y + 1, r, 11, 11), "date")),
        ]
        if k == 0:
            pairs.append((c("firstTalksSince"), t.id("hostilities")))
        if k == 1 and t.hit("talks-one-party"):
            pairs.pop(3)
            t.record("talks-one-party", talks, c("party"))
        t.put(talks, "Talks", pairs)
        inv = t.id(f"invitation{k}")
        accepted = t.id("office-fm-a")
        if k == 0 and t.hit("accepted-not-invited"):
            accepted = t.id("state-m")
            t.record("accepted-not-invited", inv, None, accepted)
        t.put(
            inv,
            "Invitation",
            [
                *labels(f"Invitation to talks {k}", f"undangan perundingan {k}"),
                (c("speaker"), t.id("person-m")),
                (c("invitee"), t.id("office-fm-a")),
                (c("invitee"), t.id("office-fm-b")),
                (c("callsFor"), talks),
                (c("acceptedBy"), accepted),
                (c("date"), typed(day(y + 1, r, 10, 10), "date")),
            ],
        )
    statements(t)
    t.put(
        t.id("effort"),
        "MediationEffort",
        [
            *labels(f"{n['t']} Contact Group mediation", f"mediasi {n['t']}"),
            (c("mediatedBy"), t.id("group")),
            (c("year"), typed(str(y), "gYear")),
            (c("status"), c("Failed")),
            (c("inConflict"), t.id("conflict")),
            *([(c("date"), typed(str(y), "gYear"))] if _date_not_date(t) else []),
        ],
    )
    t.put(
        t.id("consultation"),
        "Consultation",
        [
            *labels("telephone discussions", "diskusi melalui telepon"),
            (c("participant"), t.id("person-a")),
            (c("participant"), t.id("person-b")),
            (c("reportedIn"), t.id("statement0")),
        ],
    )
    agreement(t)


def _date_not_date(t: Theatre) -> bool:
    if not t.hit("date-not-date"):
        return False
    t.record("date-not-date", t.id("effort"), c("date"), typed(str(t.year), "gYear"))
    return True


def statements(t: Theatre) -> None:
    """Three statements by the mediator's spokesperson, and an appeal for a ceasefire."""
    n, y, r = t.names, t.year, t.rng
    for k in range(3):
        st = t.id(f"statement{k}")
        pairs = [
            *labels(f"{n['m']} Foreign Ministry statement {k}", f"pernyataan {k}"),
            (c("speaker"), t.id("person-m")),
            (c("onBehalfOf"), t.id("ministry-m")),
            (c("date"), typed(day(y + 1, r, 6, 11), "date")),
            (c("about"), t.id("talks0")),
            (c("content"), lit(f"{n['a']} dan {n['b']} sepakat", "id")),
            (c("reportedIn"), t.id("src1")),
        ]
        attested = True
        if k == 0 and t.hit("two-dates"):
            pairs.append((c("date"), typed(day(y + 1, r, 1, 5), "date")))
            t.record("two-dates", st, c("date"))
        if k == 1 and t.hit("missing-source"):
            attested = False
            t.record("missing-source", st, c("attestedBy"))
        if k == 2 and t.hit("speaker-not-actor"):
            pairs[2] = (c("speaker"), t.id("src2"))
            t.record("speaker-not-actor", st, c("speaker"), t.id("src2"))
        t.put(st, "Statement", pairs, attested=attested)
    t.put(
        t.id("appeal"),
        "Appeal",
        [
            *labels(f"{n['m']}'s call for a ceasefire", "seruan gencatan senjata"),
            (c("speaker"), t.id("person-m")),
            (c("callsFor"), t.id("ceasefire-calledfor")),
            (c("follows"), t.id("consultation")),
            (c("reportedIn"), t.id("statement0")),
        ],
    )
