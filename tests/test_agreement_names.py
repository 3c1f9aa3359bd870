"""An agreement's name is tagged with its own language, not always ``@en``.

PA-X keeps about one agreement in seven under its own French, Spanish or
Portuguese title. The importer tags each name with its language
(:mod:`kg.importers.language`, :mod:`kg.importers.titles`), the shapes accept an
agreement named only in another language, and the library's queries show that
name when no label is in the language asked for.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import RDFS

from kg.check.shacl.reference import validate
from kg.check.shacl.sparql import validate_fast
from kg.importers.language import title_language, title_parts
from kg.importers.run import import_pax
from tests.test_pax_import import curated, row, write_csv

REPO = Path(__file__).resolve().parent.parent
BASE = REPO / "tests" / "fixtures" / "shapes" / "_base.ttl"
CKGSH = Namespace("https://w3id.org/conflict-kg/shapes#")
ID = Namespace("https://w3id.org/conflict-kg/id/")


@pytest.mark.parametrize(
    ("title", "language"),
    [
        ("Acuerdo entre el Gobierno Nacional y el Ejército Popular de Liberación", "es"),
        ("Protocolo de Verificación", "es"),  # "-ción" is Spanish alone
        ("Accord de Cessez-le-Feu", "fr"),
        ("Accords de Lomé", "fr"),
        ("Declaração de Cessação das Hostilidades Militares", "pt"),
        # English names quoting a party's or a place's own words stay English
        ("Peace Agreement between the Government and Le Congres National pour la Défense", "en"),
        ("Cattle Conference, Western Bahr el Ghazal, Northern Bahr el Ghazal and Warrap", "en"),
        ("Afghan Peace Accord (Islamabad Accord)", "en"),
        ("Lomé Peace Accord", "en"),
        ("Groot Schuur Minute", "en"),
        # words that Spanish and Portuguese share do not decide alone
        ("Comunicado Conjunto 2", "en"),
    ],
)
def test_a_name_is_told_by_its_own_words(title: str, language: str) -> None:
    assert title_language(title) == language


def test_shared_words_take_the_first_hint_the_name_has_a_word_of() -> None:
    assert title_language("Comunicado Conjunto 2", hints=["es"]) == "es"
    assert title_language("Comunicado Conjunto 2", hints=["fr", "pt"]) == "pt"
    assert title_language("Comunicado Conjunto 2", hints=["fr"]) == "en"
    # a name with an English word is never moved by a hint
    assert title_language("Joint Communique, Bogota", hints=["es"]) == "en"


def test_a_name_given_in_english_and_spanish_is_two_names() -> None:
    title = "Political Agreement of the ProcessSpanish: Acuerdo Político del Proceso"
    assert title_parts(title) == [
        ("Political Agreement of the Process", "en"),
        ("Acuerdo Político del Proceso", "es"),
    ]


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    rows = [
        row("9101", "01/02/1991", PP="77", Con="A", Agt="Acuerdo entre el Gobierno y el EPL"),
        row("9102", "01/03/1991", PP="77", Con="B", Agt="Comunicado Conjunto 2"),
        row("9103", "01/04/1991", PP="78", Con="B", Agt="Comunicado Conjunto 3"),
        row("9104", "01/05/1991", PP="78", Con="B", Agt="Accord de Cessez-le-Feu"),
        row("9105", "01/06/1991", PP="79", Con="B", Agt="Ceasefire Agreement"),
        row(
            "9106", "01/07/1991", PP="79", Con="B", Agt="Agreement of the Meeting Spanish: Acuerdo"
        ),
    ]
    path = write_csv(tmp_path_factory.mktemp("names") / "pax.csv", rows)
    # only conflict B is imported: 9102's hint comes from 9101, which is not
    return import_pax(path, curated=curated(), conflict="B").graph


def _labels(graph: Graph, agt_id: str) -> set[tuple[str, str | None]]:
    node = ID[f"agreement-pax-{agt_id}"]
    return {(str(o), o.language) for o in graph.objects(node, RDFS.label) if isinstance(o, Literal)}


def test_the_importer_tags_each_name_with_its_language(imported: Graph) -> None:
    assert _labels(imported, "9101") == set()  # not selected
    assert _labels(imported, "9102") == {("Comunicado Conjunto 2", "es")}
    assert _labels(imported, "9103") == {("Comunicado Conjunto 3", "en")}  # its process: French
    assert _labels(imported, "9104") == {("Accord de Cessez-le-Feu", "fr")}
    assert _labels(imported, "9105") == {("Ceasefire Agreement", "en")}
    assert _labels(imported, "9106") == {("Agreement of the Meeting", "en"), ("Acuerdo", "es")}


PREFIXES = """@prefix ckg:  <https://w3id.org/conflict-kg/ontology#> .
@prefix id:   <https://w3id.org/conflict-kg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
@prefix dct:  <http://purl.org/dc/terms/> .
id:en-doc a ckg:NewsReport ; rdfs:label "A report in English"@en ; dct:publisher id:fx-publisher ;
    dct:date "1991-01-01"^^xsd:date ; dct:language "en" .
