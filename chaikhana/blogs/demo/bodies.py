"""A pool of rendered bodies, reused across posts: Markdown rendering is the costly part of
loading a large network, so each distinct body is rendered once.

Body *k* of a language is made from its own seeded generator, so the pool is the same
whichever posts ask for it first.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from chaikhana.blogs.demo.text import CORPORA, make_body, make_photo_body
from chaikhana.blogs.models import Post

TEXT_BODIES_PER_LANGUAGE = 1500
PHOTO_BODIES_PER_LANGUAGE = 150


@dataclass(frozen=True, slots=True)
class Body:
    """The source of a post and everything Post.render() derives from it."""

    source: str
    html: str
    summary: str
    cover_image: str
    word_count: int

    def apply(self, post: Post) -> None:
        post.body_source, post.body_html, post.summary = self.source, self.html, self.summary
        post.cover_image, post.word_count = self.cover_image, self.word_count


def render_body(source: str) -> Body:
    """Run the source through Post.render(), the same pipeline an edited post goes through."""
    post = Post(body_source=source, body_format=Post.Format.MARKDOWN)
    post.render()
    return Body(source, post.body_html, post.summary, post.cover_image, post.word_count)


class BodyPool:
    def __init__(self, *, seed: int, image_urls: list[str], size_hint: int) -> None:
        self._seed, self._image_urls = seed, image_urls
        # A small demo gets a distinct body for (nearly) every post; a big one reuses them.
        self._text_size = max(20, min(TEXT_BODIES_PER_LANGUAGE, size_hint))
        self._photo_size = max(10, min(PHOTO_BODIES_PER_LANGUAGE, size_hint))
        self._cache: dict[tuple[str, bool, int], Body] = {}

    def __len__(self) -> int:
        return len(self._cache)

    def pick(self, rng: random.Random, language: str, *, photo: bool = False) -> Body:
        index = rng.randrange(self._photo_size if photo else self._text_size)
        key = (language, photo, index)
        if key not in self._cache:
            self._cache[key] = render_body(self._make(key))
        return self._cache[key]

    def _make(self, key: tuple[str, bool, int]) -> str:
        language, photo, index = key
        rng = random.Random(f"{self._seed}:{language}:{photo}:{index}")
        if photo:
            return make_photo_body(rng, CORPORA[language], self._image_urls)
        return make_body(rng, CORPORA[language])
