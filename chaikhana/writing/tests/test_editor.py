import html
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from chaikhana.blogs.actions import PostContent, PostRequest, autosave_post, save_requested_post
from chaikhana.blogs.models import Post, Revision
from chaikhana.blogs.roles import Role
from chaikhana.core.testing.factories import BlogFactory, CategoryFactory, PostFactory
from chaikhana.writing.tests.helpers import client_for, member, post_data

pytestmark = pytest.mark.django_db


def new_url(blog):
    return reverse("writing:post_new", args=[blog.name])


def edit_url(post):
    return reverse("writing:post_edit", args=[post.blog.name, post.pk])


class EditorPermissionTests:
    def test_contributor_is_not_offered_published(self, blog):
        contributor = member(blog, Role.CONTRIBUTOR).user
        form = client_for(contributor).get(new_url(blog)).context["form"]
        assert [value for value, _ in form.fields["status"].choices] == ["draft", "pending"]

    def test_contributor_choosing_published_gets_error_and_nothing_is_stored(self, blog):
        contributor = member(blog, Role.CONTRIBUTOR).user
        response = client_for(contributor).post(new_url(blog), post_data(status="published"))
        assert response.context["form"].errors["status"]
        assert "A title" in response.content.decode()
        assert not Post.objects.exists()

    def test_contributor_submits_for_review(self, blog):
        contributor = member(blog, Role.CONTRIBUTOR).user
        client_for(contributor).post(new_url(blog), post_data(status="pending"))
        assert Post.objects.get().status == Post.Status.PENDING

    def test_author_cannot_edit_someone_elses_post(self, blog):
        post = PostFactory(blog=blog)
        author = member(blog, Role.AUTHOR).user
        assert client_for(author).get(edit_url(post)).status_code == 403
        response = client_for(author).post(edit_url(post), post_data(title="Mine now"))
        assert response.status_code == 403
        post.refresh_from_db()
        assert post.title != "Mine now"

    def test_stranger_saving_into_someone_elses_blog_gets_403_and_nothing_is_stored(self, blog):
        stranger = member(BlogFactory(), Role.OWNER).user
        response = client_for(stranger).post(new_url(blog), post_data())
        assert response.status_code == 403
        assert not Post.objects.exists()

    def test_stranger_gets_404_for_a_private_blog(self):
        private = BlogFactory(visibility="private")
        stranger = member(BlogFactory(), Role.OWNER).user
        assert client_for(stranger).get(new_url(private)).status_code == 404

    def test_authors_may_not_add_pages(self, blog):
        author = member(blog, Role.AUTHOR).user
        assert client_for(author).get(new_url(blog) + "?kind=page").status_code == 403


class EditorSaveTests:
    def test_owner_creates_a_post_with_categories_and_tags(self, user, blog):
        category = CategoryFactory(blog=blog)
        response = client_for(user).post(
            new_url(blog),
            post_data(
                title="Привет, мир",
                status="published",
                categories=[category.pk],
                tags="новости, Бишкек",
            ),
        )
        post = Post.objects.get()
        assert response["Location"] == edit_url(post)
        assert (post.slug, post.status) == ("privet-mir", Post.Status.PUBLISHED)
        assert list(post.categories.all()) == [category]
        assert sorted(post.tags.values_list("name", flat=True)) == ["Бишкек", "новости"]

    def test_new_page_is_saved_as_a_page(self, user, blog):
        client_for(user).post(new_url(blog), post_data(kind="page"))
        assert Post.objects.get().kind == Post.Kind.PAGE

    def test_editing_shows_the_saved_text(self, user, blog):
        post = PostFactory(blog=blog, body_source="Сохранённый текст")
        page = client_for(user).get(edit_url(post)).content.decode()
        assert "Сохранённый текст" in page
        assert f'name="base_version" value="{post.version}"' in page

    def test_scheduled_time_is_read_in_the_network_time_zone(self, user, blog):
        client_for(user).post(
            new_url(blog), post_data(status="scheduled", published_at="2999-01-01T10:00")
        )
        post = Post.objects.get()
        assert post.status == Post.Status.SCHEDULED
        assert timezone.localtime(post.published_at).strftime("%Y-%m-%d %H:%M %Z") == (
            "2999-01-01 10:00 +06"
        )


