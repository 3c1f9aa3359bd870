"""Which files a validation checks, and how the validator reads the ones it needs.

Shared by the rich path (:mod:`kg.check.lint`) and the store path (:mod:`kg.check.lint_store`).

Examples
--------
>>> shown(Path.cwd() / "data" / "a.ttl").as_posix()
'data/a.ttl'
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rdflib.namespace import OWL, RDF

from kg.check.diagnostic import ERROR
from kg.check.filecheck import DEFAULT_MAX_BYTES, parse_file
from kg.errors import LoadError
from kg.read.linemap import Located
from kg.read.resources import Layout, regular_file


def expand_paths(paths: Sequence[str | Path]) -> list[Path]:
    """Files given, plus the ``*.ttl`` files under each directory given (sorted).

    Hidden directories (``.git``, ``.venv`` …) are not searched.

    Raises
    ------
    LoadError
        A path does not exist, or a directory holds no Turtle file.
    """
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                regular_file(p)
                for p in path.rglob("*.ttl")
                if not p.is_dir()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                raise LoadError(path, "no Turtle files (*.ttl) in this directory")
            files.extend(found)
        elif path.exists() or path.is_symlink():
            files.append(regular_file(path))
        else:
            raise LoadError(path, "no such file or directory", hint="Check the path.")
    unique = dict.fromkeys(files)
    return list(unique)


def shown(path: Path) -> Path:
    """``path`` relative to the current directory when it lies under it (as linters show it).

    Examples
    --------
    >>> shown(Path.cwd() / "data" / "a.ttl").as_posix()
    'data/a.ttl'
    """
    try:
        return path.relative_to(Path.cwd()) if path.is_absolute() else path
    except ValueError:
        return path


def must_parse(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Located:
    """Parse a file the validator cannot run without (the ontology, the shapes).

    Raises
    ------
    LoadError
        The file does not parse, naming its first error's line and column.
    """
    parsed, found = parse_file(shown(path), max_bytes=max_bytes)
    errors = [d for d in found if d.severity == ERROR]
    if parsed is None or errors:
        first = errors[0]
        raise LoadError(
            path,
            first.message,
            line=first.line,
            column=first.column,
            hint=f"{first.hint} The validator needs this file to run.".strip(),
        )
    return parsed


def is_ontology(f: Located) -> bool:
    """Whether the parsed file declares an ``owl:Ontology`` (an ontology module)."""
    return (None, RDF.type, OWL.Ontology) in f.graph


def checked_bytes(layout: Layout, paths: Sequence[str | Path] | None) -> int:
    """Total size of the data files to check (the ontology and shapes not counted).

    Raises
    ------
    LoadError
        A path does not exist (see :func:`expand_paths`).
    """
    files = list(layout.data_files) if paths is None else expand_paths(paths)
    skip = {layout.ontology.resolve(), layout.shapes.resolve()}
    return sum(p.stat().st_size for p in files if p.is_file() and p.resolve() not in skip)


__all__ = ["checked_bytes", "expand_paths", "is_ontology", "must_parse", "shown"]
