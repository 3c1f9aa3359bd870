"""The explorer in headless Chromium: no console error, no broken link, search, slider, screenshots.

Skipped, with the reason, only where Chromium or its driver cannot be had
(``.ci/run`` installs Debian's ``chromium`` and ``chromium-driver``).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from rdflib import Graph
from sitehelpers import browser_missing, build_site, chromium, hostile_project

from kg import CKG, ID
from kg.outputs.graphs import load_view_graph
from kg.read.resources import Layout
from kg.views.network import build_view

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(browser_missing() is not None, reason=str(browser_missing()))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(REPO, tmp_path_factory.mktemp("site") / "out")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as driver:
        yield driver


def _errors(driver: Any) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_every_page_loads_without_console_error_and_no_link_is_broken(site: Path, browser) -> None:  # type: ignore[no-untyped-def]
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 100
    problems: list[str] = []
    for page in pages:
        browser.get(page.as_uri())
        problems += [f"{page.name}: {m}" for m in _errors(browser)]
        links = browser.execute_script(
            "return Array.from(document.querySelectorAll('a[href]'),"
            " a => new URL(a.getAttribute('href'), document.baseURI).href)"
        )
        for link in links:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https"):
                continue
            target = Path(unquote(parts.path))
            if parts.scheme != "file" or not target.is_file():
                problems.append(f"{page.name}: broken link {link}")
            elif parts.fragment and target.suffix == ".html":
                text = target.read_text(encoding="utf-8")
                if f'id="{parts.fragment}"' not in text:
                    problems.append(f"{page.name}: no anchor {link}")
    assert problems == []


def test_search_leads_to_her_page_and_the_article_sentence(site: Path, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    quote = str(
        Graph()
        .parse(REPO / "data" / "sources.ttl")
        .value(ID["q-liputan6-moscow-talks-04"], CKG.quote)
    )
    browser.get((site / "search.html").as_uri())
    box = browser.find_element(By.ID, "q")
    box.send_keys("Zakharova")
    browser.find_element(By.LINK_TEXT, "Maria Zakharova").click()
    assert browser.current_url.endswith("/e/maria-zakharova.html")
    assert quote in browser.find_element(By.TAG_NAME, "main").text
    for words in ("gencatan senjata", "Minsk"):
        browser.get((site / "search.html").as_uri() + "?q=" + words.replace(" ", "+"))
        assert browser.find_elements(By.CSS_SELECTOR, "#results li"), words
    assert _errors(browser) == []


def _shown(browser: Any) -> tuple[set[str], set[tuple[str, str]]]:
    nodes = browser.execute_script(
        "return Array.from(document.querySelectorAll('#net .node:not(.hidden)'),"
        " n => n.dataset.iri)"
    )
    edges = browser.execute_script(
        "return Array.from(document.querySelectorAll('#net .edge:not(.hidden)'),"
        " e => [e.dataset.u, e.dataset.v])"
    )
    return set(nodes), {(u, v) for u, v in edges}


def test_mediation_page_and_its_time_slider(site: Path, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    graph = load_view_graph(Layout.at(REPO))
    browser.get((site / "network" / "mediation.html").as_uri())
    nodes, edges = _shown(browser)
    full = build_view(graph, "mediation")
    assert nodes == {str(n) for n in full.nodes}
    assert {str(ID["russia"]), str(ID["osce-minsk-group"])} <= nodes
    browser.find_element(By.ID, "all-dates").click()
    for day in (
        date(2010, 7, 1),
        date(2010, 12, 31),
        date(2020, 10, 10),
    ):  # 12-31: a span's last day
        epoch_day = (day - date(1970, 1, 1)).days
        browser.execute_script(
            "const r = document.getElementById('day'); r.value = arguments[0];"
            " r.dispatchEvent(new Event('input'));",
            str(epoch_day),
        )
        nodes, edges = _shown(browser)
        sliced = build_view(graph, "mediation", at=day)
        assert edges == {(str(u), str(v)) for u, v in sliced.edges}, day
        assert nodes == {str(n) for n in sliced.nodes}, day
        assert edges, day
    assert _errors(browser) == []


KINDS = {
    "index": "index.html",
    "entity": "e/maria-zakharova.html",
    "conflict": "e/nagorno-karabakh-conflict.html",
    "network": "network/mediation.html",
    "ontology": "ontology.html",
    "queries": "queries.html",
    "search": "search.html?q=Minsk",
}


def test_a_screenshot_of_each_kind_of_page(site: Path, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for kind, page in KINDS.items():
        browser.get(
            (site / page.split("?")[0]).as_uri() + ("?" + page.split("?")[1] if "?" in page else "")
        )
        for width in (1280, 390):
            browser.set_window_size(width, 900)
            shot = tmp_path / f"{kind}-{width}.png"
            assert browser.save_screenshot(str(shot))
            assert shot.stat().st_size > 10_000, shot
    browser.set_window_size(1280, 900)
    keep = os.environ.get("CKG_SCREENSHOTS")  # a directory to keep them in, for a person to look at
    if keep:
        for shot in tmp_path.glob("*.png"):
            shutil.copy(shot, Path(keep) / shot.name)


def test_no_script_of_the_data_runs(tmp_path: Path, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    site = build_site(hostile_project(tmp_path / "proj"), tmp_path / "out")
    for page in [*sorted(site.rglob("*.html"))]:
        browser.get(page.as_uri())
        assert browser.execute_script("return window.__pwned === undefined"), page.name
    browser.get((site / "search.html").as_uri() + "?q=script")
    results = browser.find_element(By.ID, "results").text
    assert "<script>window.__pwned = 1</script> & \"double\" 'single'" in results
    assert browser.execute_script("return window.__pwned === undefined")
    evil = next(p for p in (site / "e").iterdir() if p.name.startswith("evil-"))
    browser.get(evil.as_uri())
    heading = browser.find_element(By.TAG_NAME, "h1").text
    assert heading == "<script>window.__pwned = 1</script> & \"double\" 'single'"


def _lines_of(browser: Any, element: Any) -> int:
    """How many line boxes the element's text takes."""
    return int(
        browser.execute_script(
            "const r = document.createRange(); r.selectNodeContents(arguments[0]);"
            " return new Set(Array.from(r.getClientRects(), x => Math.round(x.top))).size;",
            element,
        )
    )


