"""Settings for the processes a drill starts: the product's own, plus what a drill needs.

- outbound HTTP may reach loopback (the drills' own receiving servers);
- mail goes to files under the stack's var dir, one file per message, so a drill counts it;
- with DRILL_QUERY_DELAY_MS, every SQL statement waits a random 0..N ms first: a request or a
  task then spans a real window of time, and a kill -9 timed at random lands inside it.
"""

import os
import random
import time

from chaikhana.settings import *  # noqa: F403
from chaikhana.settings import VAR_DIR

SAFEHTTP_ALLOW_LOOPBACK = True
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = str(VAR_DIR / "mail")

_DELAY_MS = float(os.environ.get("DRILL_QUERY_DELAY_MS") or 0)

if _DELAY_MS:
    from django.db.backends.signals import connection_created

    def _slow(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        time.sleep(random.uniform(0, _DELAY_MS) / 1000)
        return execute(sql, params, many, context)

    def _install(sender, connection, **kwargs):  # type: ignore[no-untyped-def]
        if _slow not in connection.execute_wrappers:
            connection.execute_wrappers.append(_slow)

    connection_created.connect(_install, weak=False)
