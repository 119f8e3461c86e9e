"""Admin for topics and resources."""
