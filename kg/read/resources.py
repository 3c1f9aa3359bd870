"""Locate the project files (ontology, shapes, data, queries).

Resolution order, first match wins:

1. ``--root DIR`` given on the command line (error if ``DIR/ontology/conflict.ttl``
   is missing);
2. the environment variable ``CONFLICT_KG_ROOT`` (same check);
3. the nearest checkout of the repository (a folder holding ``ontology/conflict.ttl``
   and ``data/``) found by walking up from the current directory, as git does, so
   ``cd data && conflict-kg validate`` checks the checkout, not another copy;
4. the copy packaged in the wheel (``kg/_resources``, via ``importlib.resources``);
   in a source checkout without a wheel, the checkout that holds the ``kg`` package.
   The :class:`Layout` then has ``packaged=True`` so the command line can say so.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from kg.errors import LoadError, UsageError

ENV_VAR = "CONFLICT_KG_ROOT"
ONTOLOGY = Path("ontology") / "conflict.ttl"
SHAPES = Path("ontology") / "shapes.ttl"


class Layout(NamedTuple):
    """Where the project files are.

    Attributes
    ----------
    root : Path
        The project root.
    ontology : Path
        ``ontology/conflict.ttl``.
    shapes : Path
        ``ontology/shapes.ttl`` (may not exist; then no SHACL shapes apply).
    data_files : tuple of Path
        ``data/*.ttl`` in sorted order.
    queries_dir : Path
        ``queries/``.
    packaged : bool
        True when no checkout was found and the files packaged with ``kg`` are used.
    """

    root: Path
    ontology: Path
    shapes: Path
    data_files: tuple[Path, ...]
    queries_dir: Path
    packaged: bool = False

    @classmethod
    def at(cls, root: Path, *, packaged: bool = False) -> Layout:
        """Describe the layout under ``root`` without checking it.

        Examples
        --------
        >>> Layout.at(Path("/repo")).ontology.as_posix()
        '/repo/ontology/conflict.ttl'
        """
        data_dir = root / "data"
        data = tuple(sorted(data_dir.glob("*.ttl"))) if data_dir.is_dir() else ()
        return cls(
            root=root,
            ontology=root / ONTOLOGY,
            shapes=root / SHAPES,
            data_files=data,
            queries_dir=root / "queries",
            packaged=packaged,
        )


def packaged_root() -> Path:
    """Return the directory of the resources packaged with ``kg``.

    It is ``kg/_resources`` in an installed wheel; in a source checkout (or an
    editable install), where that folder does not exist, the checkout root.

    Examples
    --------
    >>> packaged_root().is_absolute()
    True
    """
    from importlib import resources  # 5 ms of imports, for the packaged copy only

    pkg = Path(str(resources.files("kg")))
    bundled = pkg / "_resources"
    return bundled if bundled.is_dir() else pkg.parent


def _is_checkout(path: Path) -> bool:
    return (path / ONTOLOGY).is_file() and (path / "data").is_dir()


def find_checkout(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` that is a checkout, or None.

    A checkout holds ``ontology/conflict.ttl`` and a ``data/`` folder.

    Examples
    --------
    >>> find_checkout(Path("/")) is None
    True
    """
    here = start.resolve()
    for folder in (here, *here.parents):
        if _is_checkout(folder):
            return folder
    return None


def find_layout(
    root: str | os.PathLike[str] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    packaged: Path | None = None,
) -> Layout:
    """Find the project files following the module's resolution order.

    Parameters
    ----------
    root : path, optional
        The ``--root`` option.
    environ : mapping, optional
        Environment to read ``CONFLICT_KG_ROOT`` from (default ``os.environ``).
    cwd : Path, optional
        Current directory (default ``Path.cwd()``).
    packaged : Path, optional
        The packaged fallback (default :func:`packaged_root`); for tests.

    Returns
    -------
    Layout

    Raises
    ------
    UsageError
        When the chosen root lacks ``ontology/conflict.ttl``.

    Examples
    --------
    >>> find_layout("/repo").root  # doctest: +SKIP
    PosixPath('/repo')
    """
    env = os.environ if environ is None else environ
    if root is not None:
        return _checked(Path(root), "--root")
    if env.get(ENV_VAR):
        return _checked(Path(env[ENV_VAR]), ENV_VAR)
    checkout = find_checkout(Path.cwd() if cwd is None else cwd)
    if checkout is not None:
        return Layout.at(checkout)
    fallback = packaged_root() if packaged is None else packaged
    return _checked(fallback, "the packaged resources", packaged=True)


_KINDS = {
    stat.S_IFIFO: "a named pipe",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFDIR: "a directory",
}


def regular_file(path: str | os.PathLike[str]) -> Path:
    """Return ``path`` if it is a regular file (or does not exist), else raise LoadError.

    Reading a named pipe blocks for ever and a symbolic-link loop cannot be
    resolved, so every reader calls this before opening a file. A missing file
    is left to the caller (which says "file not found").

    Raises
    ------
    LoadError
        ``path`` is a symbolic-link loop, a named pipe, a socket, a device or a
        directory.

    Examples
    --------
    >>> regular_file("no-such-file.ttl").name
    'no-such-file.ttl'
    >>> regular_file(".")
    Traceback (most recent call last):
    ...
    kg.errors.LoadError: .: not a regular file (a directory). Give a Turtle file.
    """
    p = Path(path)
    try:
        mode = os.stat(p).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise LoadError(p, "a symbolic-link loop", hint="Fix or remove the link.") from None
        return p
    if not stat.S_ISREG(mode):
        what = _KINDS.get(stat.S_IFMT(mode), "not a file")
        raise LoadError(p, f"not a regular file ({what})", hint="Give a Turtle file.")
    return p


def _checked(root: Path, origin: str, *, packaged: bool = False) -> Layout:
    if not (root / ONTOLOGY).is_file():
        raise UsageError(
            f"{root}: no {ONTOLOGY.as_posix()} here (root taken from {origin}). "
            "Pass --root with the directory of a conflict-kg checkout, "
            f"or set {ENV_VAR}."
        )
    layout = Layout.at(root.resolve(), packaged=packaged)
    for path in layout.data_files:
        regular_file(path)
    return layout


__all__ = ["ENV_VAR", "Layout", "find_checkout", "find_layout", "packaged_root", "regular_file"]
