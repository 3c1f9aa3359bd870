"""Validators for GEXF 1.3 and GraphML files (schemas held in ../shared/schemas)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from conftest import REPO
from lxml import etree

SCHEMAS = REPO.parent / "shared" / "schemas"
GEXF_RNG = SCHEMAS / "gexf" / "1.3" / "gexf.rng"
GRAPHML_XSD = SCHEMAS / "graphml" / "graphml.xsd"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)

needs_schemas = pytest.mark.skipif(
    not (GEXF_RNG.is_file() and GRAPHML_XSD.is_file()),
    reason="../shared/schemas (GEXF 1.3 RelaxNG, GraphML XSD) is not present",
)


@cache
def _gexf() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(GEXF_RNG), PARSER))


@cache
def _graphml() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(GRAPHML_XSD), PARSER))


def assert_valid(content: bytes | Path, fmt: str) -> None:
    """Fail with the schema's first error unless ``content`` is a valid ``fmt`` file."""
    data = content.read_bytes() if isinstance(content, Path) else content
    doc = etree.fromstring(data, PARSER).getroottree()
    schema = _gexf() if fmt == "gexf" else _graphml()
    if not schema.validate(doc):
        pytest.fail(f"invalid {fmt}: {schema.error_log.filter_from_errors()[0]}")
