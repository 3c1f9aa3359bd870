"""The graph's network views: actor-actor relations, when they hold, and networkx graphs of them.

``relations`` reads relations with their carriers and sources, ``timeslice`` is the time rule,
``network`` builds each view. It may import :mod:`kg.read` and :mod:`kg.check`, never outputs.
"""
