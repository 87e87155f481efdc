from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from chaikhana.blogs.models import Blog, Category, Post
from chaikhana.core.testing.factories import (
    BlogFactory,
    CategoryFactory,
    MembershipFactory,
    PostFactory,
)

pytestmark = pytest.mark.django_db


class PostRenderTests:
    def test_summary_shows_characters_when_text_has_ampersand(self, blog):
        post = PostFactory(blog=blog, body_source="AT&T and <Ош> «кеңеш»")
        assert post.summary == "AT&T and <Ош> «кеңеш»"

    def test_summary_cut_at_55_words_when_text_is_long(self, blog):
        post = PostFactory(blog=blog, body_source=" ".join(f"w{n}" for n in range(100)))
        assert post.summary.split()[-1] == "w54…"
        assert post.word_count == 100

    def test_excerpt_wins_when_author_wrote_one(self, blog):
        post = PostFactory(blog=blog, body_source="Long text", excerpt="  In short.  ")
        assert post.summary == "In short."

    def test_cover_is_first_image_when_post_has_images(self, blog):
        post = PostFactory(blog=blog, body_source="![a](/media/a.webp)\n\n![b](/media/b.webp)")
        assert post.cover_image == "/media/a.webp"

    def test_html_body_is_sanitised_when_format_is_html(self, blog):
        post = PostFactory(
            blog=blog, body_format=Post.Format.HTML, body_source="<p onclick=x>Hi</p><script>"
        )
        assert post.body_html == "<p>Hi</p>"


class PostQuerySetTests:
    def test_published_excludes_future_and_unpublished_when_listing(self, blog):
        live = PostFactory(blog=blog)
        PostFactory(blog=blog, published_at=timezone.now() + timedelta(minutes=1))
        PostFactory(blog=blog, status=Post.Status.DRAFT)
        PostFactory(blog=blog, status=Post.Status.PRIVATE)
        assert list(Post.objects.published()) == [live]

    def test_author_reads_only_her_own_private_posts_when_listing(self, blog):
        author = MembershipFactory(blog=blog, role="author")
        mine = PostFactory(blog=blog, author=author, status=Post.Status.PRIVATE)
        PostFactory(blog=blog, status=Post.Status.PRIVATE)
        readable = Post.objects.for_blog(blog).readable_by(author.user, author)
        assert list(readable) == [mine]

    def test_listing_needs_fixed_queries_when_posts_multiply(self, blog, django_assert_num_queries):
        for _ in range(5):
            PostFactory(blog=blog).categories.add(CategoryFactory(blog=blog))
        with django_assert_num_queries(3):  # posts with blog and author, categories, tags
            posts = list(Post.objects.for_blog(blog).for_listing())
            assert all(p.blog.name and p.author.pen_name and p.categories.all() for p in posts)


class BlogQuerySetTests:
    def test_private_blog_hidden_when_reader_is_not_member(self, user):
        public = BlogFactory()
        unlisted = BlogFactory(visibility=Blog.Visibility.UNLISTED)
        private = BlogFactory(visibility=Blog.Visibility.PRIVATE)
        mine = BlogFactory(visibility=Blog.Visibility.PRIVATE, owner=user)
        assert set(Blog.objects.readable_by(AnonymousUser())) == {public, unlisted}
        assert set(Blog.objects.readable_by(user)) == {public, unlisted, mine}
        assert private not in Blog.objects.readable_by(user)
        assert list(Blog.objects.listed()) == [public]


class CategoryAncestorsTests:
    def test_stops_when_bad_data_holds_a_cycle(self, blog):
        a = CategoryFactory(blog=blog)
        b = CategoryFactory(blog=blog, parent=a)
        Category.objects.filter(pk=a.pk).update(parent=b)
        b.refresh_from_db()
        assert [c.pk for c in b.ancestors()] == [b.pk, a.pk]
