"""The dashboard's routes: /dashboard/ and, per blog, /dashboard/@<blog>/…"""

from django.urls import path

from chaikhana.writing.views import (
    autosave,
    blogs,
    bulk,
    categories,
    dashboard,
    editor,
    looks,
    members,
    posts,
    preview,
    revisions,
    upload,
)

app_name = "writing"

POST = "@<blogname:blog>/posts/<int:post_id>/"
REVISION = POST + "revisions/<int:revision_id>/"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("new-blog/", blogs.blog_create, name="blog_create"),
    path("@<blogname:blog>/", posts.posts, name="posts"),
    path("@<blogname:blog>/settings/", blogs.blog_settings, name="blog_settings"),
    path("@<blogname:blog>/theme/", looks.blog_theme, name="blog_theme"),
    path("@<blogname:blog>/members/", members.members, name="members"),
    path("@<blogname:blog>/members/<int:member_id>/", members.member_change, name="member_change"),
    path(
        "@<blogname:blog>/members/<int:member_id>/remove/",
        members.member_remove,
        name="member_remove",
    ),
    path("@<blogname:blog>/categories/", categories.categories, name="categories"),
    path(
        "@<blogname:blog>/categories/<int:category_id>/",
        categories.category_edit,
        name="category_edit",
    ),
    path(
        "@<blogname:blog>/categories/<int:category_id>/delete/",
        categories.category_delete,
        name="category_delete",
    ),
    path("@<blogname:blog>/posts/bulk/", bulk.posts_bulk, name="posts_bulk"),
    path("@<blogname:blog>/posts/new/", editor.post_new, name="post_new"),
    path("@<blogname:blog>/posts/preview/", preview.post_preview, name="post_preview"),
    # Under the library's address, as before the editor's upload moved here from media.
    path("@<blogname:blog>/media/editor-upload/", upload.editor_upload, name="editor_upload"),
    path(
        "@<blogname:blog>/media/editor-upload.json",
        upload.editor_upload,
        {"as_json": True},
        name="editor_upload_json",
    ),
    path(
        "@<blogname:blog>/posts/new/autosave/", autosave.post_autosave_new, name="post_autosave_new"
    ),
    path(POST, editor.post_edit, name="post_edit"),
    path(POST + "autosave/", autosave.post_autosave, name="post_autosave"),
    path(POST + "delete/", posts.post_delete, name="post_delete"),
    path(POST + "revisions/", revisions.revisions, name="revisions"),
    path(REVISION, revisions.revision_diff, name="revision_diff"),
    path(REVISION + "restore/", revisions.revision_restore, name="revision_restore"),
]
