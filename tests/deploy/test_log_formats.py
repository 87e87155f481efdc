"""The access logs deploy/ and `make run` configure hold no query string and no address."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def nginx_formats() -> list[str]:
    text = (ROOT / "deploy/nginx/chaikhana.conf").read_text()
    return re.findall(r"log_format\s+\w+\s+(.+?);", text, re.S)


def gunicorn_formats() -> list[str]:
    conf = re.findall(
        r"access_log_format\s*=\s*(.+)", (ROOT / "deploy/gunicorn.conf.py").read_text()
    )
    run = re.findall(r"--access-logformat\s+'([^']+)'", (ROOT / "bin/run").read_text())
    return conf + run


class AccessLogFormatTests:
    @pytest.mark.parametrize(
        "variable",
        [
            "$request ",
            '$request"',
            "$request_uri",
            "$args",
            "$query_string",
            "$remote_addr",
            "$http_x_forwarded_for",
            "$proxy_add_x_forwarded_for",
            "$realip_remote_addr",
        ],
    )
    def test_nginx_log_has_no_query_or_address_when_deployed(self, variable):
        formats = nginx_formats()
        assert formats and all(variable not in f for f in formats)

    @pytest.mark.parametrize("atom", ["%(r)s", "%(q)s", "%(h)s", "%({x-forwarded-for}i)s"])
    def test_gunicorn_log_has_no_query_or_address_when_deployed_or_run(self, atom):
        formats = gunicorn_formats()
        assert len(formats) == 2 and all(atom not in f for f in formats)
