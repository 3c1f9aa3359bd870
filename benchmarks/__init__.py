"""Benchmarks of conflict-kg at scale: a synthetic graph generator and a stage runner."""
