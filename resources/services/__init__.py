"""Every write in the resource library; one module per area."""
