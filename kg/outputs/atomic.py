"""Write files into a directory atomically: each whole, all of them or none, with the usual mode.

``export``, ``plot`` and the importers write a few files into an existing directory
(``build`` replaces its whole directory instead: :mod:`kg.outputs.outdir`). Each
file is written to a temporary file beside its target and renamed over it only
when every file is complete, with the permission bits ``open`` would have given;
a symbolic link is written through, a device or a pipe into (:func:`destination`).

Examples
--------
>>> import tempfile
>>> out = Path(tempfile.mkdtemp())
>>> [p.name for p in write_atomically(out, {"a.txt": b"hi"})]
['a.txt']
>>> (out / "a.txt").read_bytes()
b'hi'
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

from kg.outputs.outdir import Content, Tree, write_file


def file_mode(target: Path) -> int:
    """The permission bits ``open(target, "w")`` would leave: the old file's, else 0666 & ~umask.

    ``mkstemp`` creates its file 0600; renamed into place as is, every output
    would be unreadable to the group and others whatever the user's umask.

    Examples
    --------
    >>> oct(file_mode(Path("/nonexistent/x"))) in {oct(0o666 & ~m) for m in range(0o1000)}
    True
    """
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0o022)  # the only portable way to read the umask is to set it
        os.umask(mask)
        return 0o666 & ~mask


def _write(target: Path, content: Content) -> str:
    """Write ``content`` to a new temporary file beside ``target``; return its path."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, file_mode(target))
        with os.fdopen(fd, "wb") as handle:
            write_file(handle, target.name, content)
    except BaseException:
        os.unlink(tmp)
        raise
    return tmp


def destination(target: Path) -> tuple[Path, bool]:
    """Where the output ``target`` is written, and whether in place.

    A symbolic link is followed (the link stays, its target gets the output); a
    device, a named pipe or a socket (``-o /dev/stdout``, ``-o /dev/null``) is
    written into as it is, since it holds nothing to keep whole; anything else
    gets a temporary file renamed over it.

    Examples
    --------
    >>> destination(Path("/dev/null"))
    (PosixPath('/dev/null'), True)
    """
    real = Path(os.path.realpath(target))
    try:
        mode = real.stat().st_mode
    except OSError:
        return real, False
    return real, not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def write_atomically(out_dir: Path, files: Mapping[str, Content]) -> tuple[Path, ...]:
    """Write ``files`` into ``out_dir`` via temporary files and ``os.replace``.

    Every output is fully written before any is replaced; on error the
    temporary files and directories are removed and existing outputs are
    untouched. (``build --out`` replaces its whole directory instead,
    :func:`kg.outputs.outdir.replace_dir`.)

    Examples
    --------
    >>> write_atomically(Path("build"), {"a.txt": b"hi"})  # doctest: +SKIP
    (PosixPath('build/a.txt'),)
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    temps: dict[Path, str] = {}
    in_place: dict[Path, Content] = {}
    try:
        for name, content in files.items():  # a name may hold a subdirectory: "graphs/a.gexf"
            if isinstance(content, Tree):
                raise TypeError(f"{name}: a directory output goes through replace_dir")
            real, special = destination(out_dir / name)
            if special:
                in_place[real] = content
            else:
                temps[real] = _write(real, content)
        for real, tmp in temps.items():
            os.replace(tmp, real)
        for real, content in in_place.items():
            with real.open("wb") as handle:
                write_file(handle, real.name, content, sync=False)
    finally:
        for tmp in temps.values():
            if os.path.exists(tmp):
                os.unlink(tmp)
    return tuple(out_dir / name for name in files)


__all__ = ["destination", "file_mode", "write_atomically"]
