"""Who writes on a blog, as XML-RPC clients ask it: wp.getAuthors and blogger.getUserInfo.

A writer is her membership of the blog, never her account (docs/apps-and-editors.md): the
id is the membership's (stable on this blog, different on each of her blogs), the login
her author slug (already public in /@<blog>/author/<slug>/) and the name her pen name.
No answer carries a username, an email address or an account id, since a client may show
one member's answer to another (a shared blog on a shared desktop editor).
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest

from chaikhana.blogs.models import Membership
from chaikhana.porting.api import lookup
from chaikhana.porting.api.faults import as_int, method, sign_in


def author_struct(membership: Membership) -> dict[str, str]:
    return {
        "user_id": str(membership.pk),
        "user_login": membership.slug,
        "display_name": membership.pen_name,
    }


@method("wp.getAuthors")
def get_authors(
    request: HttpRequest, blog_id: Any, username: Any, password: Any
) -> list[dict[str, str]]:
    user = sign_in(request, username, password)
    blog, _membership = lookup.requested_blog(request, user, as_int(blog_id, "blog_id"))
    return [author_struct(m) for m in Membership.objects.for_blog(blog).order_by("pk")]


@method("blogger.getUserInfo")
def get_user_info(
    request: HttpRequest, appkey: Any, username: Any, password: Any
) -> dict[str, str]:
    """Her pen name on the blog this endpoint (or her only blog) stands for; with several
    blogs at the network's address there is no one name to give, so the fields are empty."""
    user = sign_in(request, username, password)
    try:
        blog, membership = lookup.requested_blog(request, user, 0)
    except Http404:
        return {
            "userid": "0",
            "nickname": "",
            "firstname": "",
            "lastname": "",
            "url": "",
            "email": "",
        }
    return {
        "userid": str(membership.pk),
        "nickname": membership.pen_name,
        "firstname": membership.pen_name,
        "lastname": "",
        "url": request.build_absolute_uri(blog.get_absolute_url()),
        "email": "",
    }
