"""The query library: ``queries/*.rq`` files and their comment headers.

Every library query starts with a comment header::

    # title: Mediators of a conflict
    # description: Who mediated, facilitated or brokered talks, mediation
    #   efforts or ceasefires in a conflict, with the event and its status.
    # param: conflict (iri, default id:nagorno-karabakh-conflict): the conflict
    # param: as_of (date, required): the date of interest
    # param: actor (iri, optional): restrict to one actor; all when not given
    # example: conflict-kg query mediators --param conflict=id:nagorno-karabakh-conflict

Continuation lines start with ``#`` and at least two spaces. Parameter types are
those of :data:`kg.sparql.params.TYPES`. Only the top level of ``queries/`` is the
library; sub-folders (such as ``queries/checks/``) hold other tools' queries.

Examples
--------
>>> q = parse_header("q", "# title: T\\n# description: D\\nSELECT * {}")
>>> (q.title, q.description, q.params)
('T', 'D', ())
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from kg.errors import LoadError, UsageError
from kg.sparql.params import TYPES

_KEY = re.compile(r"^#\s?(title|description|param|example):\s*(.*)$")
_CONT = re.compile(r"^#\s{2,}(\S.*)$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*\((?P<type>[a-z-]+)"
    r"(?:,\s*(?:default\s+(?P<default>[^)]+?)|(?P<flag>required|optional)))?\)\s*:?\s*(?P<doc>.*)$"
)


class Param(NamedTuple):
    """A declared query parameter.

    Attributes
    ----------
    name : str
        The SPARQL variable it binds (without ``?``).
    type : str
        One of :data:`kg.sparql.params.TYPES`.
    default : str or None
        The value used when none is given.
    required : bool
        Whether a value must be given (no default, not optional).
    doc : str
        What it means.
    """

    name: str
    type: str
    default: str | None
    required: bool
    doc: str


class LibraryQuery(NamedTuple):
    """A query file and its header."""

    name: str
    path: Path | None
    text: str
    title: str
    description: str
    params: tuple[Param, ...]
    example: str

    def param(self, name: str) -> Param | None:
        """Return the declared parameter ``name``, or None."""
        return next((p for p in self.params if p.name == name), None)


def _header_lines(text: str) -> list[tuple[int, str]]:
    lines = []
    for number, line in enumerate(text.split("\n"), start=1):  # file lines, not U+2028
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break
            continue
        lines.append((number, stripped))
    return lines


def _parse_param(where: str, number: int, value: str) -> Param:
    match = _PARAM.match(value)
    if not match or match["type"] not in TYPES:
        raise LoadError(
            where,
            f"bad parameter declaration {value!r}",
            line=number,
            hint="Write '# param: NAME (TYPE[, default VALUE|, required|, optional]): "
            f"description' with TYPE one of {', '.join(TYPES)}.",
        )
    flag = match["flag"]
    default = match["default"].strip() if match["default"] else None
    return Param(
        name=match["name"],
        type=match["type"],
        default=default,
        required=default is None and flag != "optional",
        doc=match["doc"].strip(),
    )


def parse_header(name: str, text: str, *, path: Path | None = None) -> LibraryQuery:
    """Parse the comment header of a query.

    Parameters
    ----------
    name : str
        The query's name (its file stem).
    text : str
        The query text.
    path : Path, optional
        Where it was read from, for messages.

    Returns
    -------
    LibraryQuery
        A query without header gets its name as title and no parameters.

    Raises
    ------
    LoadError
        A ``# param:`` line cannot be read.

    Examples
    --------
    >>> parse_header("x", "# param: d (date, required): when\\nSELECT * {}").params[0].required
    True
    """
    where = str(path) if path else name
    fields: dict[str, list[str]] = {"title": [], "description": [], "example": []}
    params: list[Param] = []
    current: list[str] | None = None
    for number, line in _header_lines(text):
        key = _KEY.match(line)
        if key:
            if key[1] == "param":
                params.append(_parse_param(where, number, key[2]))
                current = None
            else:
                current = fields[key[1]]
                if key[2]:
                    current.append(key[2].strip())
            continue
        cont = _CONT.match(line)
        if cont and current is not None:
            current.append(cont[1].strip())
        else:
            current = None
    return LibraryQuery(
        name=name,
        path=path,
        text=text,
        title=" ".join(fields["title"]) or name,
        description=" ".join(fields["description"]),
        params=tuple(params),
        example=" ".join(fields["example"]),
    )


def read_query(path: Path) -> LibraryQuery:
    """Read and parse one ``.rq`` file.

    Raises
    ------
    LoadError
        The file cannot be read, is not UTF-8, or has a bad header.

    Examples
    --------
    >>> read_query(Path("queries/mediators-of-conflict.rq")).title  # doctest: +SKIP
    'Mediators of a conflict'
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LoadError(path, "query file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LoadError(path, f"cannot read query file ({exc})") from None
    return parse_header(path.stem, text, path=path)


def list_queries(queries_dir: Path) -> list[LibraryQuery]:
    """Return the library queries (``*.rq`` at the top level of ``queries_dir``), by name.

    Examples
    --------
    >>> [q.name for q in list_queries(Path("queries"))][:1]  # doctest: +SKIP
    ['actors-by-role']
    """
    if not queries_dir.is_dir():
        return []
    return [read_query(p) for p in sorted(queries_dir.glob("*.rq")) if p.is_file()]


def find_query(name_or_path: str, queries_dir: Path) -> LibraryQuery:
    """Resolve ``NAME`` (a library query) or ``PATH`` (any ``.rq`` file).

    Raises
    ------
    UsageError
        Neither a library query nor an existing file.

    Examples
    --------
    >>> find_query("timeline-of-conflict", Path("queries")).name  # doctest: +SKIP
    'timeline-of-conflict'
    """
    candidate = queries_dir / f"{name_or_path}.rq"
    if "/" not in name_or_path and candidate.is_file():
        return read_query(candidate)
    path = Path(name_or_path)
    if path.is_file():
        return read_query(path)
    names = ", ".join(q.name for q in list_queries(queries_dir)) or "none"
    raise UsageError(
        f"{name_or_path}: no such query (not a file, not in {queries_dir}). "
        f"Library queries: {names}. Run 'conflict-kg query --list'."
    )


__all__ = ["LibraryQuery", "Param", "find_query", "list_queries", "parse_header", "read_query"]
