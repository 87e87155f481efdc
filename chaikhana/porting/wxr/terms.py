"""WordPress categories (with their parents) and tags → the blog's Category and Tag rows.

A term already imported is found again through ImportedItem; one the blog already has under
the same slug is reused. WordPress nicenames may be percent-encoded Cyrillic
(``%d0%bd%d0%be…``): our slug is the transliteration, the nicename stays for old links.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import unquote

from django.db import transaction

from chaikhana.blogs.models import Blog, Category, Tag
from chaikhana.core.translit import slugify
from chaikhana.porting.models import ImportedItem
from chaikhana.porting.wxr.records import Term

Kind = ImportedItem.Kind


def nicename(raw: str) -> str:
    return unquote(raw.strip()).lower()


@dataclass
class Terms:
    blog: Blog
    categories: dict[str, Category] = field(default_factory=dict)
    tags: dict[str, Tag] = field(default_factory=dict)
    created: dict[str, int] = field(default_factory=lambda: {"category": 0, "tag": 0})

    def load_all(self, terms: list[Term]) -> None:
        """Every category and tag of the channel; then the categories' parents."""
        for term in terms:
            if term.taxonomy in ("category", "post_tag"):
                self.get(term.taxonomy, term.slug, term.name)
        for term in terms:
            if term.taxonomy == "category" and term.parent_slug:
                self._set_parent(nicename(term.slug), nicename(term.parent_slug))

    def get(self, taxonomy: str, raw_slug: str, name: str) -> Category | Tag | None:
        """The blog's term for a WordPress term, created (committed at once) when new."""
        kind = Kind.CATEGORY if taxonomy == "category" else Kind.TAG
        cache: dict[str, Category] | dict[str, Tag] = (
            self.categories if kind == Kind.CATEGORY else self.tags
        )
        wp_name = nicename(raw_slug) or nicename(name)
        if not wp_name:
            return None
        if wp_name not in cache:
            with transaction.atomic():
                cache[wp_name] = self._find_or_create(kind, wp_name, name or wp_name)  # type: ignore[assignment]
        return cache[wp_name]

    def _find_or_create(self, kind: str, wp_name: str, name: str) -> Category | Tag:
        model: type[Category] | type[Tag] = Category if kind == Kind.CATEGORY else Tag
        row = ImportedItem.objects.filter(blog=self.blog, kind=kind, key=wp_name[:200]).first()
        if row is not None and (term := model.objects.filter(pk=row.object_id).first()):
            return term
        slug = slugify(wp_name, max_length=100) or slugify(name, max_length=100) or "term"
        term = model.objects.filter(blog=self.blog, slug=slug).first()
        if term is None:
            term = model.objects.create(
                blog=self.blog, slug=slug, name=" ".join(name.split())[:100]
            )
            self.created[kind] += 1
        ImportedItem.objects.update_or_create(
            blog=self.blog,
            kind=kind,
            key=wp_name[:200],
            defaults={"wp_name": wp_name[:200], "object_id": term.pk},
        )
        return term

    def _set_parent(self, child: str, parent: str) -> None:
        node, above = self.categories.get(child), self.categories.get(parent)
        if node is None or above is None or node.pk == above.pk or node.parent_id is not None:
            return
        if any(a.pk == node.pk for a in [above, *above.ancestors()]):
            return  # a cycle in the export: leave it at the top
        node.parent = above
        node.save(update_fields=["parent"])
