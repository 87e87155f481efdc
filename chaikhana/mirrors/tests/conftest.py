"""A small network with something of every kind a mirror must leave out."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.db import transaction
from django.test import override_settings

from chaikhana.blogs.models import Blog, Post
from chaikhana.core.testing.factories import BlogFactory, PostFactory, TagFactory, UserFactory
from chaikhana.mirrors import build, signing
from chaikhana.mirrors.scope import Scope

LIVE = "http://127.0.0.1:8000"


@dataclass
class Network:
    blog: Blog
    post: Post
    usernames: list[str]
    hidden: list[str]  # words only unpublic content holds


@pytest.fixture
def signing_key(settings):
    secret, key = signing.generate()
    settings.MIRROR_SIGNING_KEY = secret
    return key


@pytest.fixture
def network(db, signing_key) -> Network:
    return make_network()


def make_network() -> Network:
    owner = UserFactory(username="realname-owner")
    blog = BlogFactory(name="open", title="Open blog", owner=owner)
    tag = TagFactory(blog=blog, name="water", slug="water")
    post = PostFactory(blog=blog, title="A public post", slug="public-post", body_html="<p>hi</p>")
    post.tags.add(tag)
    PostFactory(blog=blog, title="Second", slug="second")
    PostFactory(blog=blog, title="Secretdraft", slug="secret-draft", status=Post.Status.DRAFT)
    PostFactory(blog=blog, title="Secretprivate", slug="secret-private", status=Post.Status.PRIVATE)
    unlisted = BlogFactory(
        name="hushed",
        visibility=Blog.Visibility.UNLISTED,
        owner=UserFactory(username="realname-two"),
    )
    PostFactory(blog=unlisted, title="Secretunlisted", slug="unlisted-post")
    suspended = BlogFactory(
        name="stopped", is_active=False, owner=UserFactory(username="realname-three")
    )
    PostFactory(blog=suspended, title="Secretsuspended", slug="suspended-post")
    return Network(
        blog=blog,
        post=post,
        usernames=["realname-owner", "realname-two", "realname-three"],
        hidden=[
            "Secretdraft",
            "Secretprivate",
            "Secretunlisted",
            "Secretsuspended",
            "hushed",
            "stopped",
        ],
    )


@dataclass
class Built:
    network: Network
    key: signing.SecretKey
    root: Path  # the complete generation of a full mirror of the network


@pytest.fixture(scope="class")
def built_mirror(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[Built]:
    """One network and one full mirror of it, shared by a class of tests that only read it
    (a test that changes files changes a copy): built once, rolled back after the class."""
    secret, key = signing.generate()
    folder = tmp_path_factory.mktemp("shared") / "mirror"
    with (
        django_db_blocker.unblock(),
        override_settings(MIRROR_SIGNING_KEY=secret),
        transaction.atomic(),
    ):
        network = make_network()
        build.build(folder, scope=Scope.build(), live=LIVE)
        yield Built(network=network, key=key, root=(folder / "current").resolve())
        transaction.set_rollback(True)


@pytest.fixture
def make_mirror(tmp_path):
    def run(**kwargs) -> build.Report:
        scope = Scope.build(blog=kwargs.pop("blog", None), portal=kwargs.pop("portal", False))
        return build.build(tmp_path / "mirror", scope=scope, live=LIVE, **kwargs)

    return run


def current(tmp_path: Path) -> Path:
    return tmp_path / "mirror" / "current"


@contextmanager
def serve_directory(root: Path) -> Iterator[str]:
    """A plain static HTTP server on loopback, as a mirror host would be."""
    handler = partial(SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
