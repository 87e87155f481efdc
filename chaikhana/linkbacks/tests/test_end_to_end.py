"""A remote blog on another loopback port mentions our post, then deletes its page."""


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
