"""Reads of organisations, topics and resources."""
