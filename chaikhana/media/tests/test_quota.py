"""Quotas: a network default, a person's own allowance, counted over all her blogs."""

from __future__ import annotations

import pytest

from chaikhana.core.errors import ActionError
from chaikhana.core.testing.factories import BlogFactory
from chaikhana.media.models import MediaFile, MediaQuota
from chaikhana.media.quota import quota_bytes
from chaikhana.media.tests import helpers as h

pytestmark = pytest.mark.django_db
MB = 1024 * 1024


class QuotaTests:
    def test_default_comes_from_settings(self, user, settings):
        settings.MEDIA_QUOTA_MB = 7
        assert quota_bytes(user) == 7 * MB

    def test_own_allowance_overrides_the_default(self, user):
        MediaQuota.objects.create(user=user, bytes=1234)
        assert quota_bytes(user) == 1234

    def test_upload_that_does_not_fit_is_refused_saying_what_is_left(self, upload, user, settings):
        first = upload(h.PDF, "a.pdf")
        MediaQuota.objects.create(user=user, bytes=first.size + 10)
        with pytest.raises(ActionError, match=r"10\sbytes left of") as err:
            upload(h.MP3, "song.mp3")
        assert err.value.field == "file"
        assert MediaFile.objects.count() == 1

    def test_usage_counts_every_blog_of_the_uploader(self, upload, user):
        other = BlogFactory(owner=user)
        first, second = upload(h.PDF, "a.pdf"), upload(h.PDF, "b.pdf", to=other)
        assert MediaFile.objects.bytes_used_by(user) == first.size + second.size > 0

    def test_deleting_frees_the_space(self, upload, user):
        from chaikhana.media.actions import delete_media

        media = upload(h.PDF, "a.pdf")
        delete_media(media=media, by=user)
        assert MediaFile.objects.bytes_used_by(user) == 0
