"""The checked graph of the commands that read it (``--store-dir DIR``, :mod:`kg.cli.options`)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pyoxigraph as ox

from kg.cli.progress import tty_progress
from kg.outputs.kept import checked_store, default_location
from kg.read.resources import Layout


def project_store(args: argparse.Namespace, layout: Layout) -> ox.Store:
    """The checked graph: the kept store when fresh, else checked (progress on a terminal).

    Raises
    ------
    DataError
        The checks found errors (the findings of ``validate``, exit 1).
    """
    location = Path(args.store_dir) if args.store_dir else default_location(layout)
    progress = tty_progress()
    try:
        return checked_store(location.absolute(), layout, progress=progress)
    finally:
        if progress is not None:
            progress.close()
