"""Signals other apps listen to (page cache, feeds): sent by actions after commit, ids only."""

from django.dispatch import Signal

# post_id, comment_id: a comment became visible to readers, or a visible one changed.
comment_approved = Signal()
# post_id, comment_id: a visible comment left the page (spam, trash, deleted by its writer).
comment_removed = Signal()
# blog_id: the blog's comment policy changed (open, closed, who may comment): every post page
# of the blog shows the form, or does not, differently.
comment_settings_changed = Signal()

# post_id, comment_id: a new comment was stored, whatever its status (webhooks).
comment_received = Signal()
