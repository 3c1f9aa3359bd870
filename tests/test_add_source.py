"""``conflict-kg add-source``: a source's sentences as quotations, validated, written atomically."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg import CKG
from kg.cli.main import main
from kg.importers.sourcetext import furniture_lines, is_furniture, sentences

REPO = Path(__file__).resolve().parent.parent
ARTICLE = REPO.parent / "shared" / "sources" / "liputan6-2020-10-10-moscow-talks.id.txt"
QUOTED_FROM = URIRef("http://www.w3.org/ns/prov#wasQuotedFrom")
LABEL = "Liputan6.com article, dateline Moscow, on the Moscow-mediated talks"


def _add(capsys, text: Path, out: Path, *extra: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    argv = ["--root", str(REPO), "add-source", str(text), "--publisher", "id:liputan6"]
    code = main([*argv, "--language", "id", *extra, "-o", str(out)])
    stdout, stderr = capsys.readouterr()
    return code, stdout, stderr


def _quotations(graph: Graph) -> set[tuple[str, ...]]:
    keys = (CKG.quote, CKG.sentenceIndex, CKG.startOffset, CKG.endOffset, QUOTED_FROM)
    return {
        (str(q), *(str(graph.value(q, k)) for k in keys))
        for q in graph.subjects(RDF.type, CKG.Quotation)
    }


def test_the_held_article_gives_the_curated_quotations(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    if not ARTICLE.is_file():
        pytest.skip("../shared/sources/ not present (a fresh clone)")
    out = tmp_path / "liputan6-moscow-talks.ttl"
    code, stdout, _ = _add(capsys, ARTICLE, out, "--dateline", "id:moscow", "--label", LABEL)
    assert code == 0 and stdout == f"wrote {out}: 12 quotations\n"
    written = _quotations(Graph().parse(out))
    curated = _quotations(Graph().parse(REPO / "data" / "sources.ttl"))
    assert len(written) == 12 and written == curated
    assert "page furniture skipped:\n# lines 3, 8, 15)" in out.read_text(encoding="utf-8")


def test_sentences_and_furniture() -> None:
    text = (
        'Kota - "Satu dua." Tiga empat! (Lima enam.)\nAdvertisement\n\nTonton ini:\nJudul berita\n'
    )
    got = [(s.number, text[s.start : s.end]) for s in sentences(text)]
    assert got == [
        (1, 'Kota - "Satu dua."'),
        (2, "Tiga empat!"),
        (3, "(Lima enam.)"),
        (4, "Judul berita"),
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences(text))
    assert furniture_lines(text) == [2, 4]
    assert not is_furniture("Sebelumnya.") and is_furniture("  ")


def test_a_new_source_is_written_and_escaped(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = tmp_path / "fixture-news.txt"
    text.write_text('Jakarta - Kata "kutipan" \\ di sini.\nAdvertisement\n', encoding="utf-8")
    out = tmp_path / "fixture-news.ttl"
    code, _, err = _add(
        capsys, text, out, "--date", "2020-10-10", "--cites", "id:src-afp-report-zakharova"
    )
    assert code == 0, err
    graph = Graph().parse(out)
    (quotation,) = graph.subjects(RDF.type, CKG.Quotation)
    assert str(graph.value(quotation, CKG.quote)) == 'Jakarta - Kata "kutipan" \\ di sini.'
    doc = URIRef("https://w3id.org/conflict-kg/id/src-fixture-news")
    assert graph.value(doc, CKG.heldCopy).toPython() == "fixture-news.txt"  # type: ignore[union-attr]
    assert not list(tmp_path.glob(".*"))  # no partial file left behind


def test_a_source_failing_validation_is_not_written(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = tmp_path / "fixture-news.txt"
    text.write_text("Jakarta - Satu dua tiga.\n", encoding="utf-8")
    out = tmp_path / "fixture-news.ttl"
    code, stdout, err = _add(capsys, text, out, "--dateline", "id:atlantis")
    assert code == 1 and stdout == ""  # findings are diagnostics: stderr, as build's
    assert f"{out}:" in err and "dangling-reference" in err
    assert err.endswith(
        f"error: {out} not written: it fails validation (the lines above are those of the "
        "Turtle it would hold)\n"
    )
    assert not out.exists() and not list(tmp_path.glob(".*"))


@pytest.mark.parametrize(
    ("extra", "name", "message"),
    [
        (("--date", "2020-02-30"), "fixture-news.ttl", "--date '2020-02-30': not a calendar date"),
        (("--publisher", "id:bad name"), "fixture-news.ttl", "--publisher 'id:bad name'"),
        ((), "Fixture News.ttl", "must be lower-case words joined by -"),
        ((), "fixture-news.nt", "the output must be a .ttl file"),
    ],
)
def test_usage_errors_exit_2(capsys, tmp_path: Path, extra, name, message) -> None:  # type: ignore[no-untyped-def]
    text = tmp_path / "fixture-news.txt"
    text.write_text("Jakarta - Satu dua tiga.\n", encoding="utf-8")
    code, stdout, err = _add(capsys, text, tmp_path / name, *extra)
    assert code == 2 and stdout == "" and message in err and err.count("\n") == 1, err
    assert not (tmp_path / name).exists()


def test_an_existing_file_is_kept_without_force(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = tmp_path / "fixture-news.txt"
    text.write_text("Jakarta - Satu dua tiga.\n", encoding="utf-8")
    out = tmp_path / "fixture-news.ttl"
    out.write_text("# mine\n", encoding="utf-8")
    code, _, err = _add(capsys, text, out)
    assert code == 2 and "exists; use --force" in err
    assert out.read_text(encoding="utf-8") == "# mine\n"


@pytest.mark.parametrize("kind", ["missing", "latin-1"])
def test_an_unreadable_held_copy_is_named_for_what_it_is(capsys, tmp_path: Path, kind: str) -> None:  # type: ignore[no-untyped-def]
    # Before: a missing file was "cannot read the text as UTF-8 ([Errno 2] …)".
    text = tmp_path / "held.txt"
    if kind == "latin-1":
        text.write_bytes(b"Bogot\xe1.\n")
    code, stdout, err = _add(capsys, text, tmp_path / "held.ttl")
    assert code == 2 and stdout == ""
    if kind == "missing":
        assert err == f"error: {text}: cannot read the text (No such file or directory)\n"
    else:
        assert "not UTF-8 (byte 0xe1 at offset 5)" in err and "as UTF-8" in err
