"""The posts list's filters (a GET form: a value it does not know is ignored) and bulk actions."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from chaikhana.blogs.models import Blog, Category, Membership, Post

SEARCH_MAX = 200
BULK_MAX = 100


class PenNameChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Membership) -> str:
        return obj.pen_name  # never a username


class PostFilterForm(forms.Form):
    q = forms.CharField(label=_("Search titles"), required=False, max_length=SEARCH_MAX)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *Post.Status.choices]
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("Posts and pages")), ("post", _("Posts")), ("page", _("Pages"))],
    )
    category = forms.ModelChoiceField(
        label=_("Category"), required=False, queryset=Category.objects.none(), empty_label=_("All")
    )
    author = PenNameChoiceField(
        label=_("Author"), required=False, queryset=Membership.objects.none(), empty_label=_("All")
    )

    def __init__(self, data: Any, *, blog: Blog, sees_everyone: bool) -> None:
        super().__init__(data)
        category = self.fields["category"]
        assert isinstance(category, forms.ModelChoiceField)
        category.queryset = Category.objects.for_blog(blog).order_by("name")
        author = self.fields["author"]
        assert isinstance(author, forms.ModelChoiceField)
        if sees_everyone:
            author.queryset = blog.memberships.order_by("pen_name")
        else:
            del self.fields["author"]

    def filters(self) -> dict[str, Any]:
        """The valid filters, by name; a field with a bad value is left out, not an error."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class BulkPostsForm(forms.Form):
    ACTIONS = [
        ("publish", _("Publish")),
        ("draft", _("Move to draft")),
        ("delete", _("Delete")),
    ]
    action = forms.ChoiceField(label=_("With the selected posts"), choices=ACTIONS)
    post = forms.TypedMultipleChoiceField(coerce=int, choices=[], required=True)

    def __init__(self, data: Any) -> None:
        super().__init__(data)
        # Any id is accepted here; the view reads only the posts she may see among them.
        ids = data.getlist("post") if hasattr(data, "getlist") else data.get("post", [])
        post = self.fields["post"]
        assert isinstance(post, forms.TypedMultipleChoiceField)
        post.choices = [(i, i) for i in ids[:BULK_MAX]]
        post.error_messages["required"] = _("Select at least one post first.")
