"""The names bodies are mined under: a list's dash or a delegation is no part of them."""

from __future__ import annotations

from rdflib import RDFS

from kg.importers.groups import GroupIndex
from kg.importers.mentions import split_mentions


def _mined(*lines: str) -> set[str]:
    mentions = [("1", m) for line in lines for m in split_mentions(line, column="Part")]
    return {group.label for group in GroupIndex.mine(mentions).groups.values()}


def _index_of(*lines: str) -> GroupIndex:
    """The bodies mined from ``lines``, each given by two agreements."""
    return GroupIndex.mine(
        [
            (agt, m)
            for agt in ("1", "2")
            for line in lines
            for m in split_mentions(line, column="Part")
        ]
    )


def test_a_list_dash_is_no_part_of_a_name() -> None:
    """Chad's 761 lists "- For the Union of Forces for Democracy and Development: Mahamat
    Nouri": a body was minted as "- For the Union of Forces for Democracy and Development"."""
    labels = _mined("- For the Union of Forces for Democracy and Development: Mahamat Nouri")
    assert labels == {"Union of Forces for Democracy and Development"}
    (mention,) = split_mentions("- For the Rally of Forces for Change: X", column="Part")
    assert mention.match_text.startswith("For the Rally")


def test_a_delegation_of_a_body_is_the_body() -> None:
    """Guatemala's 309: "For the delegation of the National Reconciliation Commission:
    (Signed) …" minted "For the delegation of the National Reconciliation Commission"."""
    labels = _mined(
        "For the delegation of the National Reconciliation Commission: (Signed) Jorge SERRANO"
    )
    assert labels == {"National Reconciliation Commission"}


def test_the_government_of_a_state_under_an_old_official_name_is_no_body() -> None:
    """Mozambique's 419: "For the delegation of the Government of the People's Republic
    of Mozambique: …" is the state's government, not a body of its own."""
    assert not _mined(
        "For the delegation of the Government of the People's Republic of Mozambique: A. Guebuza"
    )


def test_a_title_in_the_plural_or_after_an_article_is_no_part_of_a_name() -> None:
    """Western Sahara's 689 and 698 list "Representatives of the Frente Polisario"; Mali's
    637 "Le Président du Comité de Transition pour le salut du Peuple: …", the CAR's 2192
    "Le Chef de mission: …", Nicaragua's 921 "For the Chiefs of Staff of Frente Norte
    380": each was minted as a body under the title's words."""
    labels = _mined(
        "Representatives of Morocco; Representatives of the Frente Polisario;",
        "Le Chef de mission: M. Citis-Drene ASSANA",
        "Le Président du Comité de Transition pour le salut du Peuple: Lt-Colonel A. Touré",
        "For the Chiefs of Staff of Frente Norte 380; Luis Guadalupe Borges – Pablo Negro;",
    )
    assert not {
        label for label in labels if label.split()[0] in ("Representatives", "Le", "Chiefs")
    }
    assert "Frente Polisario" in labels
    # a council of chiefs is a body ("North Nasioi Village Council of Chiefs", 326)
    assert _mined("Mr Theodore Miriung, Interim Chairman (North Nasioi Village Council of Chiefs);")


def test_a_state_under_its_peoples_republic_style_is_the_state(resolver) -> None:  # type: ignore[no-untyped-def]
    """Mozambique's 419 ("For the delegation of the Government of the People's Republic of
    Mozambique: …") and South Sudan's 2112 ("Representative of the Peoples Republic of
    China") named no state: "People's" marked a body ("People's Liberation Army")."""
    from kg.importers.patterns import ID

    for text, state in (
        (
            "For the delegation of the Government of the People's Republic of Mozambique: A. G.",
            "mozambique",
        ),
        ("Representative of the Peoples Republic of China", "china"),
    ):
        (mention,) = split_mentions(text, column="Part")
        named = [str(m.iri).removeprefix(str(ID)) for m in resolver.resolve(mention).matches]
        assert named == [state], text
    (army,) = split_mentions("For the People's Liberation Army of Sudan: X", column="Part")
    assert not resolver.resolve(army).matches


