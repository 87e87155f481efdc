"""The promise to pseudonymous writers, checked the way a stranger would break it: by reading.

Two writers with two blogs each post and comment; one's post goes through the real desk to
a published, featured story under a pseudonym. Then an anonymous reader follows every link
from the front page (and the feeds, sitemaps, robots.txt, search, the directory) and no
page may show a username, join a writer's two blogs, or join the story to its original.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections import deque
from urllib.parse import unquote, urldefrag, urlsplit

import pytest
from django.test import Client

from chaikhana.accounts.actions import sign_up
from chaikhana.accounts.models import User
from chaikhana.blogs.actions import (
    PostContent,
    add_member,
    create_blog,
    create_post,
    publish_post,
)
from chaikhana.blogs.models import Blog, Post
from chaikhana.blogs.roles import Role
from chaikhana.comments.actions import approve_comment
from chaikhana.comments.actions.posting import CommentInput, post_comment
from chaikhana.comments.models import Comment
from chaikhana.portal.actions.curation import lead_story
from chaikhana.portal.actions.factcheck import tick_checklist
from chaikhana.portal.actions.stories import StoryEdit, edit_story
from chaikhana.portal.actions.submissions import set_byline, submit_post
from chaikhana.portal.actions.workflow import transition
from chaikhana.portal.models import Checklist, PortalRole, Submission
from chaikhana.portal.tests.factories import SectionFactory
from chaikhana.portal.workflow import State

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple 42"
PSEUDONYM = "Ветер из Оша"
MAX_PAGES = 600
# Where a stranger has nothing to read (forms, the reader's own pages) or leaves the site.
SKIPPED = ("/accounts/", "/dashboard/", "/i18n/", "/static/", "/reader/", "/network/")
LINKS = re.compile(r"""(?:href|src)=["']([^"']+)["']|<(?:loc|link|id)>([^<]+)</""")


def _writer(username: str, blogs: list[tuple[str, str]]) -> tuple[User, list[Blog]]:
    user = sign_up(username=username, password=PASSWORD)
    made = [
        create_blog(owner=user, name=name, title=f"Title of {name}", pen_name=pen, language="ru")
        for name, pen in blogs
    ]
    return user, made


def _post(blog: Blog, by: User, title: str, body: str) -> Post:
    post = create_post(blog=blog, by=by, content=PostContent(title=title, body_source=body))
    return publish_post(post=post, by=by)


def _through_the_desk(post: Post, writer: User, chief: User) -> Submission:
    section = SectionFactory(slug="society", community_stream=True)
    submission = submit_post(post=post, by=writer, section=section, sources=[])
    submission = transition(submission=submission, to=State.IN_REVIEW, by=chief)
    submission = set_byline(submission=submission, by=chief, pseudonym=PSEUDONYM)
    story = submission.story
    assert story is not None
    # What the byline page asks of the editors: their own headline and words.
    edit = StoryEdit(
        title="Родники Оша пересыхают",
        excerpt="",
        body_source="Жители трёх махалля остались без воды.",
        base_version=story.version,
    )
    edit_story(submission=submission, by=chief, edit=edit)
    submission = transition(submission=submission, to=State.FACT_CHECK, by=chief)
    for item in Checklist.ITEMS:
        tick_checklist(submission=submission, by=chief, item=item, done=True)
    submission = transition(submission=submission, to=State.READY, by=chief)
    submission = transition(submission=submission, to=State.PUBLISHED, by=chief)
    submission.refresh_from_db()
    assert submission.story is not None
    lead_story(story=submission.story, by=chief)
    return submission


def _links(body: str) -> list[str]:
    found = []
    for href, text in LINKS.findall(body):
        url = urldefrag((href or text).strip().replace("&amp;", "&"))[0]
        parts = urlsplit(url)
        if parts.scheme and parts.hostname != "testserver":
            continue
        if parts.scheme not in ("", "http", "https") or not parts.path.startswith("/"):
            continue
        if parts.path.startswith(SKIPPED):
            continue
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def _crawl(client: Client, seeds: list[str]) -> dict[str, str]:
    """Every page a stranger reaches from *seeds*: path → body (text pages only)."""
    pages: dict[str, str] = {}
    todo, seen = deque(seeds), set(seeds)
    while todo and len(pages) < MAX_PAGES:
        path = todo.popleft()
        response = client.get(path, follow=True)
        kind = response.get("Content-Type", "")
        if response.status_code != 200 or not kind.startswith(("text/", "application/")):
            continue
        raw = b"".join(response.streaming_content) if response.streaming else response.content
        if kind.startswith("application/epub+zip"):  # an e-book: every file in it is checked
            with zipfile.ZipFile(io.BytesIO(raw)) as book:
                pages[path] = "\n".join(
                    book.read(name).decode(errors="replace") for name in book.namelist()
                )
            continue
        body = unquote(raw.decode(errors="replace"))
        pages[path] = body
        for link in _links(body):
            if link not in seen:
                seen.add(link)
                todo.append(link)
    return pages


@pytest.fixture
def network():
    """Two pseudonymous writers, their posts and comments, and one story under a pseudonym."""
    aigul, (springs, poems) = _writer(
        "aigullogin7731", [("springs", "Айгуль Родник"), ("nightverse", "Ночная Муза")]
    )
    bakyt, (market, chess) = _writer(
        "bakytlogin5150", [("bazaarnotes", "Базарный Дед"), ("chessdiary", "Слон на f5")]
    )
    original = _post(springs, aigul, "Вода ушла из нашего двора", "Третий день без воды.")
    verse = _post(poems, aigul, "Ночные стихи", "Луна над Сулайман-Тоо.")
    prices = _post(market, bakyt, "Цены на рынке", "Помидоры подорожали.")
    _post(chess, bakyt, "Сицилианская защита", "Партия из клуба.")
    post_comment(post=prices, by=aigul, data=CommentInput(body="У нас тоже дорого."))
    post_comment(post=verse, by=aigul, data=CommentInput(body="Спасибо, что читаете."))
    post_comment(post=original, by=bakyt, data=CommentInput(body="Держитесь!"))
    chief = sign_up(username="chieflogin9090", password=PASSWORD)
    PortalRole.objects.create(user=chief, role=PortalRole.Role.EDITOR_IN_CHIEF)
    submission = _through_the_desk(original, aigul, chief)
    assert submission.story is not None
    # Her account-wide name is one of her pen names: the easy mistake the desk must absorb.
    aigul.display_name = "Айгуль Родник"
    aigul.save()
    for by, body in ((chief, "Спасибо за письма."), (bakyt, "Важная тема."), (aigul, "Спасибо!")):
        comment = post_comment(post=submission.story, by=by, data=CommentInput(body=body))
        if comment.status == Comment.Status.PENDING:
            approve_comment(comment=comment, by=chief)
    # She comments on the chess diary as a reader (her account-wide name), then writes for it
    # under a third pen name: her old comment must not show the name of her springs blog.
    chess_post = Post.objects.get(blog=chess)
    comment = post_comment(post=chess_post, by=aigul, data=CommentInput(body="Красивая партия."))
    if comment.status == Comment.Status.PENDING:
        approve_comment(comment=comment, by=bakyt)
    add_member(blog=chess, by=bakyt, user=aigul, role=Role.AUTHOR, pen_name="Тихая Ладья")
    return {
        "usernames": ["aigullogin7731", "bakytlogin5150", "chieflogin9090"],
        "people": [(springs, poems), (market, chess), (springs, chess), (poems, chess)],
        "submission": submission,
    }


def _seeds(network: dict) -> list[str]:
    story = network["submission"].story
    seeds = ["/", "/blogs/", "/robots.txt", "/sitemap.xml", "/feed/", "/portal/feed/"]
    seeds += [f"/search/?q={word}" for word in ("Родники", "воды", "махалля", PSEUDONYM)]
    seeds += [f"/portal/stories/{story.slug}/", f"/@portal/{story.slug}/"]
    # Guessing the story's address from the original's must lead nowhere.
    original = network["submission"].original
    seeds += [f"/portal/stories/{original.slug}/", f"/@portal/{original.slug}/"]
    for blogs in network["people"]:
        for blog in blogs:
            seeds += [f"/@{blog.name}/", f"/@{blog.name}/feed/", f"/@{blog.name}/feed/atom/"]
            seeds += [f"/@{blog.name}/search/?q=Родники", f"/@{blog.name}/search/?q=воды"]
            seeds += [f"/@{blog.name}/comments/feed/", f"/@{blog.name}/sitemap.xml"]
    return seeds


def _marks(blog: Blog) -> list[str]:
    """What names a blog on a page: its address, its title, its owner's pen name."""
    pen = blog.memberships.get(role="owner").pen_name
    return [f"/@{blog.name}/", f"@{blog.name}", blog.title, pen]


