"""Arithmetic checks: figures that can be recomputed from the form itself."""
