"""SHACL: shapes compiled to SPARQL and run on Oxigraph, with pySHACL as the reference engine.

``compile``/``plan``/``merge`` turn shapes into queries, ``sparql`` runs them, ``results`` maps
results to located findings and ``reference`` wraps pySHACL. It may import :mod:`kg.read`.
"""
