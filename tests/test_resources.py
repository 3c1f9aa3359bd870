"""Resolution order of the project files: --root > env > checkout in cwd > packaged."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, write_project

from kg.errors import UsageError
from kg.read.resources import ENV_VAR, Layout, find_checkout, find_layout, packaged_root


def test_root_option_wins(tmp_path: Path) -> None:
    a = write_project(tmp_path / "a")
    b = write_project(tmp_path / "b")
    layout = find_layout(a, environ={ENV_VAR: str(b)}, cwd=b, packaged=b)
    assert layout.root == a.resolve()
    assert layout.ontology == a.resolve() / "ontology" / "conflict.ttl"
    assert layout.shapes.name == "shapes.ttl"
    assert layout.queries_dir == a.resolve() / "queries"


def test_root_without_ontology_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="--root"):
        find_layout(tmp_path, environ={}, cwd=tmp_path)


def test_env_beats_cwd(tmp_path: Path) -> None:
    a = write_project(tmp_path / "a")
    b = write_project(tmp_path / "b")
    assert find_layout(environ={ENV_VAR: str(a)}, cwd=b, packaged=b).root == a.resolve()
    with pytest.raises(UsageError, match=ENV_VAR):
        find_layout(environ={ENV_VAR: str(tmp_path / "none")}, cwd=b)


def test_checkout_in_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = write_project(tmp_path / "a", data={"b.ttl": "", "a.ttl": "", "notes.txt": ""})
    monkeypatch.chdir(a)
    monkeypatch.delenv(ENV_VAR, raising=False)
    layout = find_layout(packaged=tmp_path / "elsewhere")
    assert layout.root == a.resolve()
    assert [p.name for p in layout.data_files] == ["a.ttl", "b.ttl"]


def test_cwd_needs_both_ontology_and_data(tmp_path: Path) -> None:
    a = write_project(tmp_path / "a")
    packaged = write_project(tmp_path / "pkg")
    (a / "data" / "actors.ttl").unlink()
    (a / "data").rmdir()
    assert find_layout(environ={}, cwd=a, packaged=packaged).root == packaged.resolve()


def test_packaged_fallback_from_empty_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    packaged = write_project(tmp_path / "kg_resources")
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.chdir(empty)
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert find_layout(packaged=packaged).root == packaged.resolve()
    with pytest.raises(UsageError, match="packaged"):
        find_layout(packaged=empty)


def test_packaged_root_is_bundle_or_checkout() -> None:
    root = packaged_root()
    assert root.name == "_resources" or root == REPO


def test_layout_without_data_dir(tmp_path: Path) -> None:
    assert Layout.at(tmp_path).data_files == ()


def test_real_repository_layout() -> None:
    if not (REPO / "ontology" / "conflict.ttl").is_file() or not (REPO / "data").is_dir():
        pytest.skip("the repository's ontology/data are not on this branch")
    layout = find_layout(REPO)
    assert layout.data_files, "data/ holds no .ttl file"
    assert all(p.suffix == ".ttl" for p in layout.data_files)


def test_checkout_found_from_a_sub_folder(tmp_path: Path) -> None:
    a = write_project(tmp_path / "a")
    deep = a / "data" / "notes"
    deep.mkdir()
    layout = find_layout(environ={}, cwd=deep, packaged=write_project(tmp_path / "pkg"))
    assert layout.root == a.resolve()
    assert not layout.packaged


def test_packaged_fallback_is_flagged(tmp_path: Path) -> None:
    packaged = write_project(tmp_path / "pkg")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert find_layout(environ={}, cwd=empty, packaged=packaged).packaged
    assert find_checkout(empty) is None


def test_cli_from_a_sub_folder_uses_the_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kg.cli.main import main

    a = write_project(tmp_path / "a", data={"x.ttl": "@prefix ex: <urn:ex:> .\nex:a ex:b ex:c ."})
    monkeypatch.chdir(a / "data")
    monkeypatch.delenv(ENV_VAR, raising=False)
    main(["query", "--list"])
    assert "packaged" not in capsys.readouterr().err


def test_cli_says_when_the_packaged_copy_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kg.cli.main import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(ENV_VAR, raising=False)
    main(["query", "--list"])
    err = capsys.readouterr().err
    assert "no conflict-kg checkout" in err and "packaged" in err


@pytest.mark.parametrize(
    ("command", "written"), [("build", "conflict-kg.nt"), ("site", "site/index.html")]
)
def test_build_and_site_from_a_sub_folder_write_into_the_project_root(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
    written: str,
) -> None:
    # site as build: before, `cd data && conflict-kg site` wrote data/build/site
    from conftest import GOOD_DATA

    from kg.cli.main import main

    a = write_project(tmp_path / "a", data={"actors.ttl": GOOD_DATA})
    monkeypatch.chdir(a / "data")
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert main([command]) == 0, capsys.readouterr().err
    assert (a / "build" / written).is_file()
    assert not (a / "data" / "build").exists()
