"""Forms of the portal: submitting and picking a post, the thread, moving a submission,
editing, withdrawing and linking stories."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chaikhana.blogs.models import Post
from chaikhana.portal.models import Callout, Section, StoryTranslation
from chaikhana.portal.models.stories import CorrectionKind


class SubmitForm(forms.Form):
    post = forms.ModelChoiceField(queryset=Post.objects.none(), label=_("Your post"))
    section = forms.ModelChoiceField(queryset=Section.objects.all(), label=_("Section"))
    note = forms.CharField(
        label=_("Note to the editors"), required=False, max_length=5000, widget=forms.Textarea
    )
    source_url = forms.URLField(
        label=_("Source address"), required=False, max_length=1000, assume_scheme="https"
    )
    source_description = forms.CharField(
        label=_("Source description"), required=False, max_length=2000
    )
    source_private = forms.BooleanField(label=_("Private: editors only"), required=False)
    # ?callout=<slug> on the link from a call's page (portal/views/callouts.py) chooses it.
    callout = forms.ModelChoiceField(
        queryset=Callout.objects.none(),  # open calls, chosen when the form is made: below
        to_field_name="slug",
        required=False,
        label=_("Answering the call"),
    )

    def __init__(self, *args: object, posts: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["post"].queryset = posts  # type: ignore[attr-defined]
        # "Open" depends on the clock: a queryset made at import would keep accepting calls
        # whose deadline has passed since the process started.
        self.fields["callout"].queryset = Callout.objects.open()  # type: ignore[attr-defined]


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Message"), max_length=10000, widget=forms.Textarea)
    internal = forms.BooleanField(label=_("Internal: editors only"), required=False)


class TransitionForm(forms.Form):
    to = forms.CharField(widget=forms.HiddenInput)
    state = forms.CharField(widget=forms.HiddenInput)  # the state the person saw
    note = forms.CharField(label=_("Note"), required=False, max_length=5000)
    publish_at = forms.DateTimeField(label=_("Publish at"), required=False)


class StoryForm(forms.Form):
    title = forms.CharField(label=_("Headline"), max_length=200)
    excerpt = forms.CharField(
        label=_("Summary"), required=False, max_length=1000, widget=forms.Textarea
    )
    body_source = forms.CharField(label=_("Text"), required=False, widget=forms.Textarea)
    base_version = forms.IntegerField(widget=forms.HiddenInput)
    correction_kind = forms.ChoiceField(
        label=_("Kind of change (published stories)"),
        required=False,
        choices=[("", "—"), *CorrectionKind.choices],
    )
    correction_note = forms.CharField(
        label=_("Note for readers (published stories)"), required=False, widget=forms.Textarea
    )


class PickForm(forms.Form):
    """An editor's pick: the post's address as she found it on the network."""

    address = forms.CharField(
        label=_("Address of the post"),
        max_length=1000,
        help_text=_("Copy it from the address bar of the post's page."),
    )
    section = forms.ModelChoiceField(queryset=Section.objects.none(), label=_("Section"))
    note = forms.CharField(
        label=_("Note to the author"), required=False, max_length=5000, widget=forms.Textarea
    )

    def __init__(self, *args: object, sections: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["section"].queryset = sections  # type: ignore[attr-defined]


class WithdrawForm(forms.Form):
    note = forms.CharField(
        label=_("Why it was withdrawn (readers will see this)"),
        max_length=2000,
        widget=forms.Textarea,
    )


class TranslationForm(forms.Form):
    translation = forms.CharField(
        label=_("Address of the story in another language"),
        max_length=1000,
        help_text=_("The portal story's page, for example /portal/stories/its-name/."),
    )
    status = forms.ChoiceField(
        label=_("Status of this version"),
        choices=StoryTranslation.Status.choices,
        initial=StoryTranslation.Status.PUBLISHED,
    )
