"""The PA-X import: RDF per row, shapes, determinism, the CLI and bad input."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV

from kg.check.shacl.reference import validate as _validate
from kg.cli.main import main
from kg.importers.pax import REQUIRED
from kg.importers.run import import_pax
from kg.importers.sparql_cache import parsed_once
from kg.read.load import parse_turtle

REPO = Path(__file__).resolve().parent.parent
CKG = Namespace("https://w3id.org/conflict-kg/ontology#")
ID = Namespace("https://w3id.org/conflict-kg/id/")
SCHEMA = Namespace("https://schema.org/")

ROW = {
    "Con": "Armenia/Azerbaijan/(Nagorno-Karabakh)",
    "Contp": "Territory",
    "PP": "161",
    "PPName": "Armenia-Azerbaijan-Nagorno Karabakh: Process 2020",
    "Stage": "Cea",
    "StageSub": "Ceas",
    "Agtp": "InterIntra",
    "Status": "Multiparty signed/agreed",
    "Loc1ISO": "ARM",
    "Loc2ISO": "AZE",
    "UcdpCon": "388.0",
    "UcdpAgr": "",
    "PamAgr": "",
    "CowWar": "216.0",
    "stage_label": "Ceasefire",
    "substage_label": "Ceasefire",
    "agt_type": "Interstate/mixed",
}


def row(agt_id: str, date: str, **fields: str) -> dict[str, str]:
    base = dict(
        ROW,
        AgtId=agt_id,
        Dat=date,
        Agt=f"Agreement {agt_id}",
        Part="",
        ThrdPart="",
        PAX_Hyperlink=f"https://www.peaceagreements.org/agreements/{agt_id}/",
    )
    base.update(fields)
    return base


ROWS = [
    row(
        "9001",
        "10/11/2020",
        Part="President of the Republic of Azerbaijan\nPrime Minister of the Republic of Armenia",
        ThrdPart="Page 1. Agreement witnessed by: President of the Russian Federation V.V.Putin",
    ),
    row(
        "9002",
        "02/11/2008",
        Stage="Pre",
        StageSub="Proc",
        stage_label="Pre-negotiation/process",
        substage_label="Process",
        Part="The Presidents of the Republic of Armenia and the Republic of Azerbaijan\nS. Someone",
        ThrdPart="Kazakhstan",
    ),
]


def validate(data: Graph, *, shapes: Graph, ontology: Graph):
    with parsed_once():
        return _validate(data, shapes=shapes, ontology=ontology)


def write_csv(path: Path, rows: list[dict[str, str]], columns: tuple[str, ...] = REQUIRED) -> Path:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    path.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
    return path


def curated(*, imported: bool = False) -> Graph:
    """The repository's data; without importer output unless ``imported``."""
    graph = Graph()
    for path in sorted((REPO / "data").glob("*.ttl")):
        if imported or not path.name.startswith("pax-"):
            graph.parse(path)
    return graph


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory):
    path = write_csv(tmp_path_factory.mktemp("pax") / "pax.csv", ROWS)
    return import_pax(path, curated=curated())


def test_rows_become_cited_agreements(small) -> None:
    g = small.graph
    agt, rec = ID["agreement-pax-9001"], ID["pax-agreement-9001"]
    assert {CKG.Agreement, CKG.Ceasefire} <= set(g.objects(agt, RDF.type))
    assert (ID["agreement-pax-9002"], RDF.type, CKG.Ceasefire) not in g
    assert g.value(agt, CKG.date) == Literal(
        "2020-11-10", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date")
    )
    assert g.value(agt, CKG.attestedBy) == rec
    assert g.value(rec, SCHEMA.url) == URIRef("https://www.peaceagreements.org/agreements/9001/")
    assert g.value(rec, URIRef("http://purl.org/dc/terms/isPartOf")) == ID["src-pax"]
    assert g.value(agt, CKG.ucdpConflictId) == Literal("388")
    stage = g.value(agt, CKG.agreementStage)
    assert g.value(stage, SKOS.prefLabel) == Literal("Ceasefire", lang="en")
    assert g.value(stage, SKOS.inScheme) == CKG.PaxStages
    assert set(g.objects(agt, CKG.location)) == {ID.armenia, ID.azerbaijan}


