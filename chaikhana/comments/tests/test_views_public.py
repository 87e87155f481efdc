import html
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from chaikhana.blogs.actions import change_member
from chaikhana.blogs.models import Blog, Post
from chaikhana.comments.identity import unsubscribe_token
from chaikhana.comments.models import Comment
from chaikhana.comments.tests.helpers import client_for, form_data
from chaikhana.core.testing.factories import (
    BlogFactory,
    CommentFactory,
    MembershipFactory,
    PostFactory,
    UserFactory,
)


def create_url(post):
    return post.blog.url("blogs:comments:create", slug=post.slug)


class HoneypotTests:
    def test_honeypot_is_off_screen_by_the_stylesheet_and_out_of_reach(self, post):
        page = Client().get(post.get_absolute_url()).content.decode()
        wrapper = re.search(r'<div class="hp" aria-hidden="true">.*?</div>', page, re.S)
        assert wrapper and 'name="homepage"' in wrapper.group(0)
        field = re.search(r'<input[^>]*name="homepage"[^>]*>', wrapper.group(0)).group(0)
        assert 'tabindex="-1"' in field and 'autocomplete="off"' in field
        assert " hidden" not in wrapper.group(0)  # display:none is what bots skip
        css = (Path(settings.BASE_DIR) / "chaikhana/core/static/css/chaikhana.css").read_text()
        rule = re.search(r"\.hp\{([^}]*)\}", css)
        assert rule and "position:absolute" in rule.group(1) and "left:-" in rule.group(1)


class CommentFormTests:
    def test_guest_sees_her_waiting_comment_and_others_do_not(self, post):
        guest = Client()
        response = guest.post(create_url(post), form_data(body="Мой первый"))
        assert response.status_code == 302
        assert "Мой первый" in guest.get(post.get_absolute_url()).content.decode()
        assert "Мой первый" not in Client().get(post.get_absolute_url()).content.decode()

    def test_missing_name_keeps_the_typed_text_and_says_why(self, post):
        response = Client().post(create_url(post), form_data(name="", body="Текст не пропадёт"))
        page = response.content.decode()
        assert response.status_code == 400
        assert "Текст не пропадёт" in page and "Tell us your name" in page
        assert not Comment.objects.exists()

    def test_post_page_shown_again_after_a_form_error_allows_no_script(self, post):
        # The same policy as the post page itself (blogs.views.pages.post_detail).
        response = Client().post(create_url(post), form_data(name="", body="Текст"))
        assert response.status_code == 400
        assert "script-src 'none'" in response["Content-Security-Policy"]

    def test_too_long_a_comment_keeps_the_text_and_says_why(self, post):
        body = "ж" * 100_000
        response = Client().post(create_url(post), form_data(body=body))
        assert response.status_code == 400
        assert body in response.content.decode()
        assert "at most 10000 characters" in response.content.decode()

    def test_website_must_be_http_or_https(self, post):
        response = Client().post(create_url(post), form_data(website="javascript:alert(1)"))
        assert response.status_code == 400
        assert not Comment.objects.exists()

    def test_closed_comments_refuse_with_a_message_and_keep_the_text(self, post):
        from chaikhana.comments.models import CommentSettings

        CommentSettings.objects.create(blog=post.blog, mode=CommentSettings.Mode.CLOSED)
        response = Client().post(create_url(post), form_data(body="Сохрани меня"))
        assert response.status_code == 403
        assert "Сохрани меня" in response.content.decode()
        assert "closed" in response.content.decode()

    @pytest.mark.parametrize("status", [Post.Status.DRAFT, Post.Status.SCHEDULED])
    def test_posting_to_an_unpublished_post_is_a_404(self, blog, status):
        hidden = PostFactory(blog=blog, status=status)
        assert Client().post(create_url(hidden), form_data()).status_code == 404

    def test_posting_to_a_missing_post_is_a_404(self, blog):
        url = blog.url("blogs:comments:create", slug="no-such-post")
        assert Client().post(url, form_data()).status_code == 404

    def test_posting_on_a_private_blog_is_a_404_for_strangers(self, db):
        blog = BlogFactory(visibility=Blog.Visibility.PRIVATE)
        post = PostFactory(blog=blog)
        assert Client().post(create_url(post), form_data()).status_code == 404

    def test_signed_in_reader_comments_under_her_display_name(self, post):
        from chaikhana.comments.models import CommentSettings

        CommentSettings.objects.create(blog=post.blog, hold_first_comment=False)
        user = UserFactory(display_name="Читательница", username="login-secret")
        client_for(user).post(create_url(post), form_data(name=""))
        page = Client().get(post.get_absolute_url()).content.decode()
        assert "Читательница" in page and "login-secret" not in page


