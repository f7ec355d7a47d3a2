"""Projects, forms and indicator rows; every form round-trips to canonical JSON."""
