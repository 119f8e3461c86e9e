"""Admin for organisations and their members, with verification actions."""
