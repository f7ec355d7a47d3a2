"""Uploads: files parsed in the background, previewed, then stored all together or not at all."""
