"""Mention splitting and resolution of PA-X actor fields (no ../shared needed)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from rdflib import Graph

from kg.importers.mentions import split_mentions
from kg.importers.reconcile import CKG, ID, Mention, Resolver
from kg.importers.states import StateIndex

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "tests" / "fixtures" / "pax" / "sample_resolutions.csv"


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    curated = Graph()
    for path in sorted((REPO / "data").glob("*.ttl")):
        if not path.name.startswith("pax-"):
            curated.parse(path)
    return Resolver.from_graph(curated)


def names(resolver: Resolver, text: str, *, column: str = "Part", role: str = "signatory"):
    res = resolver.resolve(Mention(column, text, role))
    return [str(m.iri).removeprefix(str(ID)) for m in res.matches]


def test_split_joins_bracket_notes_and_carries_header_cues() -> None:
    text = "V. Kazimirov\n(Representative of the\nRussian Mediation Mission)\n\nM. Krotov"
    mentions = split_mentions(text, column="ThrdPart")
    assert [m.text for m in mentions] == [
        "V. Kazimirov (Representative of the Russian Mediation Mission)",
        "M. Krotov",
    ]
    assert [m.role for m in mentions] == ["mediator", "thirdParty"]
    witnessed = split_mentions("Witnessed by:\n\n[Signature]\nA\nB", column="ThrdPart")
    assert [m.role for m in witnessed if not m.header] == ["witness", "witness"]


def test_split_roles_of_signatories() -> None:
    assert [m.role for m in split_mentions("To Mr X\nFor Y:", column="Part")] == [
        "addressee",
        "signatory",
    ]
    assert {m.role for m in split_mentions("Not signed: A\nB", column="Part")} == {"party"}
    assert split_mentions("Page 2:\n\n", column="Part") == []


def test_offices_resolve_to_curated_offices_by_what_they_are(resolver: Resolver) -> None:
    assert names(resolver, "President of the Russian Federation") == ["office-president-of-russia"]
    assert names(resolver, "Foreign Minister of the Republic of Armenia") == [
        "office-foreign-minister-of-armenia"
    ]
    assert names(resolver, "Copied to MFA, Russian Federation") == ["russia-foreign-ministry"]


def test_minted_actors_are_deterministic_and_linked(resolver: Resolver) -> None:
    res = resolver.resolve(Mention("Part", "President of the Republic of Kazakhstan", "signatory"))
    (match,) = res.matches
    assert str(match.iri) == f"{ID}office-president-of-kazakhstan"
    state, office = match.new
    assert (str(state.iri), state.label) == (f"{ID}kazakhstan", "Kazakhstan")
    assert office.links == ((CKG.officeIn, ID.kazakhstan), (CKG.officeRole, CKG.President))
    assert office.label == "President of Kazakhstan"


def test_no_holder_of_the_office_is_invented(resolver: Resolver) -> None:
    assert names(resolver, "Deputy Prime Minister of the Republic of Armenia") == ["armenia"]
    assert names(resolver, "Former President of the Republic of Mozambique") == []
    assert names(resolver, "Special Envoy of the President of the Russian Federation") == []


def test_states_need_a_cue_and_regions_are_not_states(resolver: Resolver) -> None:
    assert names(resolver, "Government of Northern Ireland") == []
    assert names(resolver, "Sudan People's Liberation Movement") == []
    assert names(resolver, "Nigeria Rentería Lozano") == []
    assert names(resolver, "Ambassador of Senegal to Ethiopia and Tanzania") == ["senegal"]
    assert names(
        resolver,
        "Governments of the United States of America, the Republic of "
        "Armenia, and the Republic of Azerbaijan",
    ) == ["united-states", "armenia", "azerbaijan"]


def test_cochairs_named_with_the_group_are_mediators(resolver: Resolver) -> None:
    text = (
        "Co-Chairs of the OSCE Minsk Group (Igor Popov of the Russian Federation, "
        "Stephane Visconti of France)"
    )
    assert names(resolver, text, column="ThrdPart", role="mediator") == [
        "osce-minsk-group",
        "russia",
        "france",
    ]
    assert names(resolver, text, column="ThrdPart", role="thirdParty") == ["osce-minsk-group"]


def test_state_index_variants() -> None:
    idx = StateIndex.default()
    assert [m.alpha3 for m in idx.find("Democratic Republic of Congo")] == ["COD"]
    assert [m.alpha3 for m in idx.find("Papua New Guinea and Guinea")] == ["PNG", "GIN"]
    assert idx.find("Southern Sudan") == []


def sample_rows() -> list[dict[str, str]]:
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_sample_is_large_enough() -> None:
    assert len(sample_rows()) >= 50


def test_precision_on_the_hand_checked_sample(resolver: Resolver) -> None:
    """Every mention of the hand-checked sample resolves exactly as written beside it."""
    wrong = []
    for row in sample_rows():
        got = names(resolver, row["mention"], column=row["column"], role=row["role"])
        expected = [] if row["expected"] == "unresolved" else row["expected"].split()
        if sorted(got) != sorted(expected):
            wrong.append((row["AgtId"], row["mention"][:60], expected, got))
    assert wrong == []
