"""Demo content for the resource library, called by `seed_demo`. Idempotent."""