def test_roles_come_from_the_text(small) -> None:
    g = small.graph
    agt = ID["agreement-pax-9001"]
    putin = ID["office-president-of-russia"]
    assert (agt, CKG.witnessedBy, putin) in g and (agt, CKG.thirdParty, putin) in g
    assert (agt, CKG.mediatedBy, putin) not in g  # a witness is not a mediator
    assert (
        set(g.objects(agt, CKG.signatory))
        == set(g.objects(agt, CKG.party))
        == {ID["office-president-of-azerbaijan"], ID["office-prime-minister-of-armenia"]}
    )
    other = ID["agreement-pax-9002"]
    assert (other, CKG.thirdParty, ID.kazakhstan) in g
    assert (other, CKG.mediatedBy, ID.kazakhstan) not in g
    assert list(g.objects(other, CKG.signatoryMention)) == [Literal("S. Someone")]


def test_minted_actors_cite_pax_and_curated_ones_are_not_redeclared(small) -> None:
    g = small.graph
    assert g.value(ID.kazakhstan, CKG.attestedBy) == ID["pax-agreement-9002"]
    assert g.value(ID.kazakhstan, RDFS.label) == Literal("Kazakhstan", lang="en")
    assert (ID.russia, None, None) not in g
    assert (ID["office-president-of-russia"], RDF.type, None) not in g


def test_output_conforms_to_the_shapes(small) -> None:
    ontology = parse_turtle(REPO / "ontology" / "conflict.ttl")
    shapes = parse_turtle(REPO / "ontology" / "shapes.ttl")
    report = validate(curated(imported=True) + small.graph, shapes=shapes, ontology=ontology)
    assert report.conforms, [f.message for f in report.findings]


def test_indonesian_label_exemption_is_only_for_database_records() -> None:
    ontology = parse_turtle(REPO / "ontology" / "conflict.ttl")
    shapes = parse_turtle(REPO / "ontology" / "shapes.ttl")
    base = curated(imported=True)
    quoted = Graph()
    quoted.add((ID.x, RDF.type, CKG.Ceasefire))
    quoted.add((ID.x, RDFS.label, Literal("a ceasefire", lang="en")))
    quoted.add((ID.x, CKG.attestedBy, ID["q-liputan6-moscow-talks-11"]))
    report = validate(base + quoted, shapes=shapes, ontology=ontology)
    assert [f.focus for f in report.findings] == [str(ID.x)]
    assert "Indonesian label" in report.findings[0].message
    record = Graph()
    record.add((ID.x, RDF.type, CKG.Ceasefire))
    record.add((ID.x, RDFS.label, Literal("a ceasefire", lang="en")))
    record.add((ID.x, CKG.attestedBy, ID["pax-agreement-1"]))
    record.add((ID["pax-agreement-1"], RDF.type, CKG.DatabaseRecord))
    record.add((ID["pax-agreement-1"], RDFS.label, Literal("PA-X agreement record 1", lang="en")))
    record.add((ID["pax-agreement-1"], SCHEMA.url, URIRef("https://example.org/1/")))
    record.add(
        (
            ID["pax-agreement-1"],
            URIRef("http://purl.org/dc/terms/isPartOf"),
            ID["src-liputan6-moscow-talks"],
        )
    )
    assert validate(base + record, shapes=shapes, ontology=ontology).conforms


def test_output_is_deterministic(tmp_path: Path) -> None:
    src = write_csv(tmp_path / "pax.csv", ROWS)
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}.ttl"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "kg",
                "--root",
                str(REPO),
                "import",
                "pax",
                str(src),
                "-o",
                str(out),
                "--quiet",
            ],
            check=True,
            env=env,
        )
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    assert b"agreement-pax-9001" in outs[0]


def test_cli_writes_output_and_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = write_csv(tmp_path / "pax.csv", ROWS)
    out, rep = tmp_path / "o" / "pax.ttl", tmp_path / "r.csv"
    code = main(
        [
            "--root",
            str(REPO),
            "import",
            "pax",
            str(src),
            "-o",
            str(out),
            "--report",
            str(rep),
            "--ucdp-conflict",
            "388",
        ]
    )
    assert code == 0
    assert "imported 2 agreements" in capsys.readouterr().err
    assert Graph().parse(out, format="turtle")
    rows = list(csv.DictReader(rep.open(encoding="utf-8")))
    assert list(rows[0])[:6] == ["AgtId", "column", "mention", "resolution", "confidence", "role"]
    assert list(rows[0])[6:] == ["roles", "kind", "language", "heading"]
    assert {"9001", "9002"} == {r["AgtId"] for r in rows}
    assert any(r["resolution"] == "unresolved" and r["mention"] == "S. Someone" for r in rows)


