"""Importers of external datasets into the conflict-kg graph.

- :mod:`kg.importers.pax` — the PA-X Peace Agreements Database (CSV export) to RDF;
- :mod:`kg.importers.reconcile` — splitting free-text actor fields into mentions and
  resolving them to the repository's actors, ISO 3166 states and public offices;
- :mod:`kg.importers.report` — the reconciliation report (CSV).
"""
