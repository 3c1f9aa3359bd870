"""The ``conflict-kg`` command line: one module per subcommand, ``main`` in :mod:`kg.cli.main`.

The only layer that prints; it may import everything below it.
"""
