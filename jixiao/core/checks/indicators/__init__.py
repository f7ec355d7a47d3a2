"""Indicator checks: each row's score against its target, actual and reason."""
