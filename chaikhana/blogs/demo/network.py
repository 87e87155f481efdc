"""The shape of the demo network, decided in memory before anything is written: who exists,
which blogs they keep, under which pen names, with which members, and how many posts each has."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from chaikhana.blogs.demo.corpus import Corpus
from chaikhana.blogs.demo.text import CORPORA
from chaikhana.blogs.models import Blog
from chaikhana.blogs.roles import Role
from chaikhana.blogs.validators import BLOG_NAME_RE, RESERVED_BLOG_NAMES
from chaikhana.core.translit import slugify

# 11 ru, 5 ky, 4 en in every 20 blogs (55/25/20), interleaved so that even a five-blog
# network has all three languages.
LANGUAGE_CYCLE = (
    "ru", "ky", "en", "ru", "ru", "ky", "ru", "en", "ru", "ru",
    "ky", "ru", "en", "ru", "ru", "ky", "ru", "ru", "en", "ky",
)  # fmt: skip
DEMO_POSTS = 12
KAMERA_POSTS = 6
PHOTO_SHARE = 0.04
SECOND_BLOG_SHARE = 0.15
EXTRA_MEMBERS_SHARE = 0.3
MEMBER_ROLES = (Role.EDITOR, Role.AUTHOR, Role.AUTHOR, Role.CONTRIBUTOR)


@dataclass
class UserPlan:
    username: str
    display_name: str
    language: str


@dataclass
class MemberPlan:
    user: int  # index into NetworkPlan.users
    role: str
    pen_name: str


@dataclass
class BlogPlan:
    name: str
    title: str
    tagline: str
    language: str
    theme: str
    members: list[MemberPlan] = field(default_factory=list)  # the owner comes first
    posts: int = 0


@dataclass
class NetworkPlan:
    users: list[UserPlan] = field(default_factory=list)
    blogs: list[BlogPlan] = field(default_factory=list)


class _Planner:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.plan = NetworkPlan()
        self.usernames: set[str] = set()
        self.blog_names: set[str] = {"demo", "kamera"}
        self.single_owners: list[int] = []

    def new_user(self, display_name: str, language: str, username: str = "") -> int:
        if not username:
            base = slugify(display_name.split()[0], max_length=20) or "writer"
            username = base
            while username in self.usernames:
                username = f"{base}{self.rng.randint(1, 999)}"
        self.usernames.add(username)
        self.plan.users.append(UserPlan(username, display_name, language))
        return len(self.plan.users) - 1

    def pen_name(self, corpus: Corpus) -> str:
        if self.rng.random() < 0.45:
            return self.rng.choice(corpus.pen_names)
        family = self.rng.choice(corpus.family_names)
        return f"{self.rng.choice(corpus.given_names)} {family[0]}."

    def blog_name(self, *sources: str) -> str:
        base = slugify(self.rng.choice(sources), max_length=30)
        if not BLOG_NAME_RE.match(base) or base in RESERVED_BLOG_NAMES or len(base) < 2:
            base = "blog"
        name, n = base, 2
        while name in self.blog_names:
            name, n = f"{base}-{n}", n + 1
        self.blog_names.add(name)
        return name

    def owner(self, corpus: Corpus, index: int) -> MemberPlan:
        """A new writer, or now and then one who already keeps a blog, under another name."""
        pen_name = self.pen_name(corpus)
        if index > 2 and self.single_owners and self.rng.random() < SECOND_BLOG_SHARE:
            user = self.single_owners.pop(self.rng.randrange(len(self.single_owners)))
            return MemberPlan(user, Role.OWNER, pen_name)
        user = self.new_user(pen_name, corpus.language)
        self.single_owners.append(user)
        return MemberPlan(user, Role.OWNER, pen_name)

    def extra_members(self, blog: BlogPlan, corpus: Corpus, count: int) -> None:
        taken = {m.user for m in blog.members}
        for _ in range(count):
            pen_name = self.pen_name(corpus)
            user = self.rng.randrange(1, len(self.plan.users))
            if user in taken or self.rng.random() < 0.5:
                user = self.new_user(pen_name, corpus.language)
            taken.add(user)
            blog.members.append(MemberPlan(user, self.rng.choice(MEMBER_ROLES), pen_name))

    def blog(self, index: int) -> BlogPlan:
        corpus = CORPORA[LANGUAGE_CYCLE[index % len(LANGUAGE_CYCLE)]]
        photo = index == 1 or self.rng.random() < PHOTO_SHARE
        owner = self.owner(corpus, index)
        place = self.rng.choice(corpus.title_places)
        if photo:
            title = corpus.photo_blog_title.format(place=place)
        elif self.rng.random() < 0.25:
            title = owner.pen_name
        else:
            title = self.rng.choice(corpus.blog_titles).format(place=place)
        blog = BlogPlan(
            name="kamera" if index == 1 else self.blog_name(owner.pen_name, title),
            title=title,
            tagline=self.rng.choice(corpus.taglines),
            language=corpus.language,
            theme=Blog.Theme.PHOTO if photo else Blog.Theme.TEXT,
            members=[owner],
        )
        if self.rng.random() < EXTRA_MEMBERS_SHARE:
            self.extra_members(blog, corpus, self.rng.randint(1, 3))
        return blog


def _demo_blog(planner: _Planner) -> BlogPlan:
    demo = planner.new_user("Demo", "ru", username="demo")
    return BlogPlan(
        name="demo",
        title="Чайхана: демо-блог",
        tagline="Черновики, расписание, рубрики и метки: попробуйте всё",
        language="ru",
        theme=Blog.Theme.TEXT,
        members=[MemberPlan(demo, Role.OWNER, "Demo")],
    )


def _share_posts(rng: random.Random, blogs: list[BlogPlan], posts: int) -> None:
    """A few busy blogs and many quiet ones, as in any real network (a capped Pareto)."""
    blogs[0].posts = min(posts, DEMO_POSTS)
    rest, others = posts - blogs[0].posts, blogs[1:]
    if not others:
        blogs[0].posts = posts
        return
    # The photo blog is part of the tour, so it never comes out empty.
    photo_floor = min(rest, KAMERA_POSTS)
    rest -= photo_floor
    weights = [min(50.0, rng.paretovariate(1.3)) for _ in others]
    total = sum(weights)
    for blog, weight in zip(others, weights, strict=True):
        blog.posts = int(rest * weight / total)
    for blog in rng.choices(others, weights=weights, k=rest - sum(b.posts for b in others)):
        blog.posts += 1
    others[0].posts += photo_floor


def plan_network(rng: random.Random, *, blogs: int, posts: int) -> NetworkPlan:
    """Users, blogs, members and post counts for a network of *blogs* blogs and *posts* posts."""
    planner = _Planner(rng)
    planner.plan.blogs.append(_demo_blog(planner))
    for index in range(1, blogs):
        planner.plan.blogs.append(planner.blog(index))
    demo_corpus = CORPORA["ru"]
    while len(planner.plan.users) < 3:
        planner.new_user(planner.pen_name(demo_corpus), "ru")
    # The demo owner sees what an editor and a contributor do on her blog.
    planner.plan.blogs[0].members += [
        MemberPlan(1, Role.EDITOR, planner.plan.users[1].display_name),
        MemberPlan(2, Role.CONTRIBUTOR, planner.plan.users[2].display_name),
    ]
    _share_posts(rng, planner.plan.blogs, posts)
    return planner.plan
