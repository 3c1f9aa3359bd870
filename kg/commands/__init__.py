"""CLI subcommands, one module each.

A command module defines ``NAME``, ``HELP``, ``add_arguments(parser)`` and
``run(args) -> int``; :mod:`kg.cli` lists the modules in ``COMMANDS``.
"""
