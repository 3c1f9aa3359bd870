"""Hatch build hook: package the project's data directories inside the wheel.

``ontology/``, ``data/`` and ``queries/`` are copied to ``kg/_resources/<name>``
when they exist; a missing directory is skipped so the build never fails.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

RESOURCE_DIRS = ("ontology", "data", "queries")


class CustomBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Add existing resource directories to the wheel's ``force_include``."""

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        for name in RESOURCE_DIRS:
            src = root / name
            if src.is_dir() and any(p.is_file() for p in src.rglob("*")):
                build_data["force_include"][str(src)] = f"kg/_resources/{name}"
