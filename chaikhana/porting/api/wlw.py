"""wlwmanifest.xml: what Open Live Writer (and Windows Live Writer before it) may offer when
it edits a blog (learn.microsoft.com, "Windows Live Writer Manifest Reference").

Writer reads the manifest named by a blog page's <link rel="wlwmanifest">, else it probes
<home>/wlwmanifest.xml. We answer as Movable Type: MetaWeblog for posts, mt.* for categories
(porting/api/movabletype.py), and say plainly what we do not do (new categories from the
editor, pages, authors, passwords, comment and ping policies), so Writer hides those options
instead of failing on save. RSD 1.0 has no element for a manifest, so only pages link it.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from chaikhana.blogs.views.common import reader_blog

OPTIONS = {
    "clientType": "MovableType",
    "supportsPostAsDraft": "Yes",
    "supportsFileUpload": "Yes",
    "supportsExtendedEntries": "Yes",
    "supportsCustomDate": "Yes",
    "supportsCategories": "Yes",
    "supportsMultipleCategories": "Yes",
    "supportsHierarchicalCategories": "No",
    "supportsNewCategories": "No",
    "supportsKeywords": "Yes",
    "supportsGetTags": "No",
    "supportsExcerpt": "Yes",
    "supportsSlug": "Yes",
    "supportsPages": "No",
    "supportsAuthor": "No",
    "supportsPassword": "No",
    "supportsCommentPolicy": "No",
    "supportsPingPolicy": "No",
    "supportsTrackbacks": "No",
    "supportsEmbeds": "No",
    "supportsScripts": "No",
    "requiresHtmlTitles": "No",
}


def manifest_document() -> str:
    options = "".join(f"    <{name}>{value}</{name}>\n" for name, value in OPTIONS.items())
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<manifest xmlns="http://schemas.microsoft.com/wlw/manifest/weblog">\n'
        f"  <options>\n{options}  </options>\n"
        "  <weblog>\n    <serviceName>Chaikhana</serviceName>\n  </weblog>\n"
        "</manifest>\n"
    )


@require_safe
def wlwmanifest(request: HttpRequest, blog: str | None = None) -> HttpResponse:
    """/@<blog>/wlwmanifest.xml (and /wlwmanifest.xml at a blog's own host)."""
    reader_blog(request, blog or getattr(request, "blog_name", None))  # 404/403 as its pages
    return HttpResponse(manifest_document(), content_type="application/wlwmanifest+xml")
