"""Signals other apps listen to (reading, linkbacks, federation, network).

Sent only by actions, only after commit, with ids: listeners load what they need.
"""

from django.dispatch import Signal

post_published = Signal()  # post_id
post_changed = Signal()  # post_id, was_public: any saved change to a post, published or not
post_deleted = Signal()  # post_id, blog_id
# blog_id, post_ids: a batch of posts arrived from another platform (never post_published)
posts_imported = Signal()
# blog_id, post_ids: bodies re-rendered in bulk under today's rules (never post_changed)
posts_rerendered = Signal()
blog_changed = Signal()  # blog_id: settings, theme, visibility
# post_ids: what readers elsewhere did to posts changed (fediverse likes and boosts); sent by
# a listener (federation) so that another (the page cache) hears it without importing it
post_reactions_changed = Signal()
# blog_id, user_id, by_id, old_role, new_role: a role given, changed or taken away (None: none)
member_role_changed = Signal()
