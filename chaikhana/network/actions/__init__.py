"""Every write the network's staff make goes through these functions, each one audited."""

from chaikhana.network.actions.audit import audit
from chaikhana.network.actions.blocklist import block_domain, block_word, unblock_term
from chaikhana.network.actions.blogs import delete_blog, restore_blog, suspend_blog
from chaikhana.network.actions.people import (
    delete_user,
    restore_user,
    set_blog_limit,
    set_quota,
    suspend_user,
)
from chaikhana.network.actions.purge import purge_deletion, purge_due_deletions
from chaikhana.network.actions.settings import (
    create_invite,
    revoke_invite,
    update_network_settings,
)

__all__ = [
    "audit",
    "block_domain",
    "block_word",
    "create_invite",
    "delete_blog",
    "delete_user",
    "purge_deletion",
    "purge_due_deletions",
    "restore_blog",
    "restore_user",
    "revoke_invite",
    "set_blog_limit",
    "set_quota",
    "suspend_blog",
    "suspend_user",
    "unblock_term",
    "update_network_settings",
]
