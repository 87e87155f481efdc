"""One refresh of one mirror: build, publish, record the outcome (never raise to a worker)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.utils import translation

from chaikhana.mirrors import publish
from chaikhana.mirrors.actions.runs import record_mirror_run
from chaikhana.mirrors.build import MirrorError
from chaikhana.mirrors.models import Mirror
from chaikhana.mirrors.render import RenderError
from chaikhana.mirrors.scope import Scope
from chaikhana.mirrors.signing import SigningError

logger = logging.getLogger(__name__)
FAILURES = (MirrorError, RenderError, SigningError, publish.PublishError, OSError)


def refresh(mirror: Mirror, *, live: str) -> bool:
    """True when *mirror*'s copy is now current; its row says what happened either way."""
    with translation.override(settings.LANGUAGE_CODE):
        try:
            report = publish.publish(
                mirror.target, scope=Scope.build(), live=live, public=mirror.url
            )
        except FAILURES as exc:
            logger.warning("mirror %s not refreshed: %s", mirror.pk, exc)
            record_mirror_run(mirror_id=mirror.pk, error=str(exc))
            return False
    record_mirror_run(mirror_id=mirror.pk, files=report.files)
    return True