class CommentThreadTests:
    def test_replies_nest_under_their_comment(self, post):
        top = CommentFactory(post=post, body_source="Вопрос")
        CommentFactory(post=post, parent=top, depth=1, body_source="Ответ")
        page = Client().get(post.get_absolute_url()).content.decode()
        question = page.index(f'id="comment-{top.pk}"')
        assert question < page.index("Ответ") < page.index("</li>", page.index("Ответ"))
        assert page.count('<ol class="comment-thread">') == 2

    def test_reply_link_prefills_the_parent_without_javascript(self, post):
        top = CommentFactory(post=post)
        page = Client().get(f"{post.get_absolute_url()}?replyto={top.pk}").content.decode()
        assert f'href="?replyto={top.pk}#comment-form"' in page
        assert f'name="parent" value="{top.pk}"' in page

    def test_waiting_spam_and_trash_are_not_shown(self, post):
        for status in ("pending", "spam", "trash"):
            CommentFactory(post=post, status=status, body_source=f"невидимка {status}")
        page = Client().get(post.get_absolute_url()).content.decode()
        assert "невидимка" not in page

    def test_post_page_query_count_does_not_grow_with_comments(
        self, post, django_assert_max_num_queries
    ):
        top = CommentFactory(post=post)
        CommentFactory(post=post, parent=top, depth=1)
        with django_assert_max_num_queries(30) as few:
            Client().get(post.get_absolute_url())
        for _ in range(10):
            reply = CommentFactory(post=post, parent=top, depth=1)
            CommentFactory(post=post, parent=reply, depth=2)
        with django_assert_max_num_queries(len(few.captured_queries)):
            Client().get(post.get_absolute_url())

    def test_post_page_links_its_comment_feeds(self, post):
        page = Client().get(post.get_absolute_url()).content.decode()
        assert f'href="/@{post.blog.name}/{post.slug}/comments/feed/"' in page


