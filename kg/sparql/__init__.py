"""SPARQL: the query library, typed parameters, the runner, endpoints, ``why``, publish and serve.

Queries run in-process on Oxigraph or on any SPARQL 1.1 endpoint with the same parameters and
result formats. It may import every layer below it (read, check, views, outputs).
"""