def run_bad(tmp_path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    out = tmp_path / "out.ttl"
    out.write_text("previous\n")
    code = main(
        [
            "--root",
            str(REPO),
            "import",
            "pax",
            str(tmp_path / "pax.csv"),
            "-o",
            str(out),
            "--quiet",
            *extra,
        ]
    )
    err = capsys.readouterr().err
    if code != 0:
        assert out.read_text() == "previous\n"
    return code, err


def test_not_pax_names_the_missing_columns(tmp_path, capsys) -> None:
    columns = tuple(c for c in REQUIRED if c not in ("Dat", "ThrdPart"))
    write_csv(tmp_path / "pax.csv", ROWS, columns)
    code, err = run_bad(tmp_path, capsys)
    assert code == 2
    assert "missing column(s) Dat, ThrdPart" in err
    assert "Traceback" not in err


def test_bad_rows_are_reported_with_their_row_and_line(tmp_path, capsys) -> None:
    bad = [ROWS[0], row("9003", "31/02/2020"), row("", "01/01/2020")]
    write_csv(tmp_path / "pax.csv", bad)
    code, err = run_bad(tmp_path, capsys)
    assert code == 2
    assert "pax.csv:4: row 2: AgtId 9003: malformed Dat" in err
    assert "pax.csv:5: row 3: empty AgtId" in err
    code, err = run_bad(tmp_path, capsys, "--skip-bad", "--report", str(tmp_path / "r.csv"))
    assert code == 0
    assert "skipped" in err and "row 2" in err
    out = (tmp_path / "out.ttl").read_text()
    assert "agreement-pax-9001" in out and "9003" not in out
    report = (tmp_path / "r.csv").read_text()
    assert "skipped: AgtId 9003: malformed Dat" in report


def test_not_utf8_and_empty_files(tmp_path, capsys) -> None:
    (tmp_path / "pax.csv").write_bytes("AgtId,Agt\n1,Caf\u00e9\n".encode("latin-1"))
    code, err = run_bad(tmp_path, capsys)
    assert code == 2 and "not UTF-8" in err and "pax.csv:2" in err
    (tmp_path / "pax.csv").write_bytes(b"")
    code, err = run_bad(tmp_path, capsys)
    assert code == 2 and "the file is empty" in err


def test_empty_selection_is_an_error(tmp_path, capsys) -> None:
    write_csv(tmp_path / "pax.csv", ROWS)
    code, err = run_bad(tmp_path, capsys, "--process", "999")
    assert code == 2 and "no PA-X rows match" in err


def test_progress_only_on_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    from kg.cli.import_ import _counter, _progress

    assert list(_progress(False)(iter([1, 2, 3]))) == [1, 2, 3]  # type: ignore[operator]
    assert "PA-X rows" not in capsys.readouterr().err  # stderr is not a TTY here
    assert list(_counter(list(range(250)))) == list(range(250))
    assert "PA-X rows: 250/250" in capsys.readouterr().err


def test_output_cannot_overwrite_the_input_or_go_nowhere(tmp_path, capsys) -> None:
    src = write_csv(tmp_path / "pax.csv", ROWS)
    before = src.read_bytes()
    code = main(["--root", str(REPO), "import", "pax", str(src), "-o", str(src), "--quiet"])
    assert code == 2 and "overwrite the input" in capsys.readouterr().err
    assert src.read_bytes() == before
    blocked = tmp_path / "file"
    blocked.write_text("")
    code = main(
        ["--root", str(REPO), "import", "pax", str(src), "-o", str(blocked / "x.ttl"), "--quiet"]
    )
    err = capsys.readouterr().err
    assert code == 2 and "cannot write" in err and "Traceback" not in err


@pytest.mark.parametrize("option", ["-o", "--report"])
@pytest.mark.parametrize("value", ["", " ", "."])
def test_an_empty_or_folder_output_name_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, value: str
) -> None:
    # Before: `-o ''` raised ValueError (Path.with_name) after reading the CSV.
    from kg.cli.main import main

    csv = tmp_path / "pax.csv"
    csv.write_text("AgtId,Agt\n1,x\n", encoding="utf-8")
    args = ["-o", str(tmp_path / "p.ttl"), "--report", str(tmp_path / "r.csv")]
    args[args.index(option) + 1] = value
    assert main(["import", "pax", str(csv), *args]) == 2
    err = capsys.readouterr().err
    assert f"error: {option} {value!r}: give a file name" in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pax.csv"]


