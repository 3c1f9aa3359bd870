"""What ``build`` writes: graph files, GEXF and GraphML, pictures, each written atomically.

``build`` runs the checks, then each output step; ``gexf``, ``graphml`` and ``plot`` render the
views. It may import :mod:`kg.read`, :mod:`kg.check` and :mod:`kg.views`.
"""
