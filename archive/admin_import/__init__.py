"""The admin's "Import a report": its forms (the text, then the review of what the importer
proposes) and its views. The importer itself, plain Python, is `archive/ingest/`."""