def test_no_table_breaks_a_word_on_a_phone(site: Path, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.set_window_size(390, 844)
    try:
        for page in ("maria-zakharova", "moscow-talks-2020", "src-liputan6-moscow-talks"):
            browser.get((site / "e" / f"{page}.html").as_uri())
            cells = browser.find_elements(By.CSS_SELECTOR, "th, td")
            assert cells, page
            for cell in cells:
                words = cell.text.split()
                if len(words) == 1 and "/" not in words[0] and len(words[0]) < 30:
                    assert _lines_of(browser, cell) == 1, (page, cell.text)
    finally:
        browser.set_window_size(1280, 900)


def test_a_right_to_left_override_stays_inside_its_name(tmp_path: Path, browser) -> None:  # type: ignore[no-untyped-def]
    project = hostile_project(tmp_path / "proj")
    (project / "data" / "spoof.ttl").write_text(
        "@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        '<https://w3id.org/conflict-kg/id/spoof> a ckg:State ; rdfs:label "\\u202Espoof"@en .\n',
        encoding="utf-8",
    )
    site = build_site(project, tmp_path / "out")
    browser.get((site / "e" / "spoof.html").as_uri())
    # the note after the name ("en · rdfs:label") still reads left to right
    in_order = browser.execute_script(
        "const li = Array.from(document.querySelectorAll('ul.labels li'))"
        "  .find(x => x.textContent.includes('\\u202E'));"
        "const t = li.querySelector('small').firstChild; const r = document.createRange();"
        "r.setStart(t, 0); r.setEnd(t, 1); const first = r.getBoundingClientRect().left;"
        "r.setStart(t, t.length - 1); r.setEnd(t, t.length);"
        "return first < r.getBoundingClientRect().left;"
    )
    assert in_order


def test_the_index_fits_a_phone_and_keeps_links_out_of_summaries(tmp_path: Path, browser) -> None:  # type: ignore[no-untyped-def]
    project = hostile_project(tmp_path / "proj")
    long_name = (
        "Burundi/Democratic Republic of Congo/Rwanda/Tanzania/Uganda/Zambia/(African Great Lakes)"
    )
    (project / "data" / "long.ttl").write_text(
        "@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        f'<https://w3id.org/conflict-kg/id/long-name> a ckg:State ; rdfs:label "{long_name}"@en'
        " .\n",
        encoding="utf-8",
    )
    site = build_site(project, tmp_path / "out")
    browser.set_window_size(390, 844)
    try:
        browser.get((site / "index.html").as_uri())
        browser.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
        fits = browser.execute_script(
            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        )
        assert fits
        assert browser.execute_script("return document.querySelectorAll('summary a').length") == 0
    finally:
        browser.set_window_size(1280, 900)


def test_search_shows_the_english_name_where_it_matches_and_tags_quotations(
    site: Path, browser
) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.get((site / "search.html").as_uri() + "?q=Minsk")
    links = browser.find_elements(By.CSS_SELECTOR, "#results a")
    group = [a for a in links if a.get_attribute("href").endswith("/e/osce-minsk-group.html")]
    assert [a.text for a in group] == ["OSCE Minsk Group"]
    browser.get((site / "search.html").as_uri() + "?q=Zakharova kemudian")
    quoted = browser.find_elements(By.CSS_SELECTOR, "#results a")
    assert quoted and all(a.get_attribute("lang") == "id" for a in quoted)
