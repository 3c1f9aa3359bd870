"""The checked graph of the commands that read it (``--store-dir DIR``, :mod:`kg.cli.options`)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pyoxigraph as ox

from kg.cli.progress import tty_progress
from kg.outputs.keepstore import checked_store
from kg.outputs.kept import default_location
from kg.read.resources import Layout


def store_location(args: argparse.Namespace, layout: Layout) -> Path:
    """The kept store's directory: ``--store-dir``, else ``build/store`` of the project."""
    return (Path(args.store_dir) if args.store_dir else default_location(layout)).absolute()


def project_store(args: argparse.Namespace, layout: Layout) -> ox.Store:
    """The checked graph: the kept store when fresh, else checked (progress on a terminal).

    Raises
    ------
    DataError
        The checks found errors (the findings of ``validate``, exit 1).
    """
    progress = tty_progress()
    try:
        return checked_store(store_location(args, layout), layout, progress=progress)
    finally:
        if progress is not None:
            progress.close()
