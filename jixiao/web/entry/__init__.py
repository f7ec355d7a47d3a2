"""Typing targets and self-evaluations, with live recomputed scores."""
