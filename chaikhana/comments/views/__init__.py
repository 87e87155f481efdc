"""Comment pages: posting under a post, changing one's own comment, the moderation queue."""
