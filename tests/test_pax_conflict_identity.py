"""One conflict, one entity: PA-X agreements are filed under their UCDP conflict.

PA-X's ``Con`` is the conflict's country or entity, not the conflict: "Myanmar"
gathers ten UCDP conflicts, and UCDP conflict 309 is written under eleven ``Con``
values ("Sudan", "South Sudan/Sudan", "Sudan/(Darfur)", ...). Until 2026-12-06 the
importer minted one ``id:pax-conflict-<Con>`` per ``Con`` for every conflict but
the curated one, so ``ckg:inConflict`` meant the UCDP conflict for 33 agreements
and the country/entity for 2,224 (audit 19, C).
"""

from __future__ import annotations

from pathlib import Path

from rdflib import RDF, RDFS, SKOS, Literal

from kg.importers.run import import_pax
from tests.test_pax_import import CKG, ID, curated, row, write_csv


def _rows() -> list[dict[str, str]]:
    return [
        row("9501", "01/01/2001", Con="South Sudan/Sudan", UcdpCon="309.0", PP="1"),
        row("9502", "01/01/2002", Con="Sudan/(Darfur)", UcdpCon="309.0", PP="1"),
        row("9503", "01/01/2003", Con="South Sudan/Sudan", UcdpCon="309.0", PP="2"),
        row("9504", "01/01/2004", Con="Myanmar", UcdpCon="221.0", PP="3"),
        row("9505", "01/01/2005", Con="Myanmar", UcdpCon="222.0", PP="3"),
        row("9506", "01/01/2006", Con="Myanmar", UcdpCon="", PP="3"),
    ]


def _conflict(g, agt_id: str):  # type: ignore[no-untyped-def]
    (conflict,) = g.objects(ID[f"agreement-pax-{agt_id}"], CKG.inConflict)
    return conflict


def test_one_ucdp_conflict_under_several_con_values_is_one_conflict(tmp_path: Path) -> None:
    g = import_pax(write_csv(tmp_path / "pax.csv", _rows()), curated=curated()).graph
    sudan = _conflict(g, "9501")
    assert sudan == ID["ucdp-conflict-309"]
    assert _conflict(g, "9502") == _conflict(g, "9503") == sudan
    assert (sudan, RDF.type, CKG.Conflict) in g
    assert g.value(sudan, CKG.ucdpId) == Literal("309")
    assert set(g.objects(sudan, SKOS.altLabel)) == {
        Literal("South Sudan/Sudan", lang="en"),
        Literal("Sudan/(Darfur)", lang="en"),
    }
    # named after the Con most of its agreements give, and its id
    assert g.value(sudan, RDFS.label) == Literal("South Sudan/Sudan (UCDP conflict 309)", lang="en")
    assert set(g.objects(sudan, CKG.attestedBy)) == {
        ID[f"pax-agreement-{n}"] for n in ("9501", "9502", "9503")
    }
    note = str(g.value(sudan, SKOS.editorialNote))
    assert "UcdpCon" in note and "Con" in note


def test_one_con_value_over_several_ucdp_conflicts_is_several_conflicts(tmp_path: Path) -> None:
    g = import_pax(write_csv(tmp_path / "pax.csv", _rows()), curated=curated()).graph
    kinds = {_conflict(g, n) for n in ("9504", "9505", "9506")}
    assert kinds == {
        ID["ucdp-conflict-221"],
        ID["ucdp-conflict-222"],
        ID["pax-conflict-myanmar"],  # no UCDP id: PA-X's country/entity is all there is
    }
    loose = ID["pax-conflict-myanmar"]
    assert g.value(loose, CKG.ucdpId) is None
    assert "no UCDP" in str(g.value(loose, SKOS.editorialNote))


def test_a_process_is_in_its_ucdp_conflicts_by_the_records_ucdpcon(tmp_path: Path) -> None:
    g = import_pax(write_csv(tmp_path / "pax.csv", _rows()), curated=curated()).graph
    process = ID["pax-process-3"]
    fields = {}
    for att in g.subjects(CKG.statementSubject, process):
        fields[g.value(att, CKG.statementObject)] = str(g.value(att, CKG.recordField))
    assert fields == {
        ID["ucdp-conflict-221"]: "UcdpCon",
        ID["ucdp-conflict-222"]: "UcdpCon",
        ID["pax-conflict-myanmar"]: "Con",
    }


def test_a_conflicts_name_does_not_depend_on_the_selection(tmp_path: Path) -> None:
    """``--process 4`` imports only 9502 ("Sudan/(Darfur)"), yet the conflict keeps the name
    the whole file gives (two of its three agreements say "South Sudan/Sudan")."""
    rows = _rows()
    rows[1]["PP"] = "4"
    path = write_csv(tmp_path / "pax.csv", rows)
    whole = import_pax(path, curated=curated()).graph
    some = import_pax(path, curated=curated(), process="4").graph
    sudan = ID["ucdp-conflict-309"]
    assert some.value(sudan, RDFS.label) == whole.value(sudan, RDFS.label)
    assert whole.value(sudan, RDFS.label) == Literal(
        "South Sudan/Sudan (UCDP conflict 309)", lang="en"
    )


def test_the_curated_conflict_keeps_its_agreements(tmp_path: Path) -> None:
    g = import_pax(
        write_csv(tmp_path / "pax.csv", [row("9507", "01/01/2007")]), curated=curated()
    ).graph
    assert _conflict(g, "9507") == ID["nagorno-karabakh-conflict"]
    assert (ID["ucdp-conflict-388"], None, None) not in g
