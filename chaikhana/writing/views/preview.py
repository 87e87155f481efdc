"""The editor's live preview: the text through the very rendering a save gives it, never saved.

A post's HTML is made once, at save, by ``Post.render()`` through ``render_body`` (Markdown
or imported HTML, then the nh3 allow-list); the preview calls the same function, then
applies the render-time transforms a reader's page applies (``core.bodies``). It answers an
HTML fragment for editor.js, and is rate-limited per person: a script typing in a loop must
not turn the renderer into a free CPU.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from chaikhana.accounts.http import AuthedRequest
from chaikhana.blogs.access import access_blog_as_member, access_post
from chaikhana.blogs.models import Post
from chaikhana.blogs.models.post import MAX_BODY_CHARS, render_body
from chaikhana.core import ratelimit
from chaikhana.core.bodies import apply_body_transforms

PREVIEWS_PER_MINUTE = 60


def preview_html(request: HttpRequest, source: str, body_format: str) -> str:
    """*source* rendered as a save would render it, and shown as a reader's page shows it."""
    html = render_body(source[:MAX_BODY_CHARS], body_format)
    return apply_body_transforms(html, request=request, post=None)


@never_cache
@login_required
@require_POST
def post_preview(request: AuthedRequest, blog: str) -> HttpResponse:
    the_blog, _membership = access_blog_as_member(request.user, blog)
    if ratelimit.hit("editor-preview", str(request.user.pk), window=60) > PREVIEWS_PER_MINUTE:
        message = _("Too many previews in a minute; the preview will catch up in a moment.")
        return HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
    post_id = request.POST.get("post", "")
    body_format: str = Post.Format.MARKDOWN
    if post_id.isdigit():
        body_format = access_post(request.user, the_blog, int(post_id), for_edit=True).body_format
    html = preview_html(request, request.POST.get("body_source", ""), body_format)
    return HttpResponse(html, content_type="text/html; charset=utf-8")
