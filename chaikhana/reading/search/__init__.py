"""Full-text search of posts, per blog and across the network's listed blogs.

``query.search_posts()`` is the one way in; ``actions`` keeps the index (one
``SearchDocument`` per published post) and ``backends`` picks SQLite FTS5 or PostgreSQL
full-text search by database vendor. docs/architecture.md, "Search", explains the design.
"""