def test_a_government_named_without_its_state_is_the_location_s_by_inference(
    tmp_path: Path,
) -> None:
    """Colombia's ELN agreements list "Delegation of National Government in the Peace
    Dialogues Table" (2703, 2719): the state is the agreement's one location, which the
    importer concludes and attests as its inference, never as PA-X's words."""
    colombia = {"Loc1ISO": "COL", "Loc2ISO": "", "UcdpCon": "", "PP": "9"}
    rows = [
        row(
            "9101",
            "10/11/2020",
            Part="Delegation of National Government in the Peace Dialogues Table\n"
            "Delegation of the National Liberation Army-ELN",
            **colombia,
        ),
        row("9102", "10/11/2020", Part="Government of Colombia\nNational Government", **colombia),
        row("9103", "10/11/2020", Part="For the Government", Loc1ISO="GBR", Loc2ISO="IRL"),
        row("9104", "10/11/2020", Part="Zangon-Kataf Local Government Area", **colombia),
        # 540 (CIV): Burkina Faso's president, whose state the text does not spell out
        row(
            "9105",
            "10/11/2020",
            Part="His Excellency Blaise CAMPAORE President of Faso Head of Government",
            **colombia,
        ),
    ]
    g = import_pax(write_csv(tmp_path / "pax.csv", rows), curated=curated()).graph
    first, second = ID["agreement-pax-9101"], ID["agreement-pax-9102"]
    state = g.value(first, CKG.location)
    assert state is not None and (first, CKG.party, state) in g
    (attestation,) = g.subjects(CKG.statementSubject, first)
    assert g.value(attestation, CKG.statementObject) == state
    assert set(g.objects(attestation, CKG.statementPredicate)) == {CKG.party, CKG.signatory}
    inference = g.value(attestation, CKG.inferredBy)
    assert (inference, RDF.type, CKG.EditorialInference) in g
    reason = str(g.value(inference, CKG.reason))
    assert '"Delegation of National Government in the Peace Dialogues Table"' in reason
    assert "COL" in reason and str(g.value(inference, PROV.used)).endswith("pax-agreement-9101")
    # where the text names the state, the role is PA-X's: no inference
    assert (second, CKG.party, state) in g and not list(g.subjects(CKG.statementSubject, second))
    # two locations, or a local government: no state
    assert list(g.objects(ID["agreement-pax-9103"], CKG.signatoryMention)) == [
        Literal("For the Government")
    ]
    assert not list(g.objects(ID["agreement-pax-9104"], CKG.party))
    assert not list(g.objects(ID["agreement-pax-9105"], CKG.party))  # a title, not a government
    ontology = parse_turtle(REPO / "ontology" / "conflict.ttl")
    shapes = parse_turtle(REPO / "ontology" / "shapes.ttl")
    report = validate(curated(imported=True) + g, shapes=shapes, ontology=ontology)
    assert report.conforms, [f.message for f in report.findings]