class CommenterIdentityTests:
    MARK = '<span class="comment-mark"'

    def test_writers_comment_is_marked_when_she_comments_on_her_own_blog(self, post):
        writer = MembershipFactory(blog=post.blog, pen_name="Тень")
        client_for(writer.user).post(create_url(post), form_data(body="Отвечаю как автор"))
        page = Client().get(post.get_absolute_url()).content.decode()
        assert "Отвечаю как автор" in page
        line = re.search(r"<b class=\"comment-author\">Тень</b>[^\n]*", page)
        assert line and self.MARK in line.group(0)

    def test_no_mark_when_guest_or_reader_of_another_blog_comments(self, post):
        CommentFactory(post=post, name="Гость")
        outsider = MembershipFactory(pen_name="Чужой")  # a writer, but of another blog
        client_for(outsider.user).post(create_url(post), form_data(body="Со стороны"))
        Comment.objects.update(status=Comment.Status.APPROVED)  # a stranger's first one waits
        page = Client().get(post.get_absolute_url()).content.decode()
        assert "Со стороны" in page and self.MARK not in page

    def test_a_member_is_shown_by_her_pen_name_when_she_commented_before_joining(self, post):
        # Her account-wide name is her pen name on another blog: it must not sit next to
        # this blog's "author" mark, tying that blog's writer to this one.
        reader = UserFactory(display_name="Айгуль Осмонова")
        MembershipFactory(user=reader, pen_name="Айгуль Осмонова")  # her other blog
        client_for(reader).post(create_url(post), form_data(body="Ещё до того, как вступила"))
        Comment.objects.update(status=Comment.Status.APPROVED)
        MembershipFactory(blog=post.blog, user=reader, pen_name="Ночная сова")
        page = Client().get(post.get_absolute_url()).content.decode()
        feed = Client().get(post.blog.url("blogs:comments:blog_feed")).content.decode()
        for public in (page, feed):
            assert "Ночная сова" in public and "Айгуль Осмонова" not in public

    def test_a_member_is_shown_by_her_pen_name_of_today_when_she_changed_it(self, post):
        writer = MembershipFactory(blog=post.blog, pen_name="Айгуль")  # the default: her name
        client_for(writer.user).post(create_url(post), form_data(body="Пишу под именем"))
        change_member(membership=writer, by=writer.user, pen_name="Ночная сова")
        page = Client().get(post.get_absolute_url()).content.decode()
        assert re.search(r'<b class="comment-author">Ночная сова</b>', page)
        assert 'comment-author">Айгуль' not in page

    def test_guest_taking_a_writers_name_keeps_her_text_and_is_told_why(self, post):
        MembershipFactory(blog=post.blog, pen_name="Тень")
        response = Client().post(create_url(post), form_data(name="ТЕНЬ", body="Мой текст"))
        page = response.content.decode()
        assert response.status_code == 400
        assert "Мой текст" in page and "name of one of this blog's writers" in html.unescape(page)
        assert not Comment.objects.exists()


class CommentFeedTests:
    def test_post_feed_carries_approved_comments_only(self, post):
        CommentFactory(post=post, body_source="Одобрено")
        CommentFactory(post=post, status="pending", body_source="Ждёт")
        feed = Client().get(f"/@{post.blog.name}/{post.slug}/comments/feed/").content.decode()
        assert "Одобрено" in feed and "Ждёт" not in feed

    def test_blog_atom_feed_carries_approved_comments(self, post):
        CommentFactory(post=post, body_source="В ленте")
        response = Client().get(f"/@{post.blog.name}/comments/feed/atom/")
        assert "В ленте" in response.content.decode()

    def test_private_blog_comment_feeds_are_404(self, db):
        post = PostFactory(blog=BlogFactory(visibility=Blog.Visibility.PRIVATE))
        assert Client().get(f"/@{post.blog.name}/comments/feed/").status_code == 404
        assert Client().get(f"/@{post.blog.name}/{post.slug}/comments/feed/").status_code == 404


class UnsubscribeTests:
    def test_get_asks_and_post_unsubscribes(self, post):
        comment = CommentFactory(post=post, notify_replies=True)
        url = post.blog.url("blogs:comments:unsubscribe", token=unsubscribe_token(comment.pk))
        assert Client().get(url).status_code == 200
        comment.refresh_from_db()
        assert comment.notify_replies  # a link preview must not unsubscribe
        Client(enforce_csrf_checks=True).post(url)
        comment.refresh_from_db()
        assert not comment.notify_replies

    def test_forged_token_is_a_404(self, post):
        url = post.blog.url("blogs:comments:unsubscribe", token="forged")
        assert Client().get(url).status_code == 404


class ReplyMailTests:
    def test_subscriber_gets_a_reply_with_one_click_unsubscribe(
        self, post, mailoutbox, django_capture_on_commit_callbacks
    ):
        parent = CommentFactory(post=post, notify_replies=True, email="sub@example.org")
        CommentFactory(post=post, name="Айгуль", email="a@example.org")  # known: approved
        with django_capture_on_commit_callbacks(execute=True):
            Client().post(create_url(post), form_data(parent=parent.pk, email="a@example.org"))
        replies = [m for m in mailoutbox if m.to == ["sub@example.org"]]
        assert len(replies) == 1
        assert "/comments/unsubscribe/" in replies[0].extra_headers["List-Unsubscribe"]
        assert replies[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
