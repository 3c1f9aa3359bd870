"""Replace a whole output directory at once: a reader sees the old outputs or the new.

``build --out DIR`` writes every output into a new hidden sibling directory
(``.DIR.new-<pid>``), then swaps it with ``DIR`` in one step, with Linux's
``renameat2(RENAME_EXCHANGE)``; the old outputs, now in the sibling, are then
removed. A kill at any moment leaves ``DIR`` holding the old outputs or the new
ones, never a mix; at worst a hidden sibling is left over, which the next build
removes. Where the exchange is not available (another OS, a file system
without it) ``DIR`` is first renamed aside, then the new one renamed in; a kill
between the two leaves ``DIR`` missing and the old outputs in ``.DIR.old-<pid>``,
which the next build puts back before anything else.

The rules for ``--out`` (:func:`check_out_dir`): it must not be a file, the
project root or a directory above it, nor lie inside ``data/``, ``ontology/`` or
``queries/`` (outputs never mix with curated files); an existing directory is
replaced only if it holds outputs of an earlier build (the marker file
:data:`MARKER`, or only names the build writes).

Examples
--------
>>> import tempfile
>>> out = Path(tempfile.mkdtemp()) / "build"
>>> replace_dir(out, {"a.txt": b"hi"})  # doctest: +ELLIPSIS
(PosixPath('.../build/a.txt'),)
>>> sorted(p.name for p in out.iterdir())
['.conflict-kg-build', 'a.txt']
"""

from __future__ import annotations

import ctypes
import os
import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kg.errors import UsageError
from kg.outputs.writing import writing_into
from kg.read.resources import Layout


@dataclass(frozen=True)
class Tree:
    """A directory output: ``write(directory)`` fills a new, empty directory.

    Its files are not fsynced one by one (a site of 100,000 pages); the directory
    goes in with the rest of the outputs, in the one swap.
    """

    write: Callable[[Path], None]


Content = bytes | Callable[[BinaryIO], None] | Tree
"""A file's bytes, a function that writes them into a binary stream, or a :class:`Tree`."""

MARKER = ".conflict-kg-build"
"""Written into every output directory: it marks the directory as replaceable."""

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def check_out_dir(out: Path, layout: Layout) -> Path:
    """Return ``out`` made absolute, or raise UsageError when it may not be written.

    Examples
    --------
    >>> check_out_dir(Path("/repo/data/build"), Layout.at(Path("/repo")))
    Traceback (most recent call last):
    ...
    kg.errors.UsageError: --out /repo/data/build: inside data/; outputs never go among the \
curated files (choose e.g. build/)
    """
    target = Path(os.path.abspath(out))
    if target.exists() and not target.is_dir():
        raise UsageError(f"--out {out}: a file, not a directory (choose a directory)")
    if target.is_symlink():
        target = target.resolve()
    root = Path(os.path.abspath(layout.root)).resolve(strict=False)
    real = target.resolve(strict=False)
    if real == root or root.is_relative_to(real):
        raise UsageError(f"--out {out}: the project itself (choose e.g. build/)")
    for name in ("data", "ontology", "queries"):
        if real.is_relative_to(root / name):
            raise UsageError(
                f"--out {out}: inside {name}/; outputs never go among the curated files "
                "(choose e.g. build/)"
            )
    return target


def _foreign(out: Path, names: Mapping[str, object]) -> list[str]:
    """Files in ``out`` that no build writes (empty when ``out`` bears the marker)."""
    if not out.is_dir() or (out / MARKER).is_file():
        return []
    known = set(names)
    found = (p.relative_to(out).as_posix() for p in out.rglob("*") if not p.is_dir())
    return sorted(n for n in found if n not in known and not n.endswith(".tmp"))


def write_file(handle: BinaryIO, name: str, content: Content, *, sync: bool = True) -> None:
    """Write a file output (bytes or a writer) into ``handle`` and sync it to disk.

    ``sync=False`` for a device or a pipe, which cannot be synced.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryFile() as handle:
    ...     write_file(handle, "a.txt", b"hi")
    ...     _ = handle.seek(0)
    ...     handle.read()
    b'hi'
    """
    if isinstance(content, bytes | bytearray):
        handle.write(content)
    elif callable(content):
        content(handle)
    else:
        raise TypeError(f"{name}: expected bytes or a writer, got {type(content)}")
    handle.flush()
    if sync:
        os.fsync(handle.fileno())


def _write_tree(stage: Path, files: Mapping[str, Content], *, marker: bool = True) -> None:
    for name, content in ({MARKER: b"", **files} if marker else files).items():
        target = stage / name  # a name may hold a subdirectory: "graphs/a.gexf"
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Tree):
            if name != ".":  # "." : the tree is the whole directory
                target.mkdir()
            content.write(target)
            continue
        with open(target, "wb") as handle:  # mode 0666 & ~umask, as any new file
            write_file(handle, name, content)