def test_the_location_s_government_under_a_heading_beside_a_party_or_abbreviated(
    tmp_path: Path,
) -> None:
    """The fifth audit of 2026-12-06: Colombia's 1140 and 1151 head their
    government's signatures "For the national government:", 1129 writes "Gobierno
    Nacional, FARC-EP", 180 "National Govt, FARC", 1117 "For the National Goverment,":
    a heading, a line that names another party too, "Govt" and the misspelling were
    not read as the government of the one location. "Govt. of Assam" and a governor
    ("Gov. Kuel Aguer Kuel", 2614) are none."""
    colombia = {"Loc1ISO": "COL", "Loc2ISO": "", "UcdpCon": "", "PP": "9"}
    rows = [
        row("9301", "10/11/2020", Part="For the national government:\nJuan Pérez", **colombia),
        row("9302", "10/11/2020", Part="Gobierno Nacional, FARC-EP", **colombia),
        row("9303", "10/11/2020", Part="National Govt, FARC", **colombia),
        row("9304", "10/11/2020", Part="For the National Goverment,\nJuan Pérez", **colombia),
        row("9305", "10/11/2020", Part="Govt. of Assam", Loc1ISO="IND", Loc2ISO="", UcdpCon=""),
        row(
            "9306", "10/11/2020", Part="Gov. Kuel Aguer Kuel", Loc1ISO="SSD", Loc2ISO="", UcdpCon=""
        ),
        row("9307", "10/11/2020", Part="For the FARC-EP: X", **colombia),  # mines the FARC-EP
    ]
    g = import_pax(write_csv(tmp_path / "pax.csv", rows), curated=curated()).graph
    state = g.value(ID["agreement-pax-9301"], CKG.location)
    for agt in ("9301", "9302", "9303", "9304"):
        assert (ID[f"agreement-pax-{agt}"], CKG.party, state) in g, agt
        (attestation,) = [
            a
            for a in g.subjects(CKG.statementObject, state)
            if g.value(a, CKG.statementSubject) == ID[f"agreement-pax-{agt}"]
        ]
        assert g.value(attestation, CKG.inferredBy) is not None, agt
    assert len(set(g.objects(ID["agreement-pax-9302"], CKG.party))) == 2  # and the FARC-EP
    for agt in ("9305", "9306"):
        assert not list(g.objects(ID[f"agreement-pax-{agt}"], CKG.party)), agt


def test_a_government_abbreviated_by_its_location_s_initials_is_the_location_s(
    tmp_path: Path,
) -> None:
    """Nepal's 1744-1797 sign "On behalf of GoN Talks Team", Uganda's talks with the LRA
    (262, 667-892) "Head of GoU Delegation", the DRC's 894 "Pour le GoRDC": PA-X never
    ties these to their state, and the state was no party. "Go" and the initials of the
    agreement's one location name its government, by the importer's inference."""
    rows = [
        row("9201", "10/11/2020", Part="On behalf of GoN Talks Team", Loc1ISO="NPL", Loc2ISO=""),
        row(
            "9202",
            "10/11/2020",
            Part="Hon. Ruhakana Rugunda (Dr) Minister of Internal Affairs and Head of GoU "
            "Delegation",
            Loc1ISO="UGA",
            Loc2ISO="",
        ),
        row("9203", "10/11/2020", Part="Pour le GoRDC", Loc1ISO="COD", Loc2ISO=""),
        row("9204", "10/11/2020", Part="On behalf of GoN Talks Team", Loc1ISO="UGA", Loc2ISO=""),
        row("9205", "10/11/2020", Part="GoN Talks Team", Loc1ISO="NPL", Loc2ISO="IND"),
    ]
    g = import_pax(write_csv(tmp_path / "pax.csv", rows), curated=curated()).graph
    for agt, name in (("9201", "Nepal"), ("9202", "Uganda"), ("9203", "Congo")):
        (party,) = g.objects(ID[f"agreement-pax-{agt}"], CKG.party)
        assert name in str(g.value(party, RDFS.label)), (agt, party)
        (attestation,) = [
            a
            for a in g.subjects(CKG.statementObject, party)
            if g.value(a, CKG.statementSubject) == ID[f"agreement-pax-{agt}"]
        ]
        reason = str(g.value(g.value(attestation, CKG.inferredBy), CKG.reason))
        assert '"Go" and the initials of' in reason, reason
    assert not list(g.objects(ID["agreement-pax-9204"], CKG.party))  # not Uganda's initials
    # two locations: the initials say which one's (a bare "Government" would not)
    (party,) = g.objects(ID["agreement-pax-9205"], CKG.party)
    assert "Nepal" in str(g.value(party, RDFS.label))