class EditorBadInputTests:
    def post_bad(self, user, blog, **fields):
        response = client_for(user).post(new_url(blog), post_data(**fields))
        assert response.status_code == 200
        assert not Post.objects.exists()
        return response.context["form"], response.content.decode()

    def test_title_over_200_characters(self, user, blog):
        form, page = self.post_bad(user, blog, title="Ж" * 201, body_source="kept text")
        assert "at most 200 characters" in form.errors["title"][0]
        assert "kept text" in page and "Ж" * 201 in page

    def test_duplicate_slug(self, user, blog):
        PostFactory(blog=blog, slug="taken")
        client = client_for(user)
        response = client.post(new_url(blog), post_data(slug="taken", body_source="kept text"))
        form = response.context["form"]
        assert "already has the address" in form.errors["slug"][0]
        assert "kept text" in response.content.decode()
        assert Post.objects.count() == 1

    def test_body_over_a_million_characters(self, user, blog):
        form, page = self.post_bad(user, blog, body_source="я" * 1_000_001)
        assert "at most 300000 characters" in form.errors["body_source"][0]
        assert "Up to 300,000 characters" in page

    def test_ten_megabytes_of_text_get_a_message_not_an_error_page(self, user, blog):
        form, _page = self.post_bad(user, blog, body_source="x" * (10 * 1024 * 1024))
        assert form.errors["body_source"]

    def test_bad_date(self, user, blog):
        form, page = self.post_bad(user, blog, published_at="31.02.2024 25:99")
        assert form.errors["published_at"]
        assert "31.02.2024 25:99" in page

    def test_scheduled_without_a_date(self, user, blog):
        form, _page = self.post_bad(user, blog, status="scheduled")
        assert "future" in form.errors["published_at"][0]

    def test_scheduled_in_the_past(self, user, blog):
        past = (timezone.localtime() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
        form, _page = self.post_bad(user, blog, status="scheduled", published_at=past)
        assert "future" in form.errors["published_at"][0]

    def test_failed_edit_keeps_the_stored_post(self, user, blog):
        post = PostFactory(blog=blog, title="Stored", body_source="stored text")
        client_for(user).post(edit_url(post), post_data(title="", base_version=post.version))
        post.refresh_from_db()
        assert (post.title, post.body_source) == ("Stored", "stored text")


class EditConflictTests:
    def test_second_editor_sees_conflict_and_both_versions_are_kept(self, user, blog):
        post = save_requested_post(
            blog=blog, by=user, request=PostRequest(title="T", body_source="original")
        )
        editor = member(blog, Role.EDITOR).user
        first, second = client_for(user), client_for(editor)
        # Both opened the editor at version 1; the owner saves first.
        first.post(edit_url(post), post_data(title="T", body_source="owner's text", base_version=1))
        response = second.post(
            edit_url(post), post_data(title="T", body_source="editor's text", base_version=1)
        )
        page = response.content.decode()
        assert "Someone else saved this post while you were editing it" in page
        assert "editor's text" in html.unescape(page)  # her text, in the form
        assert "owner's text" in html.unescape(page)  # the saved text, shown beside it
        assert reverse("writing:revisions", args=[blog.name, post.pk]) in page
        post.refresh_from_db()
        assert post.body_source == "owner's text"
        kept = post.revisions.get(kind=Revision.Kind.CONFLICT)
        assert kept.body_source == "editor's text"

    def test_saving_again_after_seeing_the_conflict_succeeds(self, user, blog):
        post = save_requested_post(
            blog=blog, by=user, request=PostRequest(title="T", body_source="original")
        )
        save_requested_post(
            blog=blog, by=user, post=post, request=PostRequest(title="T", body_source="other")
        )
        client = client_for(user)
        response = client.post(edit_url(post), post_data(body_source="mine", base_version=1))
        again = response.context["form"]["base_version"].value()
        client.post(edit_url(post), post_data(body_source="mine", base_version=again))
        post.refresh_from_db()
        assert post.body_source == "mine"


class PreviewTests:
    def test_preview_renders_markdown_without_saving(self, user, blog):
        response = client_for(user).post(
            new_url(blog), post_data(body_source="**жирный** <script>x</script>", preview="1")
        )
        page = response.content.decode()
        assert "<strong>жирный</strong>" in page
        assert "<script>x</script>" not in page
        assert not Post.objects.exists()

    def test_preview_of_an_existing_post_leaves_it_unchanged(self, user, blog):
        post = PostFactory(blog=blog, body_source="before")
        client_for(user).post(edit_url(post), post_data(body_source="after", preview="1"))
        post.refresh_from_db()
        assert post.body_source == "before"


class AutosaveNoticeTests:
    def test_editor_offers_a_newer_autosave(self, user, blog):
        post = save_requested_post(
            blog=blog, by=user, request=PostRequest(title="T", body_source="saved")
        )
        revision = autosave_post(
            post=post, by=user, content=PostContent(title="T", body_source="more")
        )
        page = client_for(user).get(edit_url(post)).content.decode()
        assert "You have newer unsaved text" in page
        assert reverse("writing:revision_diff", args=[blog.name, post.pk, revision.pk]) in page
        assert reverse("writing:revision_restore", args=[blog.name, post.pk, revision.pk]) in page

    def test_no_notice_when_the_post_was_saved_after_the_autosave(self, user, blog):
        post = save_requested_post(
            blog=blog, by=user, request=PostRequest(title="T", body_source="saved")
        )
        autosave_post(post=post, by=user, content=PostContent(title="T", body_source="more"))
        save_requested_post(
            blog=blog, by=user, post=post, request=PostRequest(title="T", body_source="final")
        )
        page = client_for(user).get(edit_url(post)).content.decode()
        assert "You have newer unsaved text" not in page


class PostDeleteTests:
    def test_asks_then_deletes_on_post(self, user, blog):
        post = PostFactory(blog=blog)
        url = reverse("writing:post_delete", args=[blog.name, post.pk])
        client = client_for(user)
        assert "cannot be undone" in client.get(url).content.decode()
        assert Post.objects.filter(pk=post.pk).exists()
        client.post(url)
        assert not Post.objects.filter(pk=post.pk).exists()

    def test_author_cannot_delete_someone_elses_post(self, blog):
        post = PostFactory(blog=blog)
        author = member(blog, Role.AUTHOR).user
        url = reverse("writing:post_delete", args=[blog.name, post.pk])
        assert client_for(author).post(url).status_code == 403
        assert Post.objects.filter(pk=post.pk).exists()


class EditorLayoutTests:
    def test_publish_panel_holds_every_setting_when_writing_a_new_post(self, user, blog):
        CategoryFactory(blog=blog)
        page = client_for(user).get(new_url(blog)).content.decode()
        panel = page[
            page.index('id="publish-panel"') : page.index(
                "</details>", page.index('id="publish-panel"')
            )
        ]
        for name in ("status", "published_at", "categories", "tags", "excerpt", "language", "slug"):
            assert f'name="{name}"' in panel, name
        assert 'name="body_source"' not in panel

    def test_shows_when_the_post_was_last_saved_when_editing(self, user, blog):
        post = PostFactory(blog=blog)
        page = client_for(user).get(edit_url(post)).content.decode()
        assert f"Saved {timezone.localtime(post.updated_at):%H:%M}" in page

    def test_loads_scripts_from_files_only_when_rendering_the_editor(self, user, blog):
        page = client_for(user).get(new_url(blog)).content.decode()
        assert page.count("<script") == page.count("<script src=") == 2
        assert " onclick=" not in page and " style=" not in page

    def test_tells_the_keyboard_shortcuts_when_writing(self, user, blog):
        page = client_for(user).get(new_url(blog)).content.decode()
        assert 'id="shortcuts"' in page and "<kbd>S</kbd> save" in page
        assert reverse("writing:post_preview", args=[blog.name]) in page