def _units(path: str, body: str, story: Post, original: Post) -> list[str]:
    """Where the story and its original must never meet: the whole page when it is the
    story's or the original blog's, else each item of a list (a feed entry, an article, a
    list row: a directory or a feed shows both, each on its own)."""
    own = (f"/portal/stories/{story.slug}", f"/@portal/{story.slug}", f"/@{original.blog.name}/")
    if path.startswith(own):
        return [body]
    if path.split("?")[0].endswith("/feed/json/"):  # JSON Feed: each item on its own
        return [json.dumps(item, ensure_ascii=False) for item in json.loads(body)["items"]]
    return re.split(r"<item>|<entry>|<article|<li", body)


def _joined(path: str, body: str, story: Post, original: Post) -> list[str]:
    story_marks = [f"/portal/stories/{story.slug}", f"/@portal/{story.slug}", PSEUDONYM]
    origin_marks = [original.get_absolute_url(), *_marks(original.blog)]
    return [
        f"{path}: the story next to {mark}"
        for unit in _units(path, body, story, original)
        if any(mark in unit for mark in story_marks)
        for mark in origin_marks
        if mark in unit
    ]


class PrivacyCrawlTests:
    def test_no_public_page_names_a_writer_or_joins_her_identities(self, network):
        pages = _crawl(Client(), _seeds(network))
        submission = network["submission"]
        story, original = submission.story, submission.original
        assert len(pages) > 40 and f"/portal/stories/{story.slug}/" in pages  # it got around
        assert story.slug.startswith("rodniki-osha-peresykhayut-")
        assert f"/portal/stories/{original.slug}/" not in pages
        assert f"/@portal/{original.slug}/" not in pages
        assert "Спасибо!" in pages[f"/@portal/{story.slug}/"]  # her comment is shown
        assert any(path.startswith("/@springs/") for path in pages)
        assert story.slug != original.slug
        problems = []
        for path, body in pages.items():
            problems += [f"{path}: username {u}" for u in network["usernames"] if u in body]
            for one, other in network["people"]:
                for blog, sibling in ((one, other), (other, one)):
                    if path.startswith(f"/@{blog.name}/"):
                        problems += [
                            f"{path}: names her other blog ({mark})"
                            for mark in _marks(sibling)
                            if mark in body
                        ]
            problems += _joined(path, body, story, original)
        assert problems == [], "\n".join(problems)
