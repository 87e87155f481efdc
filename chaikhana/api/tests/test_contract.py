"""The API against its own OpenAPI document, over real HTTP on loopback (no test client):

- schemathesis generates calls for every operation (with a token for the signed-in ones)
  and checks that none answers 500 and every answer matches the document;
- a client generated from the document by openapi-python-client (into a temporary
  directory, never committed), found from the blog's address alone (its page's
  rel="service-desc"), creates, edits and publishes a post, as a script would.

``API_CONTRACT_EXAMPLES`` sets schemathesis' examples per operation (5 in 5 s here; .ci/run uses
more, under a time budget of ``API_CONTRACT_SECONDS``).
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests

from chaikhana.api.tests.helpers import token_for
from chaikhana.blogs.models import Post, Revision
from chaikhana.core.testing.factories import (
    BlogFactory,
    CategoryFactory,
    CommentFactory,
    PostFactory,
    UserFactory,
)
from chaikhana.courses.tests.factories import CourseFactory, SessionFactory
from chaikhana.portal.tests.factories import SectionFactory

pytestmark = pytest.mark.django_db(transaction=True)
BIN = Path(sys.executable).parent


@pytest.fixture
def world(settings):
    settings.API_ANONYMOUS_REQUESTS_PER_MINUTE = 100_000
    settings.API_TOKEN_REQUESTS_PER_MINUTE = 100_000
    owner = UserFactory(email="owner@example.org")
    blog = BlogFactory(name="river", owner=owner)
    # Every {slug} of the document names something: a post, a course, a category.
    post = PostFactory(blog=blog, slug="hello")
    Revision.objects.create(post=post, user=owner, title="Old", body_format="markdown")
    CategoryFactory(blog=blog, slug="hello")
    SectionFactory(slug="society")
    session = SessionFactory(course=CourseFactory(is_published=True, slug="hello"))
    ids = {
        "post_id": post.pk,
        "revision_id": post.revisions.get().pk,
        "comment_id": CommentFactory(post=post, status="pending").pk,
        "session_id": session.pk,
    }
    # The operations that would take the shared rows away get rows of their own.
    own = {
        ("GET", "/api/v1/blogs/{name}/pages/{slug}"): {
            "path.slug": PostFactory(blog=blog, slug="about", kind=Post.Kind.PAGE).slug
        },
        ("DELETE", "/api/v1/manage/{name}/posts/{post_id}"): {
            "path.post_id": PostFactory(blog=blog).pk
        },
    }
    return token_for(owner), ids, own


def _config(tmp_path: Path, ids: dict[str, int], own: dict) -> Path:
    shared = {"path.name": "river", "path.slug": "hello"}
    shared |= {f"path.{key}": value for key, value in ids.items()}
    lines = ["[parameters]", *(f"{json.dumps(k)} = {json.dumps(v)}" for k, v in shared.items())]
    for (method, path), values in own.items():
        lines += ["", "[[operations]]", f'include-method = "{method}"', f'include-path = "{path}"']
        pairs = ", ".join(f"{json.dumps(k)} = {json.dumps(v)}" for k, v in values.items())
        lines.append(f"parameters = {{ {pairs} }}")
    config = tmp_path / "schemathesis.toml"
    config.write_text("\n".join(lines) + "\n")
    return config


class OpenApiContractTests:
    def test_no_operation_answers_500_or_off_the_document(self, live_server, world, tmp_path):
        token, ids, own = world
        examples = os.environ.get("API_CONTRACT_EXAMPLES", "5")
        seconds = os.environ.get("API_CONTRACT_SECONDS", "5")
        checks = ",".join(
            [
                "not_a_server_error",
                "status_code_conformance",
                "content_type_conformance",
                "response_schema_conformance",
            ]
        )
        result = subprocess.run(  # our own tool, fixed arguments
            [
                str(BIN / "schemathesis"),
                "--config-file",
                str(_config(tmp_path, ids, own)),
                "run",
                f"{live_server.url}/api/v1/openapi.json",
                "--checks",
                checks,
                "--header",
                f"Authorization: Bearer {token}",
                "--max-examples",
                examples,
                "--max-time",
                seconds,
                "--workers",
                "1",
                "--phases",
                "examples,coverage,fuzzing",
                "--generation-database",
                "none",
                "--no-color",
            ],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            check=False,
            timeout=int(seconds) + 60,
        )
        assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]


class GeneratedClientTests:
    def test_a_generated_client_creates_edits_and_publishes_a_post(
        self, live_server, world, tmp_path
    ):
        token, _ids, _own = world  # the token: made by the writer on her profile page
        # From nothing but the blog's address: its page links the document (RFC 8631).
        blog_url = f"{live_server.url}/@river/"
        document = requests.get(blog_url, timeout=10).links["service-desc"]["url"]
        parts = urlsplit(document)
        subprocess.run(  # our own tool, fixed arguments
            [
                str(BIN / "openapi-python-client"),
                "generate",
                "--url",
                document,
                "--output-path",
                str(tmp_path / "client"),
                "--meta",
                "none",
            ],
            capture_output=True,
            text=True,
            check=True,
            cwd=tmp_path,
        )
        sys.path.insert(0, str(tmp_path))
        try:
            package = importlib.import_module("client")
            models = importlib.import_module("client.models")
            create = importlib.import_module("client.api.my_posts.manage_posts_create")
            edit = importlib.import_module("client.api.my_posts.manage_posts_edit")
            publish = importlib.import_module("client.api.my_posts.manage_posts_publish")
            me = importlib.import_module("client.api.me.me_me")
            api = package.AuthenticatedClient(
                base_url=f"{parts.scheme}://{parts.netloc}", token=token
            )
            # Which of the token's blogs the address is: its name, for the other calls.
            name = next(b.name for b in me.sync(client=api).blogs if b.url == blog_url)
            made = create.sync(name=name, client=api, body=models.PostIn(title="From a script"))
            changed = edit.sync(
                name=name,
                post_id=made.id,
                client=api,
                body=models.PostPatch(version=made.version, title="Edited by a script"),
            )
            published = publish.sync(name=name, post_id=made.id, client=api)
        finally:
            sys.path.remove(str(tmp_path))
            for module in [m for m in sys.modules if m == "client" or m.startswith("client.")]:
                del sys.modules[module]
        assert changed.title == "Edited by a script"
        assert published.status == "published"
        post = Post.objects.get(pk=made.id)
        assert (post.title, post.status) == ("Edited by a script", Post.Status.PUBLISHED)
