"""LiveJournal and Dreamwidth import: XML exports of entries and comments → posts and comments."""
