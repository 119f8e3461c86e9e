"""Helplines, their channels and opening hours, emergency numbers."""
