"""Synthetic conflict theatres in the project's ontology, for the benchmarks.

A *theatre* (cluster ``k``) mimics ``data/*.ttl``: three states (two belligerents
and a mediator), their ministries, armed forces, offices, office holders, a
territory and its majority ethnic group, a conflict with a war, hostilities and a
declaration of independence, a mediation group with co-chairs, talks with
invitations, statements, an appeal, ceasefires in every status, a mediation
effort, a consultation, a time reference, and the source documents (a chain of
reports) with their quotations. Every instance is ``ckg:attestedBy`` a quotation.
Names are made up from syllables; nothing is a real-world fact.
"""

from __future__ import annotations

import random

from benchmarks.rdfout import RDF_TYPE, NTriplesWriter, Pairs, iri, lit, typed
from benchmarks.violations import Violations

N_NEWS, N_IO, N_QUOTES = 12, 8, 10
_SYL = ["ka", "ri", "lo", "ma", "ze", "tu", "vi", "na", "so", "be", "dra", "mon", "sel", "tar"]
_CYR = str.maketrans("abdeiklmnorstuvz", "абдеиклмнорстувз")


def c(local: str) -> str:
    """``ckg:local``."""
    return iri("ckg", local)


def i(local: str) -> str:
    """``id:local``."""
    return iri("id", local)


LABEL, ALT, ATTESTED = iri("rdfs", "label"), iri("skos", "altLabel"), c("attestedBy")


def name(rng: random.Random) -> str:
    """A made-up proper name."""
    return "".join(rng.choice(_SYL) for _ in range(rng.randint(2, 3))).capitalize()


def unique_name(rng: random.Random, n: int) -> str:
    """A made-up proper name that no other ``n`` gets: a random syllable, then ``n`` in
    base 14 written in syllables (the syllables decode one way only).

    Distinct actors then never share a label, as in curated data (the project's
    ``shared-english-label`` check would flag them).

    >>> unique_name(random.Random(1), 0) != unique_name(random.Random(1), 1)
    True
    """
    digits = [n % len(_SYL)]
    while n >= len(_SYL):
        n //= len(_SYL)
        digits.append(n % len(_SYL))
    return (rng.choice(_SYL) + "".join(_SYL[d] for d in reversed(digits))).capitalize()


def labels(en: str, id_: str, **other: str) -> list[tuple[str, str]]:
    """``rdfs:label`` pairs: English, Indonesian and any other languages."""
    out = [(LABEL, lit(en, "en")), (LABEL, lit(id_, "id"))]
    return out + [(LABEL, lit(text, lang)) for lang, text in other.items()]


def day(year: int, rng: random.Random, lo: int = 1, hi: int = 12) -> str:
    """An ``xsd:date`` lexical form in ``year``, month between ``lo`` and ``hi``."""
    return f"{year:04d}-{rng.randint(lo, hi):02d}-{rng.randint(1, 28):02d}"


def emit_globals(w: NTriplesWriter, rng: random.Random) -> None:
    """News organisations and international organisations shared by all theatres."""
    doc, quote = i("src-registry"), i("q-registry-1")
    w.entity(
        doc,
        [
            (RDF_TYPE, c("DatabaseRecord")),
            (LABEL, lit("Synthetic registry", "en")),
            (iri("dct", "language"), lit("en")),
            (iri("schema", "url"), "<https://example.org/synthetic-registry>"),
            (iri("dct", "isPartOf"), i("src-registry-db")),
            (ATTESTED, quote),
        ],
    )
    w.entity(
        i("src-registry-db"),
        [
            (RDF_TYPE, c("SourceDocument")),
            (LABEL, lit("Synthetic database of organisations", "en")),
            (ATTESTED, quote),
        ],
    )
    w.entity(
        quote,
        [
            (RDF_TYPE, c("Quotation")),
            (iri("prov", "wasQuotedFrom"), doc),
            (c("quote"), lit("Registry of organisations.", "en")),
            (c("sentenceIndex"), typed("1", "integer")),
        ],
    )
    for n in range(N_NEWS):
        title = f"{unique_name(rng, n)} News"
        w.entity(
            i(f"news-{n}"),
            [(RDF_TYPE, c("NewsOrganization")), *labels(title, title), (ATTESTED, quote)],
        )
    for n in range(N_IO):
        nm = unique_name(rng, n)
        w.entity(
            i(f"io-{n}"),
            [
                (RDF_TYPE, c("InternationalOrganization")),
                *labels(f"{nm} Union", f"Uni {nm}"),
                (ALT, lit(nm.upper()[:4], "en")),
                (ATTESTED, quote),
            ],
        )


