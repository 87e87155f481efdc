"""Following: readers follow blogs and tags, read them in one river, and carry them in OPML."""
