"""The ``conflict-kg`` command line: one module per subcommand, ``main`` in :mod:`kg.cli.main`,
the options several share in :mod:`kg.cli.options`.

The only layer that prints; it may import everything below it.
"""
