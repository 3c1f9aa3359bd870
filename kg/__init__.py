"""conflict-kg: a knowledge graph of armed-conflict actors and peace processes."""

from rdflib import Namespace

__version__ = "0.1.0"

CKG = Namespace("https://w3id.org/conflict-kg/ontology#")
"""The ontology namespace (prefix ``ckg:``)."""

ID = Namespace("https://w3id.org/conflict-kg/id/")
"""The instance namespace (prefix ``id:``)."""

__all__ = ["CKG", "ID", "__version__"]