def test_a_government_or_delegation_by_its_location_s_initials_is_the_location_s(
    tmp_path: Path,
) -> None:
    """Northern Ireland's 124, 129, 134 and 135 are signed by the "UK government, Irish
    Government", 904 by the "UK Government"; the Central African Republic's 807, 810 and
    811 "For the CAR Government"; Papua New Guinea's 570 by the "Leader of the PNG
    Delegation". None had the state as a party. The initials of one of the agreement's
    locations before or after "Government", "Govt" or "Delegation" name that state's
    government, by the importer's inference. "CAR" standing alone, or a place ("in
    CAR"), is no government: Togo's 1264 signs "For CAR", a Togolese party."""
    cases = [  # (Part, Loc1ISO, Loc2ISO) of 9401, 9402 …
        ("UK government, Irish Government", "GBR", "IRL"),
        ("For the CAR Government", "CAF", ""),
        ("Sir Michael Somare GCMG CH MP, Leader of the PNG Delegation;", "PNG", ""),
        ("For CAR; Mr. Gahoun HEGBOR", "TGO", ""),
        ("Special Representative of the UN Secretary General in CAR", "CAF", ""),
        ("For the CAR Government", "TGO", ""),
    ]
    rows = [
        row(f"94{n:02}", "10/11/2020", Part=part, Loc1ISO=first, Loc2ISO=second)
        for n, (part, first, second) in enumerate(cases, 1)
    ]
    g = import_pax(write_csv(tmp_path / "pax.csv", rows), curated=curated()).graph
    for agt, name, short in (
        ("9401", "United Kingdom", "UK"),
        ("9402", "Central African Republic", "CAR"),
        ("9403", "Papua New Guinea", "PNG"),
    ):
        (party,) = g.objects(ID[f"agreement-pax-{agt}"], CKG.party)
        assert name in str(g.value(party, RDFS.label)), (agt, party)
        (attestation,) = g.subjects(CKG.statementObject, party)
        reason = str(g.value(g.value(attestation, CKG.inferredBy), CKG.reason))
        assert f"{short}: the initials of {name}" in reason, reason
        assert "names a government by its state's initials" in reason, reason
    for agt in ("9404", "9405", "9406"):
        assert not list(g.objects(ID[f"agreement-pax-{agt}"], CKG.party)), agt


def test_the_conflict_type_is_the_agreements_as_pax_codes_it(tmp_path: Path) -> None:
    """PA-X codes Contp on each agreement: Colombia's 168 "Government", others in the same
    `Con` "Government/territory" or "Inter-group". Stated on the conflict, every
    agreement of Colombia had three types; now each agreement has its own, whose
    notation is PA-X's code."""
    rows = [
        row("9101", "01/01/2001", Con="Colombia", Contp="Government", UcdpCon=""),
        row("9102", "01/01/2002", Con="Colombia", Contp="Inter-group", UcdpCon=""),
        row("9103", "01/01/2003", Contp="Government/territory"),  # the curated conflict
    ]
    g = import_pax(write_csv(tmp_path / "pax.csv", rows), curated=curated()).graph
    types = {
        str(agt).rsplit("-", 1)[-1]: str(g.value(t, SKOS.notation))
        for agt, t in g.subject_objects(CKG.agreementConflictType)
    }
    assert types == {"9101": "Government", "9102": "Inter-group", "9103": "Government/territory"}
    assert not list(g.subject_objects(CKG.conflictType))


def test_a_location_pax_gives_only_by_its_gleditsch_ward_number_is_kept(tmp_path: Path) -> None:
    """PA-X gives Kosovo (29 agreements: 405, 2015-2032 …) no ISO code, only `Loc1GWNO`
    "347.0": 21 agreements had no location at all."""
    columns = (*REQUIRED, "Loc1GWNO", "Loc2GWNO")
    rows = [
        row("9201", "01/01/2013", Loc1ISO="", Loc2ISO="SRB", Loc1GWNO="347.0", Loc2GWNO="345.0"),
        row("9202", "01/01/2014", Loc1ISO="", Loc2ISO="", Loc1GWNO="347.0", Loc2GWNO=""),
    ]
    g = import_pax(write_csv(tmp_path / "pax.csv", rows, columns), curated=curated()).graph
    agt1, agt2 = ID["agreement-pax-9201"], ID["agreement-pax-9202"]
    assert set(g.objects(agt1, CKG.locationCode)) == {Literal("GW:347")}
    assert set(g.objects(agt1, CKG.location)) == {ID.serbia}
    assert set(g.objects(agt2, CKG.locationCode)) == {Literal("GW:347")}


