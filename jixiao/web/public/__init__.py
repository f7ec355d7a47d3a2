"""What anyone may read: published forms."""
