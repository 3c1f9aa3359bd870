"""Reading the project: files on disk into an Oxigraph store or rdflib graph, with positions.

Finds the project (``resources``), parses Turtle with ``file:line:col`` errors (``load``,
``store``), refuses malformed literals and undeclared terms (``wellformed``) and finds where
a term is written (``locate``, ``linemap``; ``scoped`` and ``subjects`` with the ``@prefix``
and ``@base`` in effect there). It may import only :mod:`kg` and :mod:`kg.errors`.
"""
