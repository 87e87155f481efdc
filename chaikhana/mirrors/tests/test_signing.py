"""Signatures minisign itself accepts; verify_mirror names every file that differs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from chaikhana.mirrors import signing
from chaikhana.mirrors.tests.conftest import serve_directory

MINISIGN = shutil.which("minisign")


class SigningTests:
    def test_our_signature_verifies_with_our_public_key(self):
        _secret, key = signing.generate()
        sig = signing.sign(key, b"data", trusted_comment="hello")
        assert (
            signing.verify(signing.load_public(key.public_key().to_file()), b"data", sig) == "hello"
        )

    def test_changed_data_is_refused(self):
        _secret, key = signing.generate()
        sig = signing.sign(key, b"data", trusted_comment="hello")
        with pytest.raises(signing.SigningError, match="changed"):
            signing.verify(key.public_key(), b"dato", sig)

    def test_a_truncated_signature_is_refused_clearly(self):
        _secret, key = signing.generate()
        sig = signing.sign(key, b"data", trusted_comment="hello")
        with pytest.raises(signing.SigningError, match="truncated"):
            signing.verify(key.public_key(), b"data", "\n".join(sig.splitlines()[:2]))

    def test_a_missing_or_wrong_key_is_refused_clearly(self):
        with pytest.raises(signing.SigningError, match="MIRROR_SIGNING_KEY"):
            signing.load_secret("")
        with pytest.raises(signing.SigningError, match="length"):
            signing.load_secret("YWJj")

    @pytest.mark.skipif(MINISIGN is None, reason="Debian's minisign is not installed")
    def test_minisign_verifies_a_signed_file(self, tmp_path):
        _secret, key = signing.generate()
        (tmp_path / "f").write_bytes(b"some bytes\n")
        (tmp_path / "f.minisig").write_text(signing.sign(key, b"some bytes\n", trusted_comment="t"))
        (tmp_path / "k.pub").write_text(key.public_key().to_file())
        done = subprocess.run(
            [MINISIGN, "-V", "-p", tmp_path / "k.pub", "-m", tmp_path / "f"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        (tmp_path / "f").write_bytes(b"some bytez\n")
        done = subprocess.run(
            [MINISIGN, "-V", "-p", tmp_path / "k.pub", "-m", tmp_path / "f"],
            capture_output=True,
            check=False,
        )
        assert done.returncode != 0


@pytest.mark.django_db
class VerifyMirrorTests:
    @pytest.fixture
    def mirror(self, built_mirror, tmp_path):
        """A copy of the class's one mirror (conftest.built_mirror), this test's to change."""
        return Path(shutil.copytree(built_mirror.root, tmp_path / "copy"))

    def _verify(self, where, capsys):
        call_command("verify_mirror", str(where))
        return capsys.readouterr()

    def test_a_fresh_mirror_passes(self, mirror, capsys):
        assert "OK" in self._verify(mirror, capsys).out

    def test_one_flipped_byte_is_named(self, mirror, capsys):
        page = mirror / "@open/public-post/index.html"
        data = bytearray(page.read_bytes())
        data[100] ^= 1
        page.write_bytes(bytes(data))
        with pytest.raises(CommandError):
            self._verify(mirror, capsys)
        assert "changed: @open/public-post/index.html" in capsys.readouterr().err

    def test_an_added_and_a_removed_file_are_named(self, mirror, capsys):
        (mirror / "@open/extra.html").write_text("<p>not ours</p>")
        (mirror / "@open/tag/water/index.html").unlink()
        with pytest.raises(CommandError):
            self._verify(mirror, capsys)
        err = capsys.readouterr().err
        assert "added: @open/extra.html" in err
        assert "removed: @open/tag/water/index.html" in err

    def test_a_manifest_changed_to_match_is_caught_by_the_signature(self, mirror, capsys):
        sums = mirror / "SHA256SUMS"
        sums.write_text(sums.read_text().replace("a", "b", 1))
        with pytest.raises(CommandError, match="signature"):
            self._verify(mirror, capsys)

    def test_a_copy_over_http_passes(self, mirror, capsys, settings):
        settings.SAFEHTTP_ALLOW_LOOPBACK = True
        with serve_directory(mirror) as base:
            out = self._verify(base, capsys).out
        assert "OK" in out
        assert "files added beside the signed ones are not found" in out  # the limit, said
