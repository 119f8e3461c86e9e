"""Every read in the resource library that depends on the viewer; one module per area."""
