"""Import a WXR into a fresh blog and print posts/s and peak RSS (resource.getrusage).

.venv/bin/python bench/import/run.py FILE.xml   (DATABASE_URL / SQLITE_PATH pick the db)
"""

from __future__ import annotations

import os
import resource
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chaikhana.settings")

import django

django.setup()

from chaikhana.accounts.models import User  # noqa: E402
from chaikhana.porting.wxr.importer import Options, import_wxr_new_blog  # noqa: E402


def main() -> None:
    path = sys.argv[1]
    name = f"bench-{int(time.time())}"
    # The owner is named, as an administrator must: an import creates no accounts.
    owner, _ = User.objects.get_or_create(username="bench-importer")
    started = time.perf_counter()
    report = import_wxr_new_blog(
        source=path, blog_name=name, owner=owner, options=Options(fetch_media=False)
    )
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size_mb = os.path.getsize(path) / 1e6
    print(
        f"file {size_mb:.0f} MB, {report.imported} posts, {report.comments} comments in "
        f"{seconds:.1f} s = {report.imported / seconds:.0f} posts/s; peak RSS {peak_mb:.0f} MB"
    )


if __name__ == "__main__":
    main()
