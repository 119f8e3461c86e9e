"""Admin for helplines, channels, opening hours and emergency numbers, and the helpline CSV import."""
