"""The explorer site, without a browser: pages, names, escaping, links, atomic writes."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS
from sitehelpers import build_site, hostile_project

from kg import CKG, ID
from kg.cli.main import main
from kg.outputs.site.names import page_names

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(REPO, tmp_path_factory.mktemp("site") / "out")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        for key in ("href", "src"):
            if found.get(key):
                self.links.append(str(found[key]))


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_typed_entity_has_a_page(site: Path) -> None:
    graph = Graph()
    for path in sorted((REPO / "data").glob("*.ttl")):
        graph.parse(path)
    typed = {str(s) for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef)}
    names = page_names(typed)
    assert {f"{n}.html" for n in names.values()} == {p.name for p in (site / "e").iterdir()}
    assert len({n.casefold() for n in names.values()}) == len(names)


def test_the_person_page_shows_her_quoted_sentence_and_its_chain(site: Path) -> None:
    graph = Graph().parse(REPO / "data" / "sources.ttl")
    quote = str(graph.value(ID["q-liputan6-moscow-talks-04"], CKG.quote))
    page = (site / "e" / "maria-zakharova.html").read_text(encoding="utf-8")
    assert quote.replace('"', "&#34;") in page
    assert '<span lang="id">Maria Zakharova</span>' in page
    assert "AFP report quoting Maria Zakharova" in page  # the reporting chain


def test_entailed_classes_are_shown(site: Path) -> None:
    page = (site / "e" / "russia.html").read_text(encoding="utf-8")
    entailed = page.split("Entailed by the ontology:", 1)[1].split("</p>", 1)[0]
    assert "ontology.html#t-Mediator" in entailed


def test_the_index_counts_the_graph_and_the_entailed_triples_apart(site: Path) -> None:
    from kg.read.store import load_store

    index = (site / "index.html").read_text(encoding="utf-8")
    found = re.search(r"(\d+) triples \(and (\d+) entailed by the ontology\)", index)
    assert found is not None
    graph = load_store([REPO / "ontology" / "conflict.ttl", *sorted((REPO / "data").glob("*.ttl"))])
    assert int(found[1]) == len(graph) and int(found[2]) > 0  # not the two added together


def test_no_link_is_broken(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    parsed = {p: _parse(p) for p in pages}
    broken = []
    for page, found in parsed.items():
        for link in found.links:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https"):
                continue
            assert not parts.scheme, f"{page.name}: {link}"
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.is_file():
                broken.append(f"{page.relative_to(site)} -> {link}")
            elif parts.fragment and parts.fragment not in parsed[target].ids:
                broken.append(f"{page.relative_to(site)} -> {link} (no anchor)")
    assert broken == []


def test_hostile_labels_and_iris_are_escaped(tmp_path: Path) -> None:
    site = build_site(hostile_project(tmp_path / "proj"), tmp_path / "out")
    text = "\n".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert "<script>window" not in text and "<img src=x" not in text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt; &amp; &#34;double&#34;" in text
    assert 'href="javascript:' not in text
    assert '<span lang="ar">جمهورية أرمينيا</span>' in text
    assert '<span lang="he">מדינת ישראל</span>' in text
    names = [p.name for p in (site / "e").iterdir()]
    assert len({n.casefold() for n in names}) == len(names) == 5
    assert all(re.fullmatch(r"[a-z0-9-]+\.html", n) for n in names)
    index = (site / "static" / "search-index.js").read_text(encoding="utf-8")
    assert "</" not in index and "\\u062c" in index


def test_a_directory_that_is_not_a_site_is_never_replaced(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "notes.txt").write_text("mine")
    assert main(["--root", str(REPO), "site", "--out", str(tmp_path)]) == 2
    assert "is not a site written by conflict-kg" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_failed_site_leaves_the_old_one(bad_project: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("old")
    (out / ".conflict-kg-site").write_text("")
    assert main(["--root", str(bad_project), "site", "--out", str(out)]) == 1
    assert "1 error(s) found by the checks" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == [".conflict-kg-site", "index.html"]
    assert (out / "index.html").read_text() == "old"


def test_a_tree_output_replaces_the_directory_whole_or_not_at_all(tmp_path: Path) -> None:
    """A site goes in with the build's other outputs, in the one directory swap."""
    from kg.outputs.outdir import Tree, replace_dir

    out = tmp_path / "build"
    replace_dir(out, {"site": Tree(lambda d: (d / "stale.html").write_text("old"))})

    def pages(directory: Path) -> None:
        (directory / "e").mkdir()
        (directory / "e" / "new.html").write_text("new")

    def broken(handle):  # type: ignore[no-untyped-def]
        raise OSError("disk full")

    with pytest.raises(OSError):
        replace_dir(out, {"site": Tree(pages), "x.nt": broken})
    assert [p.name for p in (out / "site").iterdir()] == ["stale.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]  # no stage left behind
    replace_dir(out, {"site": Tree(pages), "x.nt": b""})
    assert sorted(p.name for p in out.iterdir()) == [".conflict-kg-build", "site", "x.nt"]
    assert [p.relative_to(out / "site").as_posix() for p in out.rglob("*.html")] == ["e/new.html"]


def test_build_writes_the_site_unless_told_not_to(project: Path, tmp_path: Path) -> None:
    assert main(["--root", str(project), "build", "--out", str(tmp_path / "a"), "--no-site"]) == 0
    assert not (tmp_path / "a" / "site").exists()
    assert main(["--root", str(project), "build", "--out", str(tmp_path / "b")]) == 0
    assert (tmp_path / "b" / "site" / "index.html").is_file()
    assert (tmp_path / "b" / "site" / "e" / "russia.html").is_file()
    assert (tmp_path / "b" / "conflict-kg-entailed.nt").is_file()


def _time_section(page: Path) -> str:
    found = re.search(r'<section aria-labelledby="h-time">(.*?)</section>', page.read_text(), re.S)
    return found.group(1) if found else ""


def test_a_date_borrowed_from_the_source_is_not_shown_as_the_entitys_time(site: Path) -> None:
    # Maria Zakharova and the conflict have no date of their own: the article's date
    # (10 October 2020) is when they are first reported, not when they begin.
    for name in ("maria-zakharova", "nagorno-karabakh-conflict"):
        time = _time_section(site / "e" / f"{name}.html")
        assert "<time" not in time and "2020-10-10/" not in time, name
        assert "No date of its own is recorded" in time and "2020-10-10" in time, name
    timeline = (site / "e" / "nagorno-karabakh-conflict.html").read_text()
    war = re.search(r"<li>(?:(?!</li>).)*?nagorno-karabakh-war-to-1994.*?</li>", timeline, re.S)
    assert war is not None and "undated" in war.group(0) and "(reported 2020-10-10)" in war.group(0)


def test_a_process_on_a_conflict_timeline_is_dated_by_its_agreements(site: Path) -> None:
    # PA-X gives a process no date, but dates each of its agreements: the timeline shows
    # the first and last of them, marked as derived, and sorts the process by the first.
    graph = Graph().parse(REPO / "data" / "pax-nagorno-karabakh.ttl")
    spans: dict[str, tuple[str, str, int]] = {}
    for process in set(graph.objects(None, CKG.peaceProcess)):
        days = sorted(
            str(d)
            for a in graph.subjects(CKG.peaceProcess, process)
            for d in graph.objects(a, CKG.date)
        )
        spans[str(process).rsplit("/", 1)[1]] = (days[0], days[-1], len(days))
    assert spans and any(first != last for first, last, _ in spans.values())
    timeline = re.search(
        r'<ol class="timeline">(.*?)</ol>',
        (site / "e" / "nagorno-karabakh-conflict.html").read_text(encoding="utf-8"),
        re.S,
    )
    assert timeline is not None
    rows = re.findall(r"<li>(.*?)</li>", timeline.group(1), re.S)
    for name, (first, last, count) in spans.items():
        row = next(r for r in rows if f"/{name}.html" in r)
        assert "undated" not in row, row
        shown = first if first == last else f"{first} – {last}"
        assert f'<span class="date derived">{shown} ' in row, row
        told = f"its {count} dated agreements" if count > 1 else "its only dated agreement"
        assert told in row, row
    ordered = [re.search(r'<span class="date[^"]*">([^<\s]*)', r).group(1) for r in rows]  # type: ignore[union-attr]
    dated = [d for d in ordered if d and d != "undated"]
    assert dated == sorted(dated)


def test_a_year_is_shown_as_a_year_and_a_status_year_as_such(site: Path) -> None:
    time = _time_section(site / "e" / "mediation-osce-minsk-group-2010.html")
    assert '<time datetime="2010">2010</time>' in time and "ckg:statusYear" in time
    timeline = (site / "e" / "nagorno-karabakh-conflict.html").read_text()
    assert "2010-01-01" not in timeline
    assert '<time datetime="2020-10-09">' in _time_section(
        site / "e" / "statement-mfa-2020-10-09.html"
    )
    holding = _time_section(site / "e" / "holding-zakharova-spokesperson-2020.html")
    assert 'as of <time datetime="2020-10-10">' in holding


def _rows(page: Path) -> list[list[str]]:
    text = page.read_text(encoding="utf-8")
    rows = [
        [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", text, re.S)
    ]
    return [row for row in rows if row]  # header rows have no <td>


def test_each_statement_shows_its_own_evidence_not_its_subjects(site: Path) -> None:
    # The talks' "resulted in" agreement 2322 is an editorial inference: its row must
    # not show the four article sentences that attest the talks themselves.
    rows = _rows(site / "e" / "agreement-pax-2322.html")
    resulted = [r for r in rows if any("resulted in" in c for c in r)]
    assert resulted and all(r[-1].startswith("inference: ") for r in resulted), resulted
    assert not [r for r in resulted if "Liputan6" in r[-1]]
    # the mediator is stated by sentence 1 and read as Russia by an inference
    talks = _rows(site / "e" / "moscow-talks-2020.html")
    mediated = next(r for r in talks if r[0].startswith("mediated by"))
    assert "Kementerian Luar Negeri Rusia" in mediated[2] and "inference: " in mediated[2]
    assert "Dilansir VOA" not in mediated[2]  # sentence 4 attests the talks, not this
    assert all(r[2] == "" for r in talks if r[0].startswith("attested by"))


def _chain(page: Path, anchor: str) -> str:
    text = page.read_text(encoding="utf-8")
    box = text.split(f'id="{anchor}"', 1)[1].split("</article>", 1)[0]
    return box.split('<ol class="chain">', 1)[1].split("</ol>", 1)[0] if "chain" in box else ""


def test_a_quotations_chain_leads_to_what_it_is_attributed_to_only(site: Path) -> None:
    page = site / "e" / "maria-zakharova.html"
    chain = _chain(page, "q-q-liputan6-moscow-talks-04")
    assert "AFP report quoting Maria Zakharova" in chain
    assert "Kremlin" not in chain and "VOA" not in chain  # cited by the article, not here
    first = _chain(site / "e" / "moscow-talks-2020.html", "q-q-liputan6-moscow-talks-01")
    assert "Russian Foreign Ministry statement of 9 October 2020" in first
    assert "AFP" not in first


def test_indonesian_words_carry_their_language_wherever_they_are_shown(site: Path) -> None:
    links = 0
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for attrs in re.findall(r'<a href="[^"]*q-liputan6-moscow-talks-\d+\.html"([^>]*)>', text):
            links += 1
            assert 'lang="id"' in attrs, page.name
        for attrs in re.findall(r'<a href="#q-q-liputan6[^"]*"([^>]*)>', text):
            assert 'lang="id"' in attrs, page.name
    assert links > 50
    quote_page = (site / "e" / "q-liputan6-moscow-talks-04.html").read_text(encoding="utf-8")
    assert '<h1 lang="id">' in quote_page and '<title lang="id">' in quote_page
    assert "<h4" not in quote_page  # a quotation's heading follows the h2 of its section


def test_a_conflicts_actors_by_role_name_the_events_of_that_role(site: Path) -> None:
    text = (site / "e" / "nagorno-karabakh-conflict.html").read_text(encoding="utf-8")
    roles = text.split('<dl class="roles">', 1)[1].split("</dl>", 1)[0]
    calls = roles.split("called for by", 1)[1].split("</dd>", 1)[0]
    putin = next(li for li in calls.split("<li>") if "vladimir-putin.html" in li)
    assert "ceasefire-exchange-of-bodies-and-prisoners-2020.html" in putin
    assert "ceasefire-called-by-us-france-russia-2020.html" not in putin


def test_records_sort_by_number_and_give_no_empty_quotation_box(site: Path) -> None:
    text = (site / "e" / "src-pax.html").read_text(encoding="utf-8")
    about = text.split('id="h-in"', 1)[1].split("</section>", 1)[0]
    runs: dict[str, list[int]] = {}
    for subject, prop in re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td>", about, re.S):
        for n in re.findall(r"pax-agreement-(\d+)\.html", subject):
            runs.setdefault(prop, []).append(int(n))
    assert runs and all(len(n) > 10 and n == sorted(n) for n in runs.values()), runs
    agreement = (site / "e" / "agreement-pax-2322.html").read_text(encoding="utf-8")
    assert 'class="quotation"' not in agreement  # a PA-X record is no quotation


def test_a_statement_a_more_specific_one_implies_is_not_listed_twice(site: Path) -> None:
    rows = _rows(site / "e" / "agreement-pax-2322.html")
    signatories = {r[1] for r in rows if "ckg:signatory" in r[0]}
    parties = {r[1] for r in rows if "ckg:party" in r[0]}
    assert len(signatories) == 3 and not signatories & parties
    # seen from the other end, too: the office signs, it is not also listed as a party
    office = _rows(site / "e" / "office-foreign-minister-of-armenia.html")
    about = [r for r in office if "Statement by the foreign ministers" in r[0]]
    assert [r[1] for r in about if "signatory" in r[1]] and not [
        r for r in about if r[1].startswith("party")
    ]


def test_evidence_links_follow_the_facts_and_are_capped(site: Path) -> None:
    text = (site / "e" / "nagorno-karabakh-conflict.html").read_text(encoding="utf-8")
    section = text.split('id="h-out"', 1)[1].split("</section>", 1)[0]
    rows = [
        [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", section, re.S)
    ]
    rows = [r for r in rows if r]
    evidence = [k for k, r in enumerate(rows) if r[0].startswith("attested by")]
    assert evidence == list(range(len(rows) - 11, len(rows)))  # after the facts
    assert rows[-1][1].startswith("and ")  # ten, then "and N more"


def test_events_and_actors_with_the_same_label_are_listed_in_a_fixed_order() -> None:
    import pyoxigraph as ox

    from kg.outputs.site.model import read_site_data
    from kg.outputs.site.pages import conflict_sections

    ckg, kid = str(CKG), str(ID)
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    label = "http://www.w3.org/2000/01/rdf-schema#label"
    quads = [(f"{kid}conflict", rdf_type, ox.NamedNode(f"{ckg}Conflict"))]
    for actor in ("a1", "a2", "a3"):
        quads += [
            (f"{kid}{actor}", rdf_type, ox.NamedNode(f"{ckg}Actor")),
            (f"{kid}{actor}", label, ox.Literal("Same actor", language="en")),
        ]
    for k in range(8):  # eight agreements with one title, each with the three actors
        agreement = f"{kid}agreement-{k}"
        quads += [
            (agreement, rdf_type, ox.NamedNode(f"{ckg}Agreement")),
            (agreement, label, ox.Literal("Same title", language="en")),
            (agreement, f"{ckg}inConflict", ox.NamedNode(f"{kid}conflict")),
        ]
        quads += [(agreement, f"{ckg}party", ox.NamedNode(f"{kid}{a}")) for a in ("a1", "a2", "a3")]
    store = ox.Store()
    store.extend(ox.Quad(ox.NamedNode(s), ox.NamedNode(p), o) for s, p, o in quads)
    data = read_site_data(store, Graph())
    graph = Graph()
    roles = conflict_sections(data, graph, f"{kid}conflict", root="")["roles"]
    party = next(r for r in roles if r["role"]["text"] == "party" or "party" in str(r["role"]))
    assert [a["actor"]["href"] for a in party["actors"]] == [f"e/a{k}.html" for k in (1, 2, 3)]
    shown = [e["href"] for e in party["actors"][0]["where"]]
    assert shown == [f"e/agreement-{k}.html" for k in range(5)]


def test_an_attestation_page_is_named_after_the_statement_it_attests(site: Path) -> None:
    # the importer's attestations are named nodes without a label: their pages and the
    # links to them showed the IRI's last segment ("attestation-pax-process-8-…")
    graph = Graph().parse(REPO / "data" / "pax-nagorno-karabakh.ttl")
    attestation = ID["attestation-pax-process-8-nagorno-karabakh-conflict"]
    process = graph.value(attestation, CKG.statementSubject)
    assert process is not None and graph.value(attestation, RDFS.label) is None
    page = (site / "e" / "attestation-pax-process-8-nagorno-karabakh-conflict.html").read_text()
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    assert heading is not None
    text = re.sub(r"<[^>]+>", "", heading.group(1))
    assert "attestation-pax" not in text, text
    assert str(graph.value(process, RDFS.label)) in text and "in conflict" in text, text


def test_a_text_of_several_lines_keeps_its_lines(site: Path) -> None:
    # PA-X's signatories text lists who signed for whom line by line: shown in one run,
    # Georgia's 10 read as one list of names
    page = (site / "e" / "agreement-pax-1726.html").read_text(encoding="utf-8")
    cell = re.search(r'<span class="lines">For Azerbaijan:[^<]*\n[^<]*</span>', page)
    assert cell is not None
    css = (site / "static" / "site.css").read_text(encoding="utf-8")
    assert re.search(r"\.lines\s*\{[^}]*white-space:\s*pre-line", css)


def test_a_process_is_dated_by_its_agreements_in_the_conflict_of_the_page() -> None:
    # PA-X files some of a process's agreements under other conflicts (process 151: 2 of
    # its 55 agreements in UCDP conflict 309): the conflict's timeline counts its own
    import pyoxigraph as ox
    from test_query_library import PROCESS_IN_TWO

    from kg.outputs.site.model import read_site_data
    from kg.outputs.site.pages import conflict_sections
    from kg.views.storegraph import StoreGraph

    store = ox.Store()
    store.load(PROCESS_IN_TWO.encode(), format=ox.RdfFormat.TURTLE)
    data = read_site_data(store, Graph())
    timeline = conflict_sections(data, StoreGraph(store), str(ID["c1"]), root="../")["timeline"]
    (row,) = [r for r in timeline if r["e"]["text"] == "P"]
    assert row["date"] == "2001-01-01 – 2005-01-01", row
    assert row["how"] == "the first and last of its 2 dated agreements in this conflict", row


def test_an_attestation_without_an_object_names_the_values_it_attests(site: Path) -> None:
    # "attestation: Joint Statement … · in conflict, territory" did not say which
    page = (site / "e" / "attestation-agreement-pax-1683-curated-conflict.html").read_text()
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    assert heading is not None
    text = re.sub(r"<[^>]+>", "", heading.group(1))
    assert "in conflict: Nagorno-Karabakh conflict" in text, text
    assert "territory: Nagorno-Karabakh" in text, text


def test_an_event_dated_by_its_status_is_so_on_the_timeline(site: Path) -> None:
    # Putin's call for a halt to exchange bodies is "called for" as of 2020-10-08 (the
    # Kremlin statement): the timeline query gives that date, the page said "undated"
    graph = Graph().parse(REPO / "data" / "events.ttl")
    halt = ID["ceasefire-exchange-of-bodies-and-prisoners-2020"]
    day = str(graph.value(halt, CKG.statusAsOf))
    page = (site / "e" / "nagorno-karabakh-conflict.html").read_text(encoding="utf-8")
    row = re.search(
        r"<li>(?:(?!</li>).)*?ceasefire-exchange-of-bodies-and-prisoners-2020.*?</li>", page, re.S
    )
    assert row is not None and f"{day} <small>(status as of)</small>" in row.group(0), row
