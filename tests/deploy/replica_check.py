"""The replica router on real PostgreSQL: run by tests/deploy/smoke.sh.

The "replica" is a second database copied from the primary (CREATE DATABASE … TEMPLATE):
a replica that stopped replicating at that moment, so anything written afterwards is on the
primary only — which makes every routing decision visible.
"""

import os
import sys

import django

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chaikhana.settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402

from chaikhana.core.db_router import PIN_COOKIE  # noqa: E402


def check(condition: object, message: str) -> None:
    if not condition:
        print(f"FAIL {message}", file=sys.stderr)
        sys.exit(1)
    print(f"  ok  {message}")


User = get_user_model()
User.objects.create_user("replicacheck", password="a long enough password 42")  # noqa: S106
check(User.objects.using("default").filter(username="replicacheck").exists(), "row on primary")
check(
    not User.objects.using("replica").filter(username="replicacheck").exists(),
    "the same row is not on the replica alias",
)

writer = Client()
login = writer.post(
    "/accounts/login/", {"username": "replicacheck", "password": "a long enough password 42"}
)
check(
    login.status_code == 302 and PIN_COOKIE in login.cookies,
    f"login POST ({login.status_code}) pins the writer",
)
# Her session exists only on the primary: she is recognised because her reads go there.
check(writer.get("/dashboard/").status_code == 200, "the writer's next GET reads the primary")
writer.cookies.pop(PIN_COOKIE)
check(
    writer.get("/dashboard/").status_code == 302,
    "without the pin the same GET reads the replica (no session there: sent to log in)",
)