class Theatre:
    """Writes cluster ``k``; ``q()`` picks a quotation of the cluster's main article."""

    def __init__(self, w: NTriplesWriter, k: int, rng: random.Random, vio: Violations) -> None:
        self.w, self.k, self.rng, self.vio = w, k, rng, vio
        self.year = 1990 + k % 30
        roles = ("a", "b", "m", "t", "e")
        self.names = {r: unique_name(rng, k * len(roles) + j) for j, r in enumerate(roles)}

    def id(self, local: str) -> str:
        """An instance IRI of this theatre."""
        return i(f"{local}-c{self.k}")

    def q(self) -> str:
        """A quotation of this theatre, at random."""
        return self.id(f"q{self.rng.randrange(N_QUOTES) + 1}")

    def put(self, subject: str, cls: str, pairs: Pairs, *, attested: bool = True) -> None:
        """Write ``subject a ckg:cls`` with ``pairs`` and an ``attestedBy`` quotation."""
        extra = [(ATTESTED, self.q())] if attested else []
        self.w.entity(subject, [(RDF_TYPE, c(cls)), *pairs, *extra])

    def hit(self, kind: str) -> bool:
        """Whether to plant violation ``kind`` here."""
        return self.vio.hit(kind, self.rng)

    def record(
        self, kind: str, focus: str, path: str | None = None, value: str | None = None
    ) -> None:
        """Record the finding the planted violation must give."""
        self.vio.record(kind, focus, path=path, value=value)

    def sources(self) -> None:
        """Three reports citing each other, a dateline place, the quotations."""
        r, y, dct, prov = self.rng, self.year, "dct", "prov"
        docs = [self.id(f"src{n}") for n in range(3)]
        self.doc_date = f"{y + 1:04d}-12-{r.randint(10, 28):02d}"
        for n, doc in enumerate(docs):
            language = r.choice(["id", "en", "ru", "fr"])
            if n == 0:  # the quotations below are Indonesian, quoted from this article
                language = "id"
            pairs = [
                (LABEL, lit(f"Report {n} on the {self.names['t']} conflict", "en")),
                (LABEL, lit(f"Laporan {n} tentang konflik {self.names['t']}", "id")),
                (iri(dct, "publisher"), i(f"news-{(self.k + n) % N_NEWS}")),
                (iri(dct, "date"), typed(self.doc_date, "date")),
                (iri(dct, "language"), lit(language)),
                (c("dateline"), self.id("capital-m")),
            ]
            if n < 2:
                pairs.append((c("citesSource"), docs[n + 1]))
            if n == 1:
                pairs.append((c("citesSource"), self.id("statement0")))
            if n == 2 and self.hit("bad-language-tag"):
                pairs[4] = (iri(dct, "language"), lit("Indonesian"))
                self.record("bad-language-tag", doc, iri(dct, "language"), lit("Indonesian"))
            self.put(doc, "NewsArticle" if n == 0 else "NewsReport", pairs)
        for n in range(1, N_QUOTES + 1):
            idx = typed(str(n), "integer")
            if n == N_QUOTES and self.hit("sentence-index-zero"):
                idx = typed("0", "integer")
                self.record("sentence-index-zero", self.id(f"q{n}"), c("sentenceIndex"), idx)
            self.w.entity(
                self.id(f"q{n}"),
                [
                    (RDF_TYPE, c("Quotation")),
                    (iri(prov, "wasQuotedFrom"), docs[0]),
                    (c("sentenceIndex"), idx),
                    (
                        c("quote"),
                        lit(
                            f"Kalimat {n}: {self.names['a']} dan {self.names['b']} "
                            f"sepakat berunding di {self.names['m']}.",
                            "id",
                        ),
                    ),
                    (
                        c("translation"),
                        lit(
                            f"Sentence {n}: {self.names['a']} and "
                            f"{self.names['b']} agreed to talk in "
                            f"{self.names['m']}.",
                            "en",
                        ),
                    ),
                    (c("attributedTo"), docs[n % 2 + 1] if n % 3 else self.id("statement0")),
                ],
            )
        self.put(
            self.id("capital-m"),
            "Place",
            labels(f"{self.names['m']} City", f"Kota {self.names['m']}"),
        )

    def actors(self) -> None:
        """States, ministries, forces, offices, persons, holdings, the mediation group."""
        n = self.names
        for s in "abm":
            pairs = [
                *labels(n[s], n[s], fr=f"République de {n[s]}"),
                (ALT, lit(f"{n[s]} capital", "en")),
            ]
            if s == "b" and self.hit("missing-en-label"):
                pairs.pop(0)
                self.record("missing-en-label", self.id("state-b"), LABEL)
            self.put(self.id(f"state-{s}"), "State", pairs)
            self.put(
                self.id(f"ministry-{s}"),
                "GovernmentBody",
                [
                    *labels(f"{n[s]} Foreign Ministry", f"Kementerian Luar Negeri {n[s]}"),
                    (c("partOf"), self.id(f"state-{s}")),
                ],
            )
            for role, local in (("President", "president"), ("ForeignMinister", "fm")):
                self.put(
                    self.id(f"office-{local}-{s}"),
                    "Office",
                    [
                        *labels(f"{role} of {n[s]}", f"{role} {n[s]}"),
                        (c("officeIn"), self.id(f"state-{s}")),
                        (c("officeRole"), c(role)),
                    ],
                )
            person = self.id(f"person-{s}")
            first = name(self.rng)
            pairs = labels(
                f"{first} {n[s]}ov",
                f"{first} {n[s]}ov",
                ru=f"{first} {n[s]}ov".lower().translate(_CYR),
            )
            if s == "a" and self.hit("two-en-labels"):
                pairs.append((LABEL, lit(f"{first} the Elder", "en")))
                self.record("two-en-labels", person, LABEL)
            if s == "b" and self.hit("plain-label"):
                pairs.append((LABEL, lit(first)))
                self.record("plain-label", person, LABEL, lit(first))
            self.put(person, "Person", pairs)
            hold = [
                *labels(f"{first}, President of {n[s]}", f"{first}, Presiden {n[s]}"),
                (c("holder"), person),
                (c("office"), self.id(f"office-president-{s}")),
                (c("asOf"), typed(self.doc_date, "date")),
            ]
            if s == "m" and self.hit("holding-without-asof"):
                hold.pop()
                self.record("holding-without-asof", self.id(f"holding-{s}"), c("asOf"))
            self.put(self.id(f"holding-{s}"), "OfficeHolding", hold)
        for s in "ab":
            self.put(
                self.id(f"forces-{s}"),
                "ArmedForces",
                [
                    *labels(f"{n[s]} forces", f"pasukan {n[s]}"),
                    (c("forcesOf"), self.id(f"state-{s}")),
                ],
            )
        group = self.id("group")
        self.put(
            group,
            "MediationGroup",
            [
                *labels(f"{n['t']} Contact Group", f"Kelompok Kontak {n['t']}"),
                (c("partOf"), i(f"io-{self.k % N_IO}")),
                (c("seeksSolutionTo"), self.id("conflict")),
                (c("mandate"), lit("seeks a peaceful solution", "en")),
            ],
        )
        chairs = [self.id("state-m")] + [
            i(f"state-m-c{j}") for j in (self.k - 1, self.k - 2) if j >= 0
        ]
        for j, member in enumerate(chairs):
            role = c("CoChair")
            if j == 0 and self.hit("cochair-wrong-role"):
                role = c("President")
                self.record("cochair-wrong-role", self.id(f"cochair{j}"), iri("org", "role"))
            self.put(
                self.id(f"cochair{j}"),
                "CoChairmanship",
                [
                    *labels(f"Co-chair {j} of the {n['t']} Contact Group", f"Ketua bersama {j}"),
                    (iri("org", "member"), member),
                    (iri("org", "organization"), group),
                    (iri("org", "role"), role),
                    (c("asOf"), typed(self.doc_date, "date")),
                ],
            )
        ethnic = self.id("ethnic")
        pairs = [*labels(f"ethnic {n['e']}s", f"etnik {n['e']}")]
        if self.hit("bad-source"):
            self.w.entity(
                ethnic, [(RDF_TYPE, c("EthnicGroup")), *pairs, (ATTESTED, self.id("person-a"))]
            )
            self.record("bad-source", ethnic, ATTESTED, self.id("person-a"))
        else:
            self.put(ethnic, "EthnicGroup", pairs)
        self.put(
            self.id("territory"),
            "BreakawayRegion",
            [
                *labels(n["t"], n["t"]),
                (c("deJurePartOf"), self.id("state-a")),
                (c("majorityEthnicity"), ethnic),
            ],
        )
