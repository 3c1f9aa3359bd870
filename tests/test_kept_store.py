"""The checked graph kept by ``build`` (issue #19 point 1): reused while fresh, else rebuilt.

Reuse is proven by behaviour: the checker (``check_store_project``) is counted,
and a fresh store is answered from without running it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg.outputs.build_input as build_input
from kg.cli.main import COMMANDS, main
from kg.outputs.keepstore import rebuild
from kg.outputs.kept import DB, STAMP, is_fresh, reuse
from kg.outputs.outdir import MARKER
from kg.outputs.published import Published
from kg.read.resources import Layout
from tests.conftest import BAD_DATA, REPO

COUNT = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }\n"
HEAVY = ("rdflib", "pyshacl", "networkx", "lxml", "matplotlib", "owlrl")


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the runs of the checker behind build, query, why and serve."""
    runs: list[int] = []
    real = build_input.check_store_project

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        runs.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(build_input, "check_store_project", counted)
    return runs


def _count(root: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    query = root / "count.rq"
    query.write_text(COUNT, encoding="utf-8")
    code = main(["--root", str(root), "query", str(query), "--format", "csv", *extra])
    out, err = capsys.readouterr()
    return code, out, err


def _built(project: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["--root", str(project), "build", "--no-site"]) == 0
    capsys.readouterr()
    return project / "build" / "store"


def test_query_reuses_the_store_build_left(
    project: Path, checks: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    store = _built(project, capsys)
    assert checks == [1] and (store / STAMP).is_file()
    first = _count(project, capsys)
    second = _count(project, capsys)
    assert first == second and first[0] == 0 and first[1].startswith("n\r\n")
    assert checks == [1]  # answered from the kept store, not checked again


def test_a_changed_file_is_checked_again_and_the_store_rewritten(
    project: Path, checks: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    _built(project, capsys)
    before = _count(project, capsys)[1]
    with (project / "data" / "actors.ttl").open("a", encoding="utf-8") as handle:
        handle.write('id:georgia a ckg:State ; rdfs:label "Georgia"@en .\n')
    after = _count(project, capsys)[1]
    assert checks == [1, 1] and after != before
    assert _count(project, capsys)[1] == after and checks == [1, 1]  # fresh again


def test_a_new_error_gives_validates_findings_and_exit_1(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _built(project, capsys)
    (project / "data" / "b.ttl").write_text(BAD_DATA, encoding="utf-8")
    assert main(["--root", str(project), "validate"]) == 1
    located = {
        line.split(" ")[0] for line in capsys.readouterr().out.splitlines() if "b.ttl:" in line
    }
    code, out, err = _count(project, capsys)
    assert code == 1 and out == ""
    assert located and all(where in err for where in located), (located, err)
    assert not is_fresh(project / "build" / "store", Layout.at(project))


@pytest.mark.parametrize("findings", [[], "none", 3, {"errors": "0"}])
def test_a_stamp_of_the_wrong_shape_is_a_damaged_store(
    project: Path, checks: list[int], capsys: pytest.CaptureFixture[str], findings: object
) -> None:
    # Before: AttributeError ('list' object has no attribute 'get') from is_fresh.
    where = _built(project, capsys)
    stamp = json.loads((where / STAMP).read_text(encoding="utf-8"))
    stamp["findings"] = findings
    (where / STAMP).write_text(json.dumps(stamp), encoding="utf-8")
    assert not is_fresh(where, Layout.at(project))
    assert _count(project, capsys)[0] == 0 and checks == [1, 1]


@pytest.mark.parametrize("damage", ["truncate", "no-stamp", "bad-stamp", "no-db"])
def test_a_damaged_store_is_never_trusted(
    project: Path, damage: str, checks: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    store = _built(project, capsys)
    expected = _count(project, capsys)[1]
    if damage == "truncate":  # a killed writer or a full disk
        sst = max((store / DB).glob("*.sst"), key=lambda p: p.stat().st_size)
        os.truncate(sst, sst.stat().st_size // 2)
    elif damage == "no-stamp":  # killed before the stamp was written
        (store / STAMP).unlink()
    elif damage == "bad-stamp":
        (store / STAMP).write_text('{"format": 1, "db"', encoding="utf-8")
    else:
        for path in (store / DB).iterdir():
            path.unlink()
    assert reuse(store, Layout.at(project)) is None
    assert _count(project, capsys)[1] == expected and checks == [1, 1]
    assert reuse(store, Layout.at(project)) is not None


def test_readers_share_the_store_and_keep_theirs_while_it_is_replaced(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = _built(project, capsys)
    layout = Layout.at(project)
    one, two = reuse(store, layout), reuse(store, layout)  # two read-only opens at once
    assert one is not None and two is not None and len(one) == len(two) > 0
    rebuild(store, layout)  # as a build or a stale query replaces it
    assert len(one) == len(two) and reuse(store, layout) is not None


def test_a_store_made_by_query_leaves_build_free_to_replace_the_directory(
    project: Path, checks: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert _count(project, capsys)[0] == 0 and checks == [1]
    assert (project / "build" / MARKER).is_file()
    assert _count(project, capsys)[0] == 0 and checks == [1]
    assert main(["--root", str(project), "build", "--no-site"]) == 0


def test_store_dir_option_chooses_the_directory(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    where = tmp_path / "elsewhere" / "kept"
    assert _count(project, capsys, "--store-dir", str(where))[0] == 0
    stamp = json.loads((where / STAMP).read_text(encoding="utf-8"))
    assert stamp["findings"]["errors"] == 0
    assert str((project / "data" / "actors.ttl").resolve()) in {i[0] for i in stamp["inputs"]}
    assert len(ox.Store.read_only(str(where / DB))) > 0


@pytest.mark.parametrize("kind", ["a folder of other files", "a file", "the data folder"])
def test_store_dir_never_replaces_what_conflict_kg_did_not_write(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    # Before: `query talks --store-dir data` deleted every data file, and a file given
    # as --store-dir was moved aside for a directory.
    if kind == "a folder of other files":
        where = tmp_path / "notes"
        (where / "sub").mkdir(parents=True)
        (where / "notes.txt").write_text("precious", encoding="utf-8")
    elif kind == "a file":
        where = tmp_path / "README.md"
        where.write_text("precious", encoding="utf-8")
    else:
        where = project / "data"
    before = sorted(
        (p.relative_to(tmp_path), p.read_bytes() if p.is_file() else b"")
        for p in [where, *where.rglob("*")]
        if p.exists()
    )
    code, out, err = _count(project, capsys, "--store-dir", str(where))
    assert code == 2 and out == ""
    assert "--store-dir" in err and ("conflict-kg did not write" in err or "not a directory" in err)
    after = sorted(
        (p.relative_to(tmp_path), p.read_bytes() if p.is_file() else b"")
        for p in [where, *where.rglob("*")]
        if p.exists()
    )
    assert after == before
    assert not list(where.parent.glob(f".{where.name}.new-*"))


def _imported(code: str, modules: tuple[str, ...] = HEAVY) -> list[str]:
    found = f"' '.join(m for m in {modules!r} if m in sys.modules)"
    probe = f"import sys\n{code}\nprint('imported:', {found}, file=sys.stderr)"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    return done.stderr.rsplit("imported:", 1)[1].split()


def test_help_imports_no_heavy_library() -> None:
    code = "from kg.cli.main import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    assert _imported(code) == []


def test_query_list_imports_no_heavy_library() -> None:
    code = f"from kg.cli.main import main\nmain(['--root', {str(REPO)!r}, 'query', '--list'])"
    assert _imported(code) == []


def test_a_query_on_the_kept_store_imports_neither_the_checker_nor_futures(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The reuse path of every lookup: a stat per file, the database opened, the query."""
    _built(project, capsys)
    query = project / "count.rq"
    query.write_text(COUNT, encoding="utf-8")
    argv = ["--root", str(project), "query", str(query), "--format", "csv"]
    code = f"from kg.cli.main import main\nassert main({argv!r}) == 0"
    assert _imported(code, (*HEAVY, "kg.check.options", "concurrent.futures", "logging")) == []


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.NAME)
def test_each_command_is_listed_with_its_modules_name_and_help(command: Callable) -> None:
    module = command.load()  # type: ignore[attr-defined]
    assert (module.NAME, module.HELP) == (command.NAME, command.HELP)  # type: ignore[attr-defined]


def test_serve_copies_the_kept_store_instead_of_loading(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kg.cli.serve import _fill
    from kg.sparql.endpoint import run_remote
    from kg.sparql.server import OxigraphServer

    kept = rebuild(project / "build" / "store", Layout.at(project))

    def no_load(self, path):  # type: ignore[no-untyped-def]
        raise AssertionError("the graph was loaded again")

    monkeypatch.setattr(OxigraphServer, "load", no_load)
    server = OxigraphServer(location=tmp_path / "serve" / "db")
    _fill(server, kept, tmp_path / "serve")
    server.start()
    try:
        rows = run_remote(COUNT, endpoint=server.query_url, timeout=30)
    finally:
        server.stop()
    assert rows["results"]["bindings"][0]["n"]["value"] == str(len(kept))


def test_publish_on_a_fresh_kept_store_sends_what_a_fresh_check_gives_unchecked(
    project: Path, checks: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    """The files read as the fresh stamp vouches for them equal published_parts' fresh check."""
    from kg.outputs.published import published_parts

    (project / "data" / "blank.ttl").write_text(BLANK_DATA, encoding="utf-8")
    store = _built(project, capsys)
    layout = Layout.at(project)
    assert checks == [1]
    kept = published_parts(layout, kept=store)
    assert checks == [1]  # not checked again
    fresh = published_parts(layout)
    assert _both(kept) == _both(fresh)
    assert checks == [1, 1]
    assert kept.graph.result().count(b"\n") == len(ox.Store.read_only(str(store / DB)))
    unentailed = published_parts(layout, kept=store, entailed=False)
    assert _lines(unentailed.graph.result()) == _lines(kept.graph.result())
    assert unentailed.entailed.result() == b""


def test_publish_on_a_fresh_kept_store_reads_the_files_while_it_goes_on(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """published_parts returns before the files are read; their errors reach the futures."""
    import threading

    import kg.outputs.published as published
    from kg.errors import LoadError

    store = _built(project, capsys)
    layout = Layout.at(project)
    release = threading.Event()
    read = published._verified_store

    def slow(at: Layout) -> tuple[ox.Store, object]:
        assert release.wait(30)
        return read(at)

    monkeypatch.setattr(published, "_verified_store", slow)
    parts = published.published_parts(layout, kept=store)
    assert not parts.graph.done() and not parts.entailed.done()
    release.set()
    assert parts.graph.result(30).count(b"\n") == len(ox.Store.read_only(str(store / DB)))
    assert parts.entailed.result(30)

    def gone(at: Layout) -> tuple[ox.Store, object]:
        raise LoadError(at.root / "data" / "actors.ttl", "file not found")

    monkeypatch.setattr(published, "_verified_store", gone)
    failed = published.published_parts(layout, kept=store)
    with pytest.raises(LoadError, match="file not found"):
        failed.graph.result(30)
    with pytest.raises(LoadError):
        failed.entailed.result(30)


def _lines(ntriples: bytes) -> set[bytes]:
    return set(ntriples.splitlines())


def _both(parts: Published) -> tuple[set[bytes], set[bytes]]:
    """The lines of the published graph and of its entailed triples (the order is the store's)."""
    return _lines(parts.graph.result()), _lines(parts.entailed.result())


def _quads(store: ox.Store) -> set[ox.Quad]:
    return set(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))


BLANK_DATA = """@prefix id: <https://w3id.org/conflict-kg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
id:moscow rdfs:seeAlso [ rdfs:label "a note"@en ] .
"""


@pytest.mark.parametrize("blank", [False, True], ids=["ontology-blanks", "data-blanks-too"])
def test_the_kept_store_holds_the_checked_graph_with_its_blank_nodes_skolemised(
    project: Path, blank: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    from kg.check.dataset import skolemize_store

    if blank:
        (project / "data" / "blank.ttl").write_text(BLANK_DATA, encoding="utf-8")
    store = _built(project, capsys)
    checked = build_input.load_checked(Layout.at(project)).store
    skolemize_store(checked)
    expected = _quads(checked)
    kept = _quads(ox.Store.read_only(str(store / DB)))
    assert not any(isinstance(t, ox.BlankNode) for q in kept for t in (q.subject, q.object))
    assert len(kept) == len(expected) and kept == expected
    assert not blank or any(q.object == ox.Literal("a note", language="en") for q in kept)


@pytest.mark.parametrize("early", [False, True], ids=["publish", "publish-streaming"])
def test_publish_sends_the_checked_graph_with_its_blank_nodes_skolemised_and_keeps_none(
    project: Path, early: bool
) -> None:
    """A cold publish sends the checked graph (streaming: read again beside the checks)
    and writes no kept store: that would cost it a third of its time."""
    from kg.check.dataset import skolemize_store
    from kg.outputs.published import published_parts

    (project / "data" / "blank.ttl").write_text(BLANK_DATA, encoding="utf-8")
    store, layout = project / "build" / "store", Layout.at(project)
    parts = published_parts(layout, kept=store, early=early)
    sent = {q.triple for q in ox.parse(parts.graph.result(60), format=ox.RdfFormat.N_TRIPLES)}
    checked = build_input.load_checked(layout).store
    skolemize_store(checked)
    assert sent == {q.triple for q in _quads(checked)}
    assert not any(isinstance(t, ox.BlankNode) for q in sent for t in (q.subject, q.object))
    assert any(q.object == ox.Literal("a note", language="en") for q in sent)
    assert not (project / "build").exists()


def test_a_build_that_fails_its_checks_leaves_no_store_and_no_writer_behind(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import threading

    _built(project, capsys)
    before = threading.active_count()
    (project / "data" / "b.ttl").write_text(BAD_DATA, encoding="utf-8")
    assert main(["--root", str(project), "build", "--no-site"]) == 1
    assert threading.active_count() == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".build")) == []
    assert not is_fresh(project / "build" / "store", Layout.at(project))


@pytest.mark.parametrize(
    "text",
    [
        'id:moscow rdfs:label "x"@en',
        '<urn:a> <urn:b> "x"^^<urn:c> .\n<urn:a> <urn:b> >',
        '<urn:a b> <urn:b> "x" .',  # the kept store's lenient loader takes it; the checker not
    ],
    ids=["turtle", "n-triples", "iri-with-a-space"],
)
def test_a_syntax_error_read_by_both_loads_is_one_finding_and_leaves_nothing(
    project: Path, text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The kept store's loader reads the data files beside the checker: a file that fails
    both is reported once, by the checker, at its line, and neither store nor thread stays."""
    import threading

    before = threading.active_count()
    prefixes = "@prefix id: <https://w3id.org/conflict-kg/id/> .\n"
    prefixes += "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    (project / "data" / "broken.ttl").write_text(prefixes + text + "\n", encoding="utf-8")
    assert main(["--root", str(project), "build", "--no-site"]) == 1
    err = capsys.readouterr().err
    assert "broken.ttl:" in err and "Traceback" not in err
    assert threading.active_count() == before
    assert not (project / "build").exists() or not (project / "build" / "store").exists()
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".build")) == []


def test_build_no_store_keeps_no_database_and_query_checks_again(
    project: Path, checks: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(project), "build", "--no-site", "--no-store"]) == 0
    capsys.readouterr()
    assert (project / "build" / "conflict-kg.nt").is_file()
    assert not (project / "build" / "store").exists() and checks == [1]
    assert _count(project, capsys)[0] == 0 and checks == [1, 1]


def test_publish_with_no_kept_store_checks_every_time_and_leaves_none(
    project: Path, checks: list[int]
) -> None:
    from kg.outputs.published import published_parts

    store, layout = project / "build" / "store", Layout.at(project)
    first = published_parts(layout, kept=store)
    assert checks == [1] and not store.exists()
    again = published_parts(layout, kept=store)
    assert _both(again) == _both(first)
    assert checks == [1, 1] and not store.exists()


def test_a_store_that_cannot_be_written_is_answered_from_memory(
    project: Path, tmp_path: Path, checks: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    """A read-only checkout (here: a file where the directory would go) still answers."""
    blocked = tmp_path / "a-file"
    blocked.write_text("not a directory", encoding="utf-8")
    store = blocked / "build" / "store"
    code, out, err = _count(project, capsys, "--store-dir", str(store))
    assert code == 0, err
    assert int(out.splitlines()[1]) > 0 and checks == [1]
    assert blocked.read_text(encoding="utf-8") == "not a directory"
    again = _count(project, capsys, "--store-dir", str(store))
    assert again[:2] == (0, out) and checks == [1, 1]  # nothing kept: checked again


def test_a_full_disk_while_the_store_is_completed_keeps_none_and_answers(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.outputs.keepstore as keepstore

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(keepstore, "finish_store", full)
    store = project / "build" / "store"
    checked, kept = keepstore.check_and_keep(store, Layout.at(project))
    assert kept is False and len(checked.store) > 0
    left = [p.name for p in store.parent.iterdir() if "store" in p.name]
    assert not store.exists() and left == []
