"""Full-text search over resources, with filters and facet counts."""
