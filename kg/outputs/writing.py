"""A command's output directory that cannot be written: one line, not a traceback.

``build`` and ``site`` write into a staging directory and swap it in whole
(:mod:`kg.outputs.outdir`); when the disk fills or a permission is missing on
the way, the staging directory is removed and the last outputs stay, and the
:class:`OSError` becomes an :class:`~kg.errors.OutputError` (still an
:class:`OSError`) that the command prints in one line. Only the writing is
wrapped: an error reading the project keeps its own message.

Examples
--------
>>> import errno
>>> try:
...     with writing_into("build"):
...         raise OSError(errno.ENOSPC, "No space left on device", "build/.out.new-1/x")
... except OutputError as error:
...     print(str(error).split(";")[0])
--out build: cannot write the outputs: No space left on device
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path

from kg.errors import OutputError


@contextlib.contextmanager
def writing_into(out: str | Path) -> Iterator[None]:
    """Turn an :class:`OSError` raised in the block into an :class:`OutputError` naming ``out``.

    A file the error names beside ``out`` is in the staging directory, which
    is gone by then: the message names ``out`` instead. One elsewhere (a
    temporary file, e.g. under ``$TMPDIR``) is named: that disk is the full one.
    """
    try:
        yield
    except OutputError:  # said already, by a writer inside this one
        raise
    except OSError as error:
        where = ""
        if error.filename and not _beside(Path(os.fsdecode(error.filename)), Path(out)):
            where = f" ({os.fsdecode(error.filename)})"
        raise OutputError(
            f"--out {out}: cannot write the outputs: {error.strerror or error}{where}; the "
            f"outputs in {out} were not changed ({_advice(error)} or give another --out)"
        ) from error


def _advice(error: OSError) -> str:
    """What to do about ``error``: free space on a full disk, else allow the writing."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "free some space"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "make the directory writable"
    return "fix the cause"


def _beside(path: Path, out: Path) -> bool:
    """Whether ``path`` is in the directory that holds ``out`` (its staging directory is)."""
    return path.resolve().is_relative_to(out.resolve().parent)


__all__ = ["writing_into"]