"""
SHAPE_CASES = {
    "named in Spanish only": (
        'id:a a ckg:Agreement ; rdfs:label "Acuerdo de Paz"@es ; ckg:attestedBy id:en-doc .',
        set(),
    ),
    "a ceasefire agreement named in French only": (
        'id:a a ckg:Agreement , ckg:Ceasefire ; rdfs:label "Accord de Cessez-le-Feu"@fr ;'
        " ckg:attestedBy id:en-doc .",
        set(),
    ),
    "English and Spanish names": (
        'id:a a ckg:Agreement ; rdfs:label "Peace Agreement"@en , "Acuerdo de Paz"@es ;'
        " ckg:attestedBy id:en-doc .",
        set(),
    ),
    "no name": ("id:a a ckg:Agreement ; ckg:attestedBy id:en-doc .", {"AgreementName"}),
    "two English names": (
        'id:a a ckg:Agreement ; rdfs:label "A"@en , "B"@en ; ckg:attestedBy id:en-doc .',
        {"EnglishLabel"},
    ),
    "two names, neither English": (
        'id:a a ckg:Agreement ; rdfs:label "Acuerdo"@es , "Accord"@fr ; ckg:attestedBy id:en-doc .',
        {"AgreementNameWithoutEnglish"},
    ),
    "a ceasefire that is no agreement, named in French only": (
        'id:a a ckg:Ceasefire ; rdfs:label "Trêve"@fr ; ckg:attestedBy id:en-doc .',
        {"EventEnglishLabel"},
    ),
}


@pytest.mark.parametrize("case", list(SHAPE_CASES))
def test_the_shapes_accept_a_name_in_its_own_language_only_for_an_agreement(
    case: str, tmp_path: Path
) -> None:
    text, broken = SHAPE_CASES[case]
    data_file = tmp_path / "data.ttl"
    data_file.write_text(PREFIXES + text, encoding="utf-8")
    shapes = Graph().parse(REPO / "ontology" / "shapes.ttl")
    ontology = Graph().parse(REPO / "ontology" / "conflict.ttl")
    data = Graph().parse(BASE).parse(data_file)
    focus = str(ID["a"])
    slow = {
        str(f.shape)[len(str(CKGSH)) :]
        for f in validate(data, shapes=shapes, ontology=ontology).errors
        if str(f.focus) == focus and str(f.shape).startswith(str(CKGSH))
    }
    fast = {
        str(f.shape)[len(str(CKGSH)) :]
        for f in validate_fast(
            [BASE, data_file], shapes=shapes, ontology=[REPO / "ontology" / "conflict.ttl"]
        )
        if str(f.focus) == focus and str(f.shape).startswith(str(CKGSH))
    }
    assert slow == broken
    assert fast == broken


def test_a_name_keeps_no_invisible_characters() -> None:
    """PA-X writes soft hyphens in 983-989 ("Israeli\\xad Palestinian Interim Agreement") and
    a zero-width space before 2701, 2710 and 2712 ("\\u200bAcuerdo sobre …"): a search for
    "Israeli Palestinian" or a sort by name missed them."""
    import datetime as dt

    from kg.importers.pax import PaxRow
    from kg.importers.titles import agreement_title

    def title(agt: str) -> str:
        row = PaxRow(number=1, line=2, fields={"AgtId": "1", "Agt": agt}, date=dt.date(2000, 1, 1))
        return agreement_title(row)

    assert (
        title("Israeli\xad Palestinian Interim Agreement")
        == "Israeli Palestinian Interim Agreement"
    )
    assert title("Israeli \xadPalestinian") == "Israeli Palestinian"
    assert title("\u200bAcuerdo sobre las estructuras") == "Acuerdo sobre las estructuras"
    assert title("\ufeffA\u2028B") == "A B"
