"""conflict-kg: a knowledge graph of armed-conflict actors and peace processes.

``CKG`` and ``ID`` are rdflib namespaces, made on first use: importing ``kg``
(as ``conflict-kg --help`` does) does not import rdflib.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

CKG_IRI = "https://w3id.org/conflict-kg/ontology#"
"""The ontology namespace (prefix ``ckg:``), as a string."""

ID_IRI = "https://w3id.org/conflict-kg/id/"
"""The instance namespace (prefix ``id:``), as a string."""

_NAMESPACES = {"CKG": CKG_IRI, "ID": ID_IRI}


def __getattr__(name: str) -> Any:
    """``CKG`` (the ontology namespace) and ``ID`` (the instances), as rdflib namespaces."""
    if name in _NAMESPACES:
        from rdflib import Namespace

        value = Namespace(_NAMESPACES[name])
        globals()[name] = value
        return value
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


__all__ = ["CKG", "CKG_IRI", "ID", "ID_IRI", "__version__"]