def test_a_body_s_led_mediation_is_the_body() -> None:
    """South Sudan's 1357 and 2112: "For the IGAD led Mediation:" minted a body "IGAD led
    Mediation" beside IGAD (7 agreements), a second node for IGAD in every network."""
    labels = _mined(
        "Intergovernmental Authority on Development (IGAD)",
        "For the IGAD led Mediation: Amb. Seyoum Mesfin",
        "C) For the IGAD-led Mediation",
    )
    assert not [label for label in labels if "led Mediation" in label]


def test_a_name_before_an_abbreviation_does_not_reach_back_past_a_bracket() -> None:
    """Mali's 1365: "… la Coordination pour le peuple de l'Azawad (CPA) et la coordination des
    mouvements et fronts patriotiques de résistance (CMFPR)" named the CMFPR "CPA et la
    coordination des mouvements …", the label every network showed for it."""
    labels = _mined(
        "Pour la Coordination des Mouvements et Forces Patriotiques de Resistance (CMFPR)",
        "la Coordination pour le peuple de l'Azawad (CPA) et la coordination des mouvements "
        "et fronts patriotiques de résistance (CMFPR)",
    )
    assert not [label for label in labels if label.startswith("CPA et")], labels


def test_british_and_american_spellings_of_a_name_are_one_body() -> None:
    """Myanmar's texts write "Kachin Independence Organisation" and "… Organization", others
    "North Atlantic Treaty Organisation" and "… Organization", "Co-operation" and
    "Cooperation": each spelling was minted as a body of its own."""
    labels = _mined(
        "For the Kachin Independence Organisation: X",
        "For the Kachin Independence Organization: Y",
        "For the North Atlantic Treaty Organisation: A",
        "For the North Atlantic Treaty Organization: B",
        "For the Economic Co-operation Council: Z",
        "For the Economic Cooperation Council: W",
    )
    assert len(labels) == 3, labels


def test_list_numbers_side_words_and_headings_are_no_bodies() -> None:
    """Bodies minted from what is no name (the fifth audit, 2026-12-06): Nepal's 1752
    "1\\tNepali Congress", the DRC's 671 "2. Le Président du Comité des Sages: …", 13's
    and 20's "From the UN: …", Iraq's 1243 "Participating in the meeting were the Foreign
    Ministers of: …", Pakistan's 1530 "Party No.1: …", Haiti's 2672 "Association des Jeunes
    Actifs de [Illegible]"."""
    labels = _mined(
        "1\tNepali Congress, President Girija Prasad Koirala, Sd.",
        "2. Le Président du Comité des Sages: Honorable Vital Kamerhe",
        "From the UN: Special Representative of the UN Secretary-General L. Bota",
        'Participating in the meeting were the Foreign Ministers of: "The Group of Countries"',
        "Party No.1: The Political Agent North Waziristan",
        "Signatory Party: For the Government of Burundi - H.E. Evariste Ndayishimiye",
        "Representante de la Iglesia: MONSEÑOR Luis Augusto Castro",
        "On behalf of the Secretary General of the UN for Somalia:",
        "[Illegible] Christian, Organisation, Association des Jeunes Actifs de [Illegible], AJAL",
    )
    assert "Nepali Congress" in labels, labels
    assert not [
        label
        for label in labels
        if label[0].isdigit()
        or label.startswith(
            ("From", "Participating", "Party No", "Signatory", "Representante", "Secretary")
        )
        or label.endswith(" de")
    ], labels


def test_a_dash_after_a_side_s_name_is_no_part_of_it() -> None:
    """Côte d'Ivoire's 436 (Linas-Marcoussis) lists "For the MPCI-" and "For the RDR-",
    each above its signatory: neither body was found, and the agreement had no party."""
    mentions = split_mentions(
        "For the MPCI-\nGuillaume SORO\n\nFor the RDR-\nA. OUATTARA", column="Part"
    )
    assert [m.match_text for m in mentions][::2] == ["For the MPCI", "For the RDR"]
    index = _index_of("For the MPCI: X")
    assert [g.label for g in index.find(mentions[0].match_text)] == ["MPCI"]


