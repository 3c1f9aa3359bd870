"""Names and patterns used to resolve actor mentions (see :mod:`kg.importers.reconcile`).

Office titles, ministries, the cue words before a state's name, and the words
that mark a non-state body; English plus the French, Spanish and transliterated
words that PA-X's texts use for movements, parties and fronts.

Examples
--------
>>> bool(BLOCK.search("Sudan People's Liberation Movement"))
True
"""

from __future__ import annotations

import re
import unicodedata

from rdflib import Namespace

CKG = Namespace("https://w3id.org/conflict-kg/ontology#")
ID = Namespace("https://w3id.org/conflict-kg/id/")


def slug(text: str) -> str:
    """A lowercase ASCII slug for minted IRIs.

    Examples
    --------
    >>> slug("Côte d'Ivoire")
    'cote-d-ivoire'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


_APOSTROPHES = frozenset("'’ʼʻ‘`")
_POSSESSIVE = re.compile(r"[sS](?![^\W\d_])")


def folded(text: str) -> tuple[str, list[int]]:
    """``text`` without accents, with one apostrophe for all, and without those inside a
    word ("Hayʼat Tahrīr al-Shām" → "Hayat Tahrir al-Sham"; an elision's stays,
    "l’Union" → "l'Union", and a possessive's, "Council’s" → "Council's"), and where each
    of its characters is in ``text`` (one more index: the end).

    Examples
    --------
    >>> folded("Hayʼat Tahrīr")
    ('Hayat Tahrir', [0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])
    """
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch in _APOSTROPHES:
            inside = i >= 3 and text[i - 3 : i].isalpha() and text[i + 1 : i + 2].isalpha()
            if inside and not _POSSESSIVE.match(text, i + 1):
                continue  # three letters before it, and not "'s": inside a word
            ch = "'"
        chars.append(unicodedata.normalize("NFKD", ch)[:1] or ch)
        where.append(i)
    where.append(len(text))
    return "".join(chars), where


ACTOR_CLASSES = (
    CKG.Actor,
    CKG.State,
    CKG.InternationalOrganization,
    CKG.MediationGroup,
    CKG.GovernmentBody,
    CKG.Office,
    CKG.Person,
    CKG.ArmedForces,
)
# (pattern, role, IRI slug, English title); singular forms.
OFFICES = (
    (
        r"Prime Minister|Premier ministre|Primer Ministro|Primeiro[- ]Ministro",
        CKG.PrimeMinister,
        "prime-minister",
        "Prime Minister",
    ),
    (r"President|Pr[ée]sident|Presidente", CKG.President, "president", "President"),
    (
        r"Foreign Minister|Minister (?:of|for) Foreign Affairs|Ministre des Affaires "
        r"[ée]trang[èe]res|Ministro de (?:Relaciones|Asuntos) Exteriores|Ministro dos "
        r"Neg[óo]cios Estrangeiros",
        CKG.ForeignMinister,
        "foreign-minister",
        "Foreign Minister",
    ),
    (
        r"Defen[cs]e Minister|Minister (?:of|for) Defen[cs]e",
        CKG.DefenceMinister,
        "defence-minister",
        "Defence Minister",
    ),
)
PLURAL = {
    "presidents": 1,
    "prime ministers": 0,
    "foreign ministers": 2,
    "ministers of foreign affairs": 2,
    "ministers for foreign affairs": 2,
    "defence ministers": 3,
    "ministers of defence": 3,
}
PLURAL_RE = re.compile(
    r"(?<!deputy )(?<!vice )(?<!vice-)\b(" + "|".join(PLURAL) + r")\s+of\b", re.I
)
"""A title in the plural before the states whose offices it names ("the Ministers for
Foreign Affairs of China, France, …"); not their deputies' ("The Deputy Ministers for
Foreign Affairs of …", 553)."""
MINISTRIES = (
    (
        r"Ministry of Foreign Affairs|Foreign Ministry|MFA",
        "foreign-ministry",
        "Ministry of Foreign Affairs",
        re.compile(r"foreign ministry|ministry of foreign", re.I),
    ),
    (
        r"Ministry of Defen[cs]e|Defen[cs]e Ministry",
        "defence-ministry",
        "Ministry of Defence",
        re.compile(r"defen[cs]e ministry|ministry of defen", re.I),
    ),
)
AFTER = tuple(
    re.compile(
        r"(?:\s+[A-Z][\w.'’-]*){" + str(n) + r"},?\s+(?:(?:of|for|de|du|del|da|do|des)\s+)?"
        r"(?:(?:the|la|le|les|l')\s*)?"
    )
    for n in range(4)
)
# "Republic of" before a state's short name ("Republic of Rwanda"; pycountry has
# "Rwandese Republic").
OFFICIAL_PREFIX = re.compile(
    # "Islamic State of Afghanistan" (409), not "Puntland State of Somalia" (359): a
    # state's style has an adjective before "State", a state within it a name
    r"(?:(?:[A-Z][a-z]+\s+)?(?:Republic|Kingdom|Sultanate|Principality)"
    r"|(?:[A-Z][a-z]+(?:ic|al|ent)\s+)?State)\s+of\s+(?:the\s+)?"
    r"|(?:R[ée]publique|Rep[úu]blica)\s+(?:du|de la|de l'|de|del|da|do|des)\s*"
)
MISSION = re.compile(
    r"\s+(?:Mediation|Mediating)\s+(?:Mission|Team)\b|\s+(?:Government|Side|Delegation|"
    r"Facilitator|Supreme Soviet|Supreme Council|Parliament|Leadership|Co-?Chairman|"
    r"(?:Special\s+)?Envoy)\b",
    re.I,
)
ADJ_REPUBLIC = re.compile(r"\s+Republic\b(?!\s+of)")  # "Azerbaijani Republic"
ADJ_MEDIATION = re.compile(r"\s+(?:co-?)?(?:mediation|mediator|facilitation)\b", re.I)
"""After a state's adjective: its mediation ("the Chadian Mediation", "Chadian
Co-Mediation"), which the state carries out (after a name it may be the mediation's
subject)."""
NOT_HOLDER = re.compile(
    r"\b(?:(?:deputy|vice|vice-|assistant|representative|envoy|adviser|advisor|office|former|ex-|"
    r"administration|spokes\w+|chief of staff|"
    # "Second President of Ukraine" (1362): a former holder
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:(?:of|to)\s+)?"
    # "The Deputy Minister to the Minister of Foreign Affairs of …" (808)
    r"|(?:deputy|vice|assistant)\s+minister\s+(?:of|to)\s+)(?:the\s+)?$",
    re.I,
)
BLOCK = re.compile(
    r"\b(?:movement|front|party|liberation|army|forces|mission|nations|union|council|committee|"
    r"commission|group|envoy|organi[sz]ation|communit(?:y|ies)|alliance|coalition|rebels?|"
    r"popular|revolutionary|militia|authority|region|province|"
    r"people'?s(?!\s+republic)|opposition|church|"
    r"bank|fund|programme|program|bishop|tribe|clan|district|county|municipality|faction|"
    r"gratitude|thanks?|parti|partido|mouvement|movimiento|frente|lib[ée]ration|liberaci[óo]n|"
    r"arm[ée]e|ej[ée]rcito|fuerzas|uni[óo]n|conseil|consejo|comit[ée]|rassemblement|alianza|"
    r"congr[eè]s|congress|forum|association|ngo|network|institute|university|agreement|"
    r"federation of|episcopal|conference|dialogue|participants|summit|meeting|civil society|"
    r"(?-i:UN|AU)|srsg|bishops|former|oau|igad|ecowas|sadc|arab league|african union|morcha|sangh|"
    r"samiti|parishad|jabha|harakat|jamaat|jamiat|ittihad|hezb|hizb|parties|samaj|pradesh|sabha|"
    r"sangathan|ekta|whereof|declaration|[ée]glise|iglesia|igreja|elders?|churches)\b",
    re.I,
)
# A state named in a longer mention counts only after one of these (or as a list item).
STATE_CUE = re.compile(
    r"(?:^|[,;]|\b(?:for|on behalf of|governments?\s+of|representing|representatives?\s+"
    r"(?:of|from)|delegation\s+of|embassy\s+of|ambassador\s+of|of|and|by|witness(?:es)?|"
    r"signed by|pour|au nom d[eu]|par|et|por|en nombre de|y|pelo|pela|em nome d[aeo]|e|"
    r"gouvernement|gobierno|governo|de|du|del|da|do|des))"
    r"(?:\s*\b(?:the|la|le|les|l'|el|los|las|o|a|os|as))?\s*$",
    re.I,
)
OFFICIAL = re.compile(r"\bof\b|republic|kingdom|r[ée]publique|rep[úu]blica|royaume|reino", re.I)
# A state name followed by a capitalised word is a person's name ("Nigeria Rentería").
NAME_AFTER = re.compile(r"\s+(?!(?:Government|Delegation|Side|Republic|State)\b)[A-Z][a-z]")
ORIGIN = re.compile(r"(?<!representatives )(?<!representative )\bfrom(?:\s+the)?\s*$", re.I)
LEAD = re.compile(
    r"^(?:(?:for|to|copy to|copied to|the|h\.\s?e\.|signed by|signed on behalf of|"
    r"on behalf of|parties|"
    r"governments? of|pour|au nom de|por|en nombre de|pelo|pela|em nome de|le|la|el|o)"
    r"\b[\s:]*)+",
    re.I,
)
GOVERNMENT_AND = re.compile(
    r"^(?:the\s+)?(?:federal\s+)?government\s+of\s+(?:the\s+)?(?P<state>[^,;:()]+?)"
    r"\s+and\s+(?:the\s+)?(?P<rest>\S.*)$",
    re.I,
)
"""A state's government and another actor on one line: "Government of Rwanda and
Rwandese Patriotic Front" (469), "The Federal Government of Iraq and the Kurdistan
Regional Government" (2744)."""
GOVERNMENT_AND_IN = re.compile(
    r"\b(?:the\s+)?(?:(?:federal|transitional)\s+)?government\s+of\s+(?:the\s+)?"
    r"(?P<state>[^,;:()]+?)\s+and\s+(?:the\s+)?(?P<rest>\S.*)$",
    re.I,
)
""":data:`GOVERNMENT_AND` anywhere in a line (with ``search``) and after "Transitional":
"Unsigned. Presumed to be agreed between the Government of Nepal and the CPN
(Maoists)" (1327). Mined names keep :data:`GOVERNMENT_AND`: "Transitional government
of … Burundi and National Council for the Defence of Democracy - Forces …" would
leave the first half of the CNDD-FDD's name as a body."""
LIST_GLUE = re.compile(
    r"^(?:[\s,;:.]|\b(?:and|the|governments?|of|et|y|e|gouvernement|gobierno|governo|"
    r"national|nacional|nationale|federal|de|du|del|da|do|la|le|el)\b)*$",
    re.I,
)

# Armed forces named as the army or armed forces of their state.
FORCES = re.compile(
    r"(?<![\w-])(?:Army|Armed Forces|Defen[cs]e Forces|Forces arm[ée]es|Fuerzas Armadas|"
    r"For[çc]as Armadas|Ej[ée]rcito|Arm[ée]e)(?![\w-])",
    re.I,
)
SIGNED_BY = re.compile(r"^.*?\b(?:on behalf of|signed by|sign[ée] par|firmado por)\s+", re.I)
PLACE = re.compile(
    r"\b(?:in|at|à|en|done at|fait à|hecho en)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s*$"
)
ENVOY = re.compile(
    r"\b(?:envoy|representative|ambassador|minister|delegate|secretary|deputy|head|"
    r"counsellor|consul|embassy|mission)\b",
    re.I,
)

__all__ = [
    "ENVOY",
    "FORCES",
    "PLACE",
    "SIGNED_BY",
    "ACTOR_CLASSES",
    "GOVERNMENT_AND",
    "GOVERNMENT_AND_IN",
    "ADJ_REPUBLIC",
    "AFTER",
    "BLOCK",
    "CKG",
    "ID",
    "LEAD",
    "LIST_GLUE",
    "MINISTRIES",
    "MISSION",
    "NAME_AFTER",
    "NOT_HOLDER",
    "OFFICES",
    "OFFICIAL",
    "OFFICIAL_PREFIX",
    "ORIGIN",
    "PLURAL",
    "PLURAL_RE",
    "STATE_CUE",
    "slug",
]
