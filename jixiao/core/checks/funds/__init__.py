"""Funds checks: spending against budget, and budgets changed during the year."""
