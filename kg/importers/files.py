"""Write the import's outputs together: all of them or none, and no temporary files left.

Each file is first written in full to a temporary file beside its target, named
``.<name>.import-<pid>.tmp``; only when every temporary file is complete are they
renamed over their targets. On any error or interrupt the temporary files are
removed. A process killed outright (SIGKILL) cannot clean up: its temporary files
name its process id, and the next import into the same directory removes those of
processes that no longer run. New files get the usual mode (0666 less the umask),
not ``mkstemp``'s 0600.

Examples
--------
>>> import tempfile
>>> d = Path(tempfile.mkdtemp())
>>> [p.name for p in write_together({d / "a.ttl": b"x", d / "r.csv": b"y"})]
['a.ttl', 'r.csv']
>>> sorted(p.name for p in d.iterdir())
['a.ttl', 'r.csv']
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

from kg.outputs.atomic import destination

_STALE = re.compile(r"\.(?P<name>.+)\.import-(?P<pid>[0-9]+)\.tmp")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale(directory: Path) -> list[Path]:
    """Remove temporary files left in ``directory`` by killed imports; return them."""
    removed = []
    try:
        entries = sorted(directory.iterdir())
    except OSError:
        return []
    for entry in entries:
        m = _STALE.fullmatch(entry.name)
        if m and int(m.group("pid")) != os.getpid() and not _alive(int(m.group("pid"))):
            try:
                entry.unlink()
            except OSError:
                continue
            removed.append(entry)
    return removed


def _temp(target: Path, content: bytes, mode: int) -> Path:
    tmp = target.with_name(f".{target.name}.import-{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def write_together(files: Mapping[Path, bytes]) -> tuple[Path, ...]:
    """Write every file of ``files`` (path → bytes), or none of them.

    Parameters
    ----------
    files : mapping of Path to bytes
        The targets and their contents; their directories are created.

    Returns
    -------
    tuple of Path
        The targets, in the order given.

    Raises
    ------
    OSError
        A directory or file cannot be written; no target has changed.
    """
    mode = 0o666 & ~_umask()
    temps: dict[Path, Path] = {}
    in_place: dict[Path, bytes] = {}
    try:
        for target in files:
            target.parent.mkdir(parents=True, exist_ok=True)
            remove_stale(target.parent)
        for target, content in files.items():  # a link followed, a pipe written into
            real, special = destination(target)
            if special:
                in_place[real] = content
            else:
                temps[real] = _temp(real, content, mode)
        for real, tmp in temps.items():
            os.replace(tmp, real)
        for real, content in in_place.items():
            real.write_bytes(content)
    finally:
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)
    return tuple(files)


__all__ = ["remove_stale", "write_together"]
