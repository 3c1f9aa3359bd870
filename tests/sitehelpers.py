"""Helpers of the site tests: build a site, the hostile fixture, a headless Chromium."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from conftest import PREFIXES, write_project

from kg.cli.main import main

HOSTILE_DATA = (
    PREFIXES
    + """
id:evil a ckg:State ;
    rdfs:label "<script>window.__pwned = 1</script> & \\"double\\" 'single'"@en ,
        "<img src=x onerror=\\"window.__pwned=2\\">"@id ,
        "جمهورية أرمينيا"@ar , "מדינת ישראל"@he , "Россия & Ко"@ru ;
    ckg:mediatedBy <javascript:window.__pwned=3> , <https://w3id.org/conflict-kg/id/a?b=c#d> .
<https://w3id.org/conflict-kg/id/Evil> a ckg:State ; rdfs:label "EVIL in capitals"@en .
<https://w3id.org/conflict-kg/id/a?b=c#d> a ckg:State ; rdfs:label "query & fragment"@en .
<https://w3id.org/conflict-kg/id/Ünïcödé-国> a ckg:State ; rdfs:label "unicode IRI"@en .
id:article1 a ckg:NewsArticle ; rdfs:label "</title><script>window.__pwned=4</script>"@en .
"""
)
"""Labels with markup, quotes, ampersands, right-to-left and non-Latin text; IRIs with
``?``, ``#``, unicode, a ``javascript:`` IRI, and two IRIs equal but for case."""


def build_site(root: Path, out: Path) -> Path:
    """``conflict-kg site --out out`` on the project at ``root``; return ``out``."""
    assert main(["--root", str(root), "site", "--out", str(out)]) == 0
    return out


def hostile_project(root: Path) -> Path:
    """The stand-in project of ``conftest`` with :data:`HOSTILE_DATA`."""
    return write_project(root, data={"hostile.ttl": HOSTILE_DATA})


CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,900",
)


def browser_missing() -> str | None:
    """Why a headless Chromium cannot be driven here, or None."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install '.[test]')"
    if not (shutil.which("chromium") and shutil.which("chromedriver")):
        return "chromium and chromedriver are not installed (.ci/run installs them with apt)"
    return None


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium driven by selenium, with a fresh profile, quit on exit."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="ckg-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    options.binary_location = str(shutil.which("chromium"))
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(shutil.which("chromedriver"))), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