def test_a_name_with_or_without_its_apostrophe_is_one_body() -> None:
    """Sudan's 470 and 1967 write "Sudan Peoples Liberation Movement", 81 agreements "Sudan
    People's Liberation Movement": two bodies were minted."""
    labels = _mined(
        "For the Sudan People's Liberation Movement: X",
        "For the Sudan People's Liberation Movement: Y",
        "For the Sudan Peoples Liberation Movement: Z",
    )
    assert labels == {"Sudan People's Liberation Movement"}, labels


EMC_PART = (
    "[Government of Colombia]:\n"
    "Iván Danilo Rueda\n"
    "High Commissioner for Peace\n\n"
    "[Central General Staff of the FARC-EP]:\n\n"
    "Andrey Avendaño\n"
    "Head of Delegation of the Central General\n"
    "Staff of the FARC-EP\n\n"
    "[No signature]\n"
    "Alexander Farfán\n"
    "Delegation of the Central\n"
    "General Staff of the FARC-EP\n"
)


def test_a_side_pax_names_in_brackets_is_mined() -> None:
    """Colombia's ceasefires with the Central General Staff of the FARC-EP (2701-2708,
    2719-2728) head each side's signatures with PA-X's own "[Central General Staff of the
    FARC-EP]:": a side in brackets and a colon. It was read as an editorial note, so the
    body was never mined and the agreements had Colombia as their only party. A note in
    brackets ("[No signature]", "[Signed]") names no side."""
    mentions = split_mentions(EMC_PART, column="Part")
    sides = [m.match_text for m in mentions if m.header]
    assert sides == ["Government of Colombia", "Central General Staff of the FARC-EP"], sides
    assert _mined(EMC_PART) == {"Central General Staff of the FARC-EP"}
    assert not _mined("[No signature]:\nX", "[Signed]:\nY", "[Illegible name]:\nZ")
    assert not _mined("[National Government]:\nX")  # no state named: the location's, if any


