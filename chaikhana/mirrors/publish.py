"""Where a mirror goes: a local directory, or an S3-compatible bucket (``s3://bucket/prefix``).

A bucket's copy is built in MIRRORS_ROOT first (generations and all), then uploaded through
django-storages — the storage API media already use: changed files first, the signed
manifest after them, and only then are files that disappeared deleted. A bucket that refuses
stops the upload before the manifest: the copy there stays the previous, complete one (with
at most some new files beside it that its manifest does not name).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from storages.backends.s3 import S3Storage

from chaikhana.mirrors import conf, manifest
from chaikhana.mirrors.build import Report, build
from chaikhana.mirrors.scope import Scope

T = TypeVar("T")


class PublishError(Exception):
    """The target refused; the message names it."""


def publish(
    target: str, *, scope: Scope, live: str, full: bool = False, public: str = ""
) -> Report:
    if not target.startswith("s3://"):
        return build(Path(target), scope=scope, live=live, full=full, public=public)
    bucket, _sep, prefix = target.removeprefix("s3://").partition("/")
    storage, prefix = bucket_storage(bucket), prefix.strip("/")
    # A bucket that is missing or refuses us is said before minutes of building, not after.
    _refused_by(storage, lambda: storage.connection.meta.client.head_bucket(Bucket=bucket))
    staging = conf.staging_root() / hashlib.sha256(target.encode()).hexdigest()[:16]
    report = build(staging, scope=scope, live=live, full=full, public=public)
    upload(report.generation, storage, prefix=prefix)
    return report


def bucket_storage(bucket: str) -> S3Storage:
    return S3Storage(
        bucket_name=bucket,
        endpoint_url=settings.MIRROR_S3_ENDPOINT_URL or None,
        region_name=settings.MIRROR_S3_REGION or None,
        access_key=settings.MIRROR_S3_ACCESS_KEY or None,
        secret_key=settings.MIRROR_S3_SECRET_KEY or None,
        default_acl="public-read",
        querystring_auth=False,
        file_overwrite=True,
        object_parameters={"CacheControl": "public, max-age=300"},
    )


def upload(generation: Path, storage: S3Storage, *, prefix: str) -> int:
    """Make the bucket's copy the same as *generation*; how many files were sent."""
    local = manifest.parse((generation / conf.MANIFEST).read_bytes())

    def send() -> int:
        remote = _remote_manifest(storage, _key(prefix, conf.MANIFEST))
        sent = [rel for rel, digest in local.items() if remote.get(rel) != digest]
        for rel in [*sent, conf.PUBLIC_KEY, conf.MANIFEST, conf.SIGNATURE]:
            storage.save(_key(prefix, rel), ContentFile((generation / rel).read_bytes()))
        for rel in sorted(set(remote) - set(local)):
            storage.delete(_key(prefix, rel))
        return len(sent)

    return _refused_by(storage, send)


def _key(prefix: str, rel: str) -> str:
    return f"{prefix}/{rel}" if prefix else rel


def _refused_by(storage: S3Storage, call: Callable[[], T]) -> T:
    """*call*'s answer, or a PublishError naming the bucket that refused."""
    try:
        return call()
    except (BotoCoreError, ClientError) as exc:
        raise PublishError(
            _("The bucket %(bucket)s refused: %(error)s")
            % {"bucket": storage.bucket_name, "error": exc}
        ) from exc


def _remote_manifest(storage: S3Storage, key: str) -> dict[str, str]:
    if not storage.exists(key):
        return {}
    with storage.open(key) as handle:
        try:
            return manifest.parse(handle.read())
        except manifest.ManifestError:
            return {}  # a damaged list: send everything again
