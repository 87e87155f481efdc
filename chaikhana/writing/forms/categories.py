"""Adding, renaming and moving a blog's categories."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from chaikhana.blogs.models import Category


class CategoryForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    parent = forms.ModelChoiceField(
        label=_("Inside"),
        queryset=Category.objects.none(),
        required=False,
        empty_label=_("(top level)"),
    )

    def __init__(self, *args: object, categories: QuerySet[Category], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["parent"].queryset = categories  # type: ignore[attr-defined]
