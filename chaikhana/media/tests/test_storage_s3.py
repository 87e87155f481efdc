"""The same uploads on S3-compatible storage, against moto's S3 server on loopback."""

from __future__ import annotations

import io
import socket

import boto3
import pytest
from PIL import Image

from chaikhana.media.actions import delete_media
from chaikhana.media.render import media_for_urls
from chaikhana.media.tests import helpers as h

pytestmark = pytest.mark.django_db
BUCKET = "chaikhana-media"
KEYS = {"aws_access_key_id": "test", "aws_secret_access_key": "test"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3(settings, s3_endpoint):
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1", **KEYS)
    client.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_endpoint,
                "region_name": "us-east-1",
                "access_key": "test",
                "secret_key": "test",
                "default_acl": "public-read",
                "querystring_auth": False,
                "file_overwrite": False,
                "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
            },
        },
    }
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def keys(client) -> set[str]:
    return {item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


class S3StorageTests:
    def test_upload_stores_a_clean_original_and_its_renditions_in_the_bucket(self, s3, upload):
        media = upload((h.CORPUS / "DSCN0010.jpg").read_bytes(), "DSCN0010.jpg")
        expected = {media.file.name, *(r.file.name for r in media.renditions.all())}
        assert len(expected) > 1 and keys(s3) == expected
        body = s3.get_object(Bucket=BUCKET, Key=media.file.name)
        data = body["Body"].read()
        assert b"NIKON" not in data and not Image.open(io.BytesIO(data)).getexif()
        assert body["CacheControl"] == "public, max-age=31536000, immutable"
        assert body["ContentType"] == "image/jpeg"

    def test_files_are_public_and_found_by_their_url(self, s3, upload, s3_endpoint):
        media = upload(h.image_bytes("JPEG", (700, 500)))
        assert media.url == f"{s3_endpoint}/{BUCKET}/{media.file.name}"
        grants = s3.get_object_acl(Bucket=BUCKET, Key=media.file.name)["Grants"]
        assert any(g["Grantee"].get("URI", "").endswith("AllUsers") for g in grants)
        rendition = media.renditions.first()
        assert media_for_urls([media.url, rendition.file.url]) == {
            media.url: media,
            rendition.file.url: media,
        }

    def test_delete_removes_every_object(
        self, s3, upload, user, django_capture_on_commit_callbacks
    ):
        media = upload(h.image_bytes("JPEG", (700, 500)))
        assert keys(s3)
        with django_capture_on_commit_callbacks(execute=True):
            delete_media(media=media, by=user)
        assert keys(s3) == set()
