"""Where the project's held copies of source texts are, and reading them.

A source document names its held copy by file name (``ckg:heldCopy``). The
copies live in the project's ``sources/`` folder or, in a development checkout,
in ``../shared/sources/`` beside the project; a fresh clone may have neither.

Examples
--------
>>> from pathlib import Path
>>> find_held_copy(Path("/nonexistent"), "x.txt") is None
True
"""

from __future__ import annotations

from pathlib import Path


def held_copy_dirs(root: Path) -> list[Path]:
    """The folders searched for held copies, in order."""
    return [root / "sources", root.parent / "shared" / "sources"]


def find_held_copy(root: Path, name: str) -> Path | None:
    """The held copy called ``name``, or None if the project does not have it.

    ``name`` must be a plain file name (no folder part).
    """
    if not name or Path(name).name != name:
        return None
    for folder in held_copy_dirs(root):
        path = folder / name
        if path.is_file():
            return path
    return None


def read_held_copy(root: Path, name: str) -> str | None:
    """The text (UTF-8) of held copy ``name``, or None."""
    path = find_held_copy(root, name)
    return path.read_text(encoding="utf-8") if path else None


__all__ = ["find_held_copy", "held_copy_dirs", "read_held_copy"]
