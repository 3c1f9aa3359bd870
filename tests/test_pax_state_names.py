"""Names PA-X gives a state that pycountry does not know ("Turkey" for Türkiye's TUR)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kg.importers.mentions import Mention, split_mentions
from kg.importers.pax_state_names import state_names
from kg.importers.reconcile import Resolver
from kg.importers.states import StateIndex

PAX = Path(__file__).resolve().parents[2] / "shared" / "data" / "pax" / "pax.csv"


def _row(agt: str, con: str, loc1: str, loc2: str = "") -> tuple[str, dict[str, str]]:
    return agt, {"Con": con, "Loc1ISO": loc1, "Loc2ISO": loc2}


def test_a_single_location_s_name_is_a_name_of_its_state() -> None:
    names = state_names(
        [
            _row("1", "Turkey/(Kurds-Kurdistan)", "TUR"),
            _row("2", "Macedonia", "MKD"),
            _row("3", "Kosovo/Serbia", "SRB", "XKX"),  # two locations: which is which?
            _row("7", "Kosovo", "SRB"),  # a place located by its state's code
            _row("4", "Yugoslavia (former)", "GRC"),  # not a plain name
            _row("5", "Sudan", "SDN"),  # pycountry knows it
            _row("6", "Atlantis", "ZZZ"),  # no such code
        ],
        StateIndex.default(),
    )
    assert names == {"Turkey": ("TUR", ("1",)), "Macedonia": ("MKD", ("2",))}


def test_a_name_given_to_two_states_is_none() -> None:
    rows = [_row("1", "Ruritania", "AUT"), _row("2", "Ruritania", "HUN")]
    assert state_names(rows, StateIndex.default()) == {}


def test_the_resolver_finds_a_state_by_the_name_pax_gives_it() -> None:
    from tests.test_pax_import import curated

    mention = Mention("ThrdPart", "Republic of Turkey", "witness")
    assert not Resolver.from_graph(curated()).resolve(mention).matches
    resolver = Resolver.from_graph(curated(), state_names={"Turkey": "TUR"})
    (match,) = resolver.resolve(mention).matches
    assert str(match.iri).endswith("/turkiye")
    # in its official style too, where a list counts only names after a cue
    text = "Not signed, it mentions as parties: the Republic of Tajikistan, the Republic of Turkey"
    (listed,) = split_mentions(text, column="Part")
    named = [str(m.iri).rsplit("/", 1)[1] for m in resolver.resolve(listed).matches]
    assert named == ["tajikistan", "turkiye"], named


@pytest.mark.skipif(not PAX.is_file(), reason="PA-X's CSV (../shared/data/pax) is not here")
def test_pax_names_turkey() -> None:
    with PAX.open(encoding="utf-8-sig", newline="") as handle:
        rows = [(r["AgtId"], r) for r in csv.DictReader(handle)]
    assert state_names(rows, StateIndex.default())["Turkey"] == ("TUR", ("2755",))
