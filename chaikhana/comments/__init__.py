"""Comments: threaded conversation under posts and pages, moderation, notifications, feeds."""
