"""Resources: create, edit, publish, archive, review; link checks."""