def test_an_agreement_in_a_curated_conflict_says_which_inference_puts_it_there(
    tmp_path: Path,
) -> None:
    """PA-X has no territory column: the 33 Nagorno-Karabakh agreements' ckg:territory
    and ckg:inConflict come from the curated conflict of UCDP id 388 and the curators'
    inference that it is the article's conflict, and were credited to the PA-X record
    alone (`why id:agreement-pax-1726 ckg:territory`)."""
    g = import_pax(
        write_csv(tmp_path / "pax.csv", [row("9301", "01/01/2001")]), curated=curated()
    ).graph
    agt = ID["agreement-pax-9301"]
    (attestation,) = g.subjects(CKG.statementSubject, agt)
    assert set(g.objects(attestation, CKG.statementPredicate)) == {CKG.inConflict, CKG.territory}
    assert g.value(attestation, CKG.recordField) == Literal("UcdpCon")
    inference = g.value(attestation, CKG.inferredBy)
    used = set(g.objects(inference, URIRef("http://www.w3.org/ns/prov#used")))
    assert ID["pax-agreement-9301"] in used and len(used) > 1  # and the curators' grounds
    reason = str(g.value(inference, CKG.reason))
    assert "UcdpCon" in reason and "id:inference-conflict-is-ucdp-388" in reason


def test_a_process_is_in_each_conflict_by_the_records_that_say_so(tmp_path: Path) -> None:
    """PA-X's "Bosnia peace process" (125) has agreements filed under Croatia's conflict and
    under Bosnia's: each `process ckg:inConflict conflict` was credited to every record of
    the process, those of the other conflict's agreements too."""
    rows = [
        row("9401", "01/01/1995", PP="125", Con="Croatia/Yugoslavia (former)", UcdpCon=""),
        row("9402", "01/01/1996", PP="125", Con="Bosnia and Herzegovina", UcdpCon=""),
    ]
    g = import_pax(write_csv(tmp_path / "pax.csv", rows), curated=curated()).graph
    process = ID["pax-process-125"]
    records = {}
    for att in g.subjects(CKG.statementSubject, process):
        assert g.value(att, CKG.statementPredicate) == CKG.inConflict
        assert g.value(att, CKG.recordField) == Literal("Con")
        records[str(g.value(att, CKG.statementObject)).rsplit("/", 1)[-1]] = set(
            g.objects(att, CKG.recordedIn)
        )
    assert records == {
        "pax-conflict-croatia-yugoslavia-former": {ID["pax-agreement-9401"]},
        "pax-conflict-bosnia-and-herzegovina": {ID["pax-agreement-9402"]},
    }


def test_a_pax_concept_is_attested_by_the_records_that_give_it(small) -> None:
    """A stage, sub-stage, type, status or conflict-type concept pairs PA-X's code with
    its label ("CeaMix" = "Mixed"): that pair is what the records' code and label
    columns give, so they attest it (43 concepts cited nothing until 2026-12-06)."""
    g = small.graph
    concepts = {o for o in g.objects() if (o, RDF.type, SKOS.Concept) in g}
    assert concepts
    for concept in concepts:
        users = {
            ID[str(agt).rsplit("/", 1)[-1].replace("agreement-pax-", "pax-agreement-")]
            for agt in g.subjects(None, concept)
            if str(agt).startswith(str(ID["agreement-pax-"]))
        }
        assert set(g.objects(concept, CKG.attestedBy)) == users, concept


def test_every_property_an_agreement_gets_names_its_pax_column(small) -> None:
    """`why` names the column a record gives a statement from (ckg:fromRecordField); a
    property the importer writes without one would be credited to the whole record."""
    ontology = Graph().parse(REPO / "ontology" / "conflict.ttl")
    annotated = set(ontology.subjects(CKG.fromRecordField, None))
    names = {RDF.type, RDFS.label, CKG.attestedBy, CKG.territory}  # territory: attested
    written = {
        p
        for s, p, _ in small.graph
        if str(s).startswith(str(ID["agreement-pax-"])) and p not in names
    }
    assert written and written <= annotated, written - annotated
