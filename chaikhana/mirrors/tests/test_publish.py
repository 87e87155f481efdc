"""A mirror in an S3-compatible bucket (moto's S3 server on loopback), as a censor sees it:
a big cloud host it cannot block without blocking much else."""

from __future__ import annotations

import socket

import boto3
import pytest
from django.core.management import CommandError, call_command

from chaikhana.core.testing.factories import PostFactory
from chaikhana.mirrors import manifest, publish, signing
from chaikhana.mirrors.scope import Scope
from chaikhana.mirrors.tests.conftest import LIVE

pytestmark = pytest.mark.django_db
BUCKET = "network-mirror"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def bucket(settings, s3_endpoint, tmp_path):
    settings.MIRROR_S3_ENDPOINT_URL = s3_endpoint
    settings.MIRROR_S3_REGION = "us-east-1"
    settings.MIRROR_S3_ACCESS_KEY = settings.MIRROR_S3_SECRET_KEY = "test"
    settings.MIRRORS_ROOT = tmp_path / "staging"
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id="test",
        aws_secret_access_key="test",
    )
    client.create_bucket(Bucket=BUCKET)
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def _objects(client) -> dict[str, bytes]:
    keys = [i["Key"] for i in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])]
    return {key: client.get_object(Bucket=BUCKET, Key=key)["Body"].read() for key in keys}


class BucketTests:
    def test_the_bucket_holds_the_signed_mirror_when_published(self, network, bucket, signing_key):
        publish.publish(f"s3://{BUCKET}/site", scope=Scope.build(), live=LIVE)
        objects = _objects(bucket)
        listed = manifest.parse(objects["site/SHA256SUMS"])
        assert "site/@open/public-post/index.html" in objects
        assert {f"site/{name}" for name in listed} <= set(objects)
        signing.verify(
            signing_key.public_key(),
            objects["site/SHA256SUMS"],
            objects["site/SHA256SUMS.minisig"].decode(),
        )
        head = bucket.head_object(Bucket=BUCKET, Key="site/@open/index.html")
        assert head["ContentType"].startswith("text/html")

    def test_only_changes_are_sent_and_gone_pages_deleted_when_run_again(
        self, network, bucket, signing_key
    ):
        scope_target = f"s3://{BUCKET}/site"
        publish.publish(scope_target, scope=Scope.build(), live=LIVE)
        PostFactory(blog=network.blog, title="Fresh", slug="fresh")
        network.post.delete()
        report = publish.publish(scope_target, scope=Scope.build(), live=LIVE)
        objects = _objects(bucket)
        assert "site/@open/fresh/index.html" in objects
        assert "site/@open/public-post/index.html" not in objects
        assert report.written <= 14  # the post, its lists and their three feed formats

    def test_a_bucket_that_refuses_is_a_clear_error(self, network, bucket, signing_key):
        with pytest.raises(CommandError, match="no-such-bucket"):
            call_command("mirror", "s3://no-such-bucket/site")