def test_the_side_pax_names_in_brackets_is_a_party(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The body of the bracketed heading is a signatory of the agreement, with every
    delegate's line that names it; the FARC-EP its name contains is not."""
    from kg.importers.run import import_pax
    from tests.test_pax_import import CKG, ID, curated, row, write_csv

    colombia = {"Loc1ISO": "COL", "Loc2ISO": "", "UcdpCon": "", "PP": "177"}
    rows = [row("2701", "16/10/2023", Part=EMC_PART, **colombia)]
    g = import_pax(write_csv(tmp_path / "pax.csv", rows), curated=curated()).graph
    parties = {
        str(g.value(p, RDFS.label)) for p in g.objects(ID["agreement-pax-2701"], CKG.signatory)
    }
    assert parties == {"Colombia", "Central General Staff of the FARC-EP"}, parties


def test_an_arabic_article_is_no_initial() -> None:
    """Syria's 2186 and 2180 write "Hayat Tahrir al-Sham (HTS)": the initials of "al-Sham"
    were taken as A, HTA did not fit HTS, and Hayat Tahrir al-Sham was never mined, so
    none of the about 20 agreements it signs had it as a party."""
    assert _mined("Hayat Tahrir al-Sham (HTS)\nNour al-Din al-Zenki.") == {"Hayat Tahrir al-Sham"}


def test_a_body_is_found_whatever_its_accents_and_apostrophes() -> None:
    """Syria's 2279, 2281 and 2285 write "Hayʼat Tahrīr al-Shām", 2174 "Hay'at Tahrir
    al-Sham": the body mined as "Hayat Tahrir al-Sham" was not found in them."""
    index = _index_of("Hayat Tahrir al-Sham (HTS)")
    for text in ("From Hayʼat Tahrīr al-Shām", "Hay'at Tahrir al-Sham [signed]"):
        assert [g.label for g in index.find(text)] == ["Hayat Tahrir al-Sham"], text


def test_an_elision_or_a_possessive_keeps_its_apostrophe() -> None:
    """Folding the apostrophes inside a word must not glue "l’Union" (the AU in the CAR's
    833-840) nor drop the possessive of "Presidential Council’s office" (Libya's 2496)
    or "UNITED PEOPLE'S PARTY" (Liberia's 338)."""
    lines = [
        "For the Union Africaine (UA): X",
        "For the Presidential Council (PC): Y",
        "For the United People's Party (UPP): Z",
    ]
    index = _index_of(*lines)
    for text, label in (
        ("Pour l’Union Africaine", "Union Africaine"),
        ("Head of the Presidential Council’s office", "Presidential Council"),
        ("FOR UNITED PEOPLE'S PARTY FOR LIBERIA", "United People's Party"),
    ):
        assert [g.label for g in index.find(text)] == [label], text


def _mined_in(*texts: str) -> set[str]:
    """The bodies mined from ``texts``, one agreement each."""
    mentions = [
        (str(agt), m)
        for agt, text in enumerate(texts, start=1)
        for m in split_mentions(text, column="Part")
    ]
    return {group.label for group in GroupIndex.mine(mentions).groups.values()}


def test_an_armed_group_named_in_two_agreements_is_mined() -> None:
    """The fifth audit of 2026-12-06: PA-X names the United Tajik Opposition (16
    agreements), the Bougainville Revolutionary Army (11), Jaysh al-Islam and Faylaq
    al-Rahman (6 each), Ansar Allah (13) with no abbreviation and no word of
    :data:`_ORG_WORD`, so none was mined. An army's, forces', an opposition's or an
    administration's name with a word of its own is, once two agreements name it
    (anywhere in their text)."""
    assert _mined_in(
        "Govt of Tajikstan, United Tajik Opposition",
        "(Signed) Said Abdullo NURI, Leader of the United Tajik Opposition",
        "Jaysh al-Islam, Faylaq al-Rahman",
        "Faylaq al-Rahman; Jaysh al-Islam",
        "Bougainville Resistance Force, Bougainville Revolutionary Army",
        "Bougainville Resistance Forces, Bougainville Revolutionary Army",
        "Houthis (Ansar Allah);",  # 2004; "Saleh Ali al-Samad, Ansar Allah", 1884
        "Saleh Ali al-Samad, Ansar Allah",
    ) == {
        "Ansar Allah",
        "United Tajik Opposition",
        "Jaysh al-Islam",
        "Faylaq al-Rahman",
        "Bougainville Revolutionary Army",
        "Bougainville Resistance Force",  # and "Forces": one body
    }


def test_a_state_s_forces_generic_words_or_one_agreement_mine_no_armed_group() -> None:
    assert not _mined_in(
        "Lebanese Armed Forces; Military Forces",
        "Lebanese Armed Forces; Military Forces",
        "Signatories for Political Opposition",
        "Signatories for Political Opposition",
        "Karen Peace Army",  # one agreement only
        "General de Corps d'Armée Xavier Sylvestre Yangongo",
        "General de Corps d'Armée Xavier Sylvestre Yangongo",
    )
    # a piece of a longer name (2844), a person's name before a body's
    labels = _mined_in(
        "For the Second Marquetalia – Bolivarian Army:",
        "For the Second Marquetalia – Bolivarian Army:",
        "Abu Abdulrahman al-Kuwaiti, Northern Storm Front",
        "Abu Abdulrahman al-Kuwaiti Northern Storm Front",
    )
    assert "Bolivarian Army" not in labels
    assert not [label for label in labels if label.startswith("Abu")], labels


def test_a_name_is_found_whatever_dash_joins_its_words() -> None:
    """Colombia's texts write "FARC–EP" (an en dash, 13 mentions) and "FARC – EP": each
    was read as the FARC, a body of its own, not the FARC-EP they name."""
    lines = ["For the FARC-EP: X", "For the FARC: Y"]
    index = _index_of(*lines)
    for text in ("For FARC–EP:", "The National Government; the FARC – EP", "FARC - EP"):
        assert [g.label for g in index.find(text)] == ["FARC-EP"], text


def test_a_full_stop_after_an_abbreviation_ends_a_sentence() -> None:
    """Colombia's 812 and 815 sign "The National Government; the FARC - EP.", 1089 "Por el
    EPL.": an abbreviation before a full stop was taken for a title ("REV. John"), and
    the FARC-EP was no party. A title's full stop is followed by the name."""
    lines = ["Fuerzas Armadas Revolucionarias de Colombia (FARC-EP)", "REV (Rebel Army): X"]
    index = _index_of(*lines)
    found = index.find("The National Government; the FARC - EP.")
    assert [g.label for g in found] == ["Fuerzas Armadas Revolucionarias de Colombia"]
    assert index.find("REV. Sakuameso") == []
