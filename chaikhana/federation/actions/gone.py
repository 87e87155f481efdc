"""What is kept of a deleted blog that was an actor: its address, so that it answers 410."""

from __future__ import annotations

from django.db import transaction

from chaikhana.blogs.models import Blog
from chaikhana.federation import keys
from chaikhana.federation.models import ActorKey, GoneActor


@transaction.atomic
def bury_actor(*, blog_id: int) -> bool:
    """The blog *blog_id* was deleted: keep its address as gone and drop its key pair.

    Only a blog that had a key (some server fetched its actor) is remembered; True if so.
    """
    if Blog.objects.filter(pk=blog_id).exists():
        return False
    key = ActorKey.objects.select_for_update().filter(actor=keys.blog_actor(blog_id)).first()
    if key is None:
        return False
    if key.name:
        GoneActor.objects.get_or_create(name=key.name)
    key.delete()
    return bool(key.name)
