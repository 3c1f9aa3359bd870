"""Checking the project: every finding of ``validate`` and ``build``, located at ``file:line:col``.

Syntax, literals and vocabulary per file, SHACL compiled to SPARQL (``shacl/``), ontology QC,
reasoning and project checks, collected into one report with its formats. It may import
:mod:`kg.read` and nothing above it.
"""
