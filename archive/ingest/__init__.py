"""Getting reports into the archive and the archive out of it."""
