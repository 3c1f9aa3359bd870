"""The README's figures about the repository's own data, recounted from the data.

Each test reads a figure from README.md and computes it from ``data/`` with the
project's code, so that an edit of the data that changes it fails here until the
README says it again.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from kg import CKG
from kg.check.coverage import STATEMENTS, _rank
from kg.cli.main import COMMANDS
from kg.outputs.entailment import entailed_triples
from kg.read.store import from_rdflib, load_store, select, to_rdflib_term

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
DATA = sorted((REPO / "data").glob("*.ttl"))
PAX_SLICE = REPO / "data" / "pax-nagorno-karabakh.ttl"
ARTICLE = [
    REPO / "data" / f"{n}.ttl" for n in ("sources", "actors", "places", "events", "inferences")
]
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def _number(text: str) -> int:
    return int(text.replace(",", ""))


def _mediators(files: list[Path]) -> set[str]:
    store = load_store([REPO / "ontology" / "conflict.ttl", *files])
    ontology = Graph().parse(REPO / "ontology" / "conflict.ttl")
    return {
        t.subject.value
        for t in entailed_triples(store, ontology)
        if t.predicate == RDF_TYPE and t.object == ox.NamedNode(str(CKG.Mediator))
    }


def test_the_mediators_the_readme_names_are_the_entailed_ones() -> None:
    said = re.search(
        r"From the article's (\w+) files, OWL RL \(owlrl\) and OWL 2 DL \(HermiT\)\s+"
        r"both infer exactly (.+?); with the PA-X slice, OWL RL\s+infers (\d+) mediators"
        r"(.+?)`tests/test_readme_facts\.py`",
        README,
        re.S,
    )
    assert said, "the README's sentence on the inferred mediators has changed form"
    words = {"four": 4, "five": 5, "six": 6}
    assert words[said[1]] == len(ARTICLE)
    graph = Graph()
    for path in DATA:
        graph.parse(path)
    article = _mediators(ARTICLE)
    english = {
        str(label)
        for iri in article
        for label in graph.objects(URIRef(iri), RDFS.label)
        if getattr(label, "language", None) == "en"
    }
    assert len(english) == len(article) and all(name in said[2] for name in english), english
    everything = _mediators(DATA)
    assert _number(said[3]) == len(everything)
    # each mediator the slice adds is the ckg:mediatedBy of an agreement the README names
    pax = Graph().parse(PAX_SLICE)
    added = everything - article
    agreements = {
        str(e).rsplit("-", 1)[-1]
        for e, actor in pax.subject_objects(CKG.mediatedBy)
        if str(actor) in added
    }
    named = set(re.findall(r"\b(\d{3,4})\b", said[4]))
    assert agreements == named, (agreements, named)


def _statements() -> tuple[Counter[str], int]:
    per_file = {path: Graph().parse(path) for path in DATA}
    graph = Graph().parse(REPO / "ontology" / "conflict.ttl")
    for part in per_file.values():
        graph += part
    kinds: Counter[str] = Counter()
    by_hand = 0
    for row in select(from_rdflib(graph), STATEMENTS):
        how = int(row["how"].value)
        rank = _rank(how, row["byRule"].value)
        kinds[{3: "inference", 2: "quotation", 1: "record"}.get(rank, "none")] += 1
        if rank == 1:
            kinds["rule" if how == 0 else "column"] += 1
        triple = tuple(to_rdflib_term(row[k]) for k in ("focus", "property", "value"))
        by_hand += any(triple in g for p, g in per_file.items() if p != PAX_SLICE)
    return kinds, by_hand


def test_the_statement_coverage_the_readme_gives_is_the_datas() -> None:
    row = re.search(
        r"\| ([\d,]+) \(100%\) \| ([\d,]+) \| ([\d,]+) \(([\d,]+) by the PA-X rule, "
        r"([\d,]+) with their column\) \| ([\d,]+) \|",
        README,
    )
    line = re.search(
        r"`statements attested: (\d+)/(\d+) \(100\.0%\): (\d+)\s+by quotation, "
        r"(\d+) by dataset record, (\d+) by editorial inference`",
        README,
    )
    hand = re.search(r"Of these, ([\d,]+) are curated by hand", README)
    assert row and line and hand, "the README's coverage figures have changed form"
    kinds, by_hand = _statements()
    total = sum(kinds[k] for k in ("inference", "quotation", "record", "none"))
    assert kinds["none"] == 0
    table = [_number(x) for x in row.groups()]
    assert table == [
        total,
        kinds["quotation"],
        kinds["record"],
        kinds["rule"],
        kinds["column"],
        kinds["inference"],
    ]
    assert [int(x) for x in line.groups()] == [
        total,
        total,
        kinds["quotation"],
        kinds["record"],
        kinds["inference"],
    ]
    assert _number(hand[1]) == by_hand


def test_the_readme_lists_every_library_query() -> None:
    table = set(re.findall(r"^\| `([a-z-]+)` \| ", README, re.M))
    library = {p.stem for p in (REPO / "queries").glob("*.rq")}
    assert library <= table, sorted(library - table)


@pytest.mark.parametrize("command", [c.NAME for c in COMMANDS])
def test_the_readme_synopsis_shows_every_command(command: str) -> None:
    synopsis = README[README.index("## The CLI") : README.index("python -m kg ...")]
    assert re.search(rf"^conflict-kg (\[--root DIR\] )?{command}\b", synopsis, re.M), command
