"""Organisations, roles and who may see, edit or review what."""
