"""Which files a validation checks, and how the validator reads the ones it needs.

:func:`classify` sorts the files given (or the project's) into data, ontology modules,
the main ontology, the shapes and context, for the checker (:mod:`kg.check.lint_store`)
and the reference engines (:mod:`kg.check.lint`) alike.

Examples
--------
>>> shown(Path.cwd() / "data" / "a.ttl").as_posix()
'data/a.ttl'
"""

from __future__ import annotations

import mmap
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib.namespace import OWL, RDF

from kg.check.diagnostic import ERROR, Diagnostic
from kg.check.filecheck import DEFAULT_MAX_BYTES, check_size, parse_file
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


@dataclass
class ProjectFiles:
    """The files of one validation, by what they are (see :func:`classify`).

    Attributes
    ----------
    data : list of Path
        The data files to check (not parsed here).
    modules : list of Located
        Given files that declare an ``owl:Ontology`` (parsed; merged into the ontology).
    context : list of Path
        The project's other data files, loaded so that references resolve; not reported on.
    checked : list of str
        Every file checked, in order, as the report lists them.
    found : list of Diagnostic
        What parsing a would-be module found (its syntax errors).
    qc_main : bool
        Whether the project's ontology is checked (ontology QC of it).
    shapes_given : bool
        Whether the shapes file is among the paths given (then checked against SHACL-SHACL).
    """

    data: list[Path] = field(default_factory=list)
    modules: list[Located] = field(default_factory=list)
    context: list[Path] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)
    found: list[Diagnostic] = field(default_factory=list)
    qc_main: bool = False
    shapes_given: bool = False


def _declares_ontology(path: Path) -> bool:
    """Cheap test before an rdflib parse: only a file that mentions ``Ontology`` can be one."""
    if path.suffix.lower() not in (".ttl", ".nt") or path.stat().st_size == 0:
        return False
    with path.open("rb") as stream, mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) as m:
        return m.find(b"Ontology") >= 0


def classify(
    layout: Layout,
    paths: Sequence[str | Path] | None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    context: bool = True,
) -> ProjectFiles:
    """Sort the files of a validation: data, ontology modules, context.

    With no ``paths``: the project's ontology, shapes and data files. With paths (files
    or directories, :func:`expand_paths`): those; the project's ontology and shapes among
    them are checked as such, a file that declares an ``owl:Ontology`` is a module, the
    others are data, and (``context``) the project's other data files are context.

    Raises
    ------
    LoadError
        A path does not exist, or a file is larger than ``max_bytes`` (0: no limit).
    """
    files = ProjectFiles()
    shapes = layout.shapes.resolve() if layout.shapes.is_file() else None
    if paths is None:
        targets = [shown(p) for p in layout.data_files]
        files.checked = [str(shown(layout.ontology))]
        files.checked += [str(shown(layout.shapes))] if shapes else []
        files.qc_main = True
    else:
        targets = expand_paths(paths)
    for path in targets:
        resolved = path.resolve()
        files.checked.append(str(path))
        if resolved == layout.ontology.resolve():
            files.qc_main = True
            continue
        if resolved == shapes:
            files.shapes_given = paths is not None
            continue
        check_size(path, max_bytes)
        if _declares_ontology(path):
            parsed, found = parse_file(path, max_bytes=max_bytes)
            if parsed is None or is_ontology(parsed):
                files.found.extend(found)
                files.modules.extend([parsed] if parsed is not None else [])
                continue
        files.data.append(path)
    if paths is not None and context:
        given = {Path(p).resolve() for p in files.checked}
        files.context = [shown(p) for p in layout.data_files if p.resolve() not in given]
    return files


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


__all__ = [
    "ProjectFiles",
    "checked_bytes",
    "classify",
    "expand_paths",
    "is_ontology",
    "must_parse",
    "shown",
]
