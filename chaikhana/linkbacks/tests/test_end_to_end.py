"""A remote blog on another loopback port mentions our post, then deletes its page."""

from chaikhana.comments.spam.actions import add_blocked_domain
from chaikhana.linkbacks.models import Mention


class RemoteBlogMentionsUsTests:
    def test_mention_appears_on_post_then_goes_when_source_answers_410(
        self, client, remote, post, post_url, run_tasks
    ):
        remote.html(
            "/reply",
            '<article class="h-entry"><a class="p-author h-card" href="/">Гульнара</a>'
            f'<a class="u-in-reply-to" href="{post_url}">in reply</a>'
            '<p class="e-content">Мы тоже пили чай.</p></article>',
        )
        with run_tasks():
            assert (
                client.post(
                    "/webmention", {"source": remote.url("/reply"), "target": post_url}
                ).status_code
                == 202
            )
        page = client.get(post.get_absolute_url()).content.decode()
        assert "Гульнара" in page and "Мы тоже пили чай." in page
        assert f'href="{remote.url("/")}"' in page  # author URL resolved on the source

        remote.route("/reply", status=410)
        with run_tasks():
            client.post("/webmention", {"source": remote.url("/reply"), "target": post_url})
        assert "Гульнара" not in client.get(post.get_absolute_url()).content.decode()


class SpamMentionTests:
    def test_mention_the_spam_engine_files_as_spam_is_not_shown(
        self, client, remote, post, post_url, run_tasks
    ):
        add_blocked_domain(domain="cheap-pills.example")
        remote.html(
            "/spam",
            '<article class="h-entry"><a class="p-author h-card" href="/">Pharma Bot</a>'
            f'<a href="{post_url}">great post</a>'
            '<p class="e-content">Buy now at https://cheap-pills.example/offer</p></article>',
        )
        with run_tasks():
            client.post("/webmention", {"source": remote.url("/spam"), "target": post_url})
        assert Mention.objects.get().status == Mention.Status.REJECTED
        assert "Pharma Bot" not in client.get(post.get_absolute_url()).content.decode()

    def test_ordinary_mention_passes_the_spam_engine(
        self, client, remote, post, post_url, run_tasks
    ):
        remote.html("/ok", f'<p>Read <a href="{post_url}">this</a> about water cuts.</p>')
        with run_tasks():
            client.post("/webmention", {"source": remote.url("/ok"), "target": post_url})
        assert Mention.objects.get().status == Mention.Status.VERIFIED
