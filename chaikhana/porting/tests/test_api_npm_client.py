"""The npm "wordpress" client (tests/xmlrpc_clients, installed by `npm ci` there) against a
live server: it discovers the endpoint from the blog's address through RSD, then writes,
edits and reads a post, at the blog's endpoint and at the network's with blog id 0."""

import json
import subprocess  # nosec B404 - runs node on our own script
from pathlib import Path

import pytest

from chaikhana.accounts.app_passwords import create_app_password
from chaikhana.blogs.models import Post

CLIENTS = Path(__file__).resolve().parents[3] / "tests" / "xmlrpc_clients"

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not (CLIENTS / "node_modules" / "wordpress").is_dir(),
        reason="npm client not installed: cd tests/xmlrpc_clients && npm ci",
    ),
]


@pytest.mark.parametrize("mode", ["blog", "network"])
def test_the_npm_wordpress_client_publishes_after_discovering_the_endpoint(
    live_server, blog, user, mode
):
    _, password = create_app_password(user=user, name="node")
    blog_url = f"{live_server.url}{blog.get_absolute_url()}"
    run = subprocess.run(  # nosec B603 B607 - fixed arguments, our own script
        ["node", "session.js", blog_url, user.username, password, mode],
        cwd=CLIENTS,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout)
    assert seen["discovered"] == f"{live_server.url}/@{blog.name}/xmlrpc.php"
    post = Post.objects.get(pk=int(seen["id"]))
    assert (post.blog, post.title, post.status) == (
        blog,
        "Из редактора, исправлено",
        Post.Status.PUBLISHED,
    )
    assert seen["title"] == post.title and seen["status"] == "publish"
    # The client sends "Host: localhost" without the port, so links are built on that host.
    assert seen["link"].endswith(post.get_absolute_url())
    assert seen["listed"] == [str(post.pk)] and seen["fault"] == 404
