"""Organisations: membership and staff verification."""