def exchange(a: Path, b: Path) -> bool:
    """Swap the directories ``a`` and ``b`` atomically; False where the OS cannot.

    Examples
    --------
    >>> import tempfile
    >>> a, b = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
    >>> (a / "x").touch()
    >>> exchange(a, b) and [p.name for p in b.iterdir()] in (["x"],)
    True
    """
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    rc = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: not supported here
        return False
    raise OSError(err, os.strerror(err), str(b))


def recover(out: Path) -> None:
    """Tidy the leftovers of a killed build: put back ``out`` if only its old copy is
    left (two-rename fallback), and remove stale hidden siblings."""
    olds = sorted(out.parent.glob(f".{out.name}.old-*")) if out.parent.is_dir() else []
    if not out.exists() and olds:
        os.rename(olds[-1], out)
        olds = olds[:-1]
    for stale in [*olds, *out.parent.glob(f".{out.name}.new-*")]:
        shutil.rmtree(stale, ignore_errors=True)


def _swap_in(stage: Path, out: Path) -> None:
    if not out.exists():
        os.rename(stage, out)
        return
    if exchange(stage, out):
        shutil.rmtree(stage)  # now the old outputs
        return
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    os.rename(out, old)
    os.rename(stage, out)
    shutil.rmtree(old)


class Stage:
    """A new output directory filled as outputs come, then swapped in as ``out`` whole.

    ``build`` writes each output as soon as its step returns it, so no output
    is held in memory until the end (at 5M triples the GEXF, GraphML and
    N-Triples bytes would be gigabytes); :meth:`commit` swaps the directory in
    and :meth:`discard` (always called) removes what is left, so a failed build
    changes nothing.

    Examples
    --------
    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / "build"
    >>> stage = Stage(out)
    >>> stage.write("a.txt", b"hi")
    >>> stage.commit()  # doctest: +ELLIPSIS
    (PosixPath('.../build/a.txt'),)
    >>> stage.discard()
    """

    def __init__(self, out: Path) -> None:
        self.out = Path(os.path.abspath(out))
        recover(self.out)
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.dir = self.out.parent / f".{self.out.name}.new-{os.getpid()}"
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir.mkdir()
        self.names: dict[str, None] = {}
        try:
            _write_tree(self.dir, {})
        except BaseException:  # an interrupt before the caller holds the stage to discard it
            self.discard()
            raise

    def write(self, name: str, content: Content) -> None:
        """Write one output (a later one of the same name replaces it)."""
        _write_tree(self.dir, {name: content}, marker=False)
        self.names[name] = None

    def adopt(self, name: str) -> Path:
        """A new directory ``name`` in the stage for a writer of its own; listed as an output."""
        (self.dir / name).mkdir(parents=True)
        self.names[name] = None
        return self.dir / name

    def reorder(self, last: Sequence[str]) -> None:
        """List the outputs ``last`` after the others, in this order."""
        self.names = {**{n: None for n in self.names if n not in last}, **dict.fromkeys(last)}

    def commit(self, *, checked: bool = False) -> tuple[Path, ...]:
        """Swap the directory in as ``out``; the outputs' paths.

        Raises
        ------
        UsageError
            ``out`` holds files no build writes (nothing is changed).
        """
        foreign = [] if checked else _foreign(self.out, self.names)
        if foreign:
            shown = ", ".join(foreign[:3]) + (" …" if len(foreign) > 3 else "")
            raise UsageError(
                f"--out {self.out}: holds files conflict-kg did not write ({shown}); "
                "choose a new or empty directory"
            )
        _swap_in(self.dir, self.out)
        return tuple(self.out if name == "." else self.out / name for name in self.names)

    def discard(self) -> None:
        """Remove the staging directory if it is still there."""
        shutil.rmtree(self.dir, ignore_errors=True)


def replace_dir(
    out: Path, files: Mapping[str, Content], *, checked: bool = False
) -> tuple[Path, ...]:
    """Write ``files`` into a new directory and swap it in as ``out`` (see the module).

    A :class:`Tree` under the name ``"."`` fills the directory itself. With
    ``checked`` the caller has already made sure ``out`` may be replaced.

    Raises
    ------
    UsageError
        ``out`` holds files no build writes (nothing is changed).
    OutputError
        ``out`` cannot be written, e.g. a full disk (nothing is changed).
    """
    out = Path(os.path.abspath(out))
    recover(out)
    foreign = [] if checked else _foreign(out, files)
    if foreign:
        shown = ", ".join(foreign[:3]) + (" …" if len(foreign) > 3 else "")
        raise UsageError(
            f"--out {out}: holds files conflict-kg did not write ({shown}); "
            "choose a new or empty directory"
        )
    with writing_into(out):
        stage = Stage(out)
    try:
        with writing_into(out):
            for name, content in files.items():
                stage.write(name, content)
            return stage.commit(checked=True)
    finally:
        stage.discard()


__all__ = [
    "MARKER",
    "Content",
    "Stage",
    "Tree",
    "check_out_dir",
    "exchange",
    "recover",
    "replace_dir",
    "write_file",
]
