"""The small network every drill starts from, built once per test session inside the stack
(`manage.py shell`), and the invariants a drill checks afterwards.

`seed()` loads the demo network through the product's own commands and prints, as one JSON
line, what a drill needs to act as a person: a signed-in (and second-factor verified) session
for `demo`, the ids of a course session and a portal submission, a post that takes comments.
"""

from __future__ import annotations

import json

from django.core.management import call_command


def seed() -> None:
    from django.conf import settings
    from django.test import Client
    from django.utils import timezone

    from chaikhana.accounts.models import User
    from chaikhana.blogs.models import Post
    from chaikhana.core.testing.twofactor import log_in_verified
    from chaikhana.courses.models import Session
    from chaikhana.portal.models import Submission

    call_command("migrate", "--noinput", verbosity=0)
    if not (settings.STATIC_ROOT / "staticfiles.json").exists():  # WhiteNoise's manifest
        call_command("collectstatic", "--noinput", verbosity=0)
    call_command("demo", "--blogs", "20", "--posts", "60", verbosity=0)
    for name in ("demo_courses", "demo_portal", "demo_comments"):
        call_command(name, "--if-empty", verbosity=0)
    demo = User.objects.get(username="demo")
    client = Client()
    log_in_verified(client, demo)
    post = Post.objects.filter(blog__name="demo", status="published", kind="post").first()
    session = (
        Session.objects.filter(status="scheduled", starts_at__gt=timezone.now())
        .order_by("-capacity", "id")
        .first()
    )
    moving = Submission.objects.filter(state__in=["submitted", "in_review"]).order_by("id").first()
    print(
        json.dumps(
            {
                "sessionid": client.cookies["sessionid"].value,
                "blog": "demo",
                "post_slug": post.slug if post else None,
                "course_session": session.pk if session else None,
                "submission": moving.pk if moving else None,
            }
        )
    )


def _database_problems() -> list[str]:
    from django.db import connection

    with connection.cursor() as cur:
        if connection.vendor == "sqlite":
            cur.execute("PRAGMA integrity_check")
            rows = [r[0] for r in cur.fetchall()]
            problems = [] if rows == ["ok"] else [f"integrity_check: {rows[:5]}"]
            cur.execute("PRAGMA foreign_key_check")
            return problems + [f"foreign_key_check: {row}" for row in cur.fetchall()[:5]]
        # PostgreSQL: every B-tree index agrees with its table (amcheck, a contrib module).
        cur.execute("CREATE EXTENSION IF NOT EXISTS amcheck")
        cur.execute(
            "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE a.amname = 'btree' AND n.nspname = 'public'"
        )
        problems = []
        for (index,) in cur.fetchall():
            try:
                cur.execute("SELECT bt_index_check(%s::regclass, true)", [index])
            except Exception as error:
                problems.append(f"bt_index_check {index}: {error}")
        return problems


def _row_problems() -> list[str]:
    from django.db.models import Count, OuterRef, Subquery

    from chaikhana.blogs.models import Post, Revision
    from chaikhana.courses.models import Registration, Session
    from chaikhana.media.models import MediaFile, Rendition
    from chaikhana.portal.models import Submission, Transition

    problems = []
    # A post saved from the editor has its revision and its terms, or does not exist.
    drill_posts = Post.objects.filter(title__startswith="Drill ").annotate(
        revisions_n=Count("revisions", distinct=True), tags_n=Count("tags", distinct=True)
    )
    for post in drill_posts:
        if post.revisions_n < 1 or post.tags_n != 2:
            problems.append(f"post {post.pk}: {post.revisions_n} revisions, {post.tags_n} tags")
    saved = Revision.objects.filter(post__title__startswith="Drill ", kind="save")
    for revision in saved.select_related("post"):
        if revision.title != revision.post.title:
            problems.append(f"revision {revision.pk} does not match its post")
    # A course session never holds more seats than it has; a waitlist only when full.
    for session in Session.objects.with_seats():
        if session.seats_taken > session.capacity:
            problems.append(f"session {session.pk}: {session.seats_taken}/{session.capacity}")
        waiting = Registration.objects.filter(session=session, status="waitlisted").exists()
        if waiting and session.seats_taken < session.capacity:
            problems.append(f"session {session.pk}: a waitlist with free seats")
    # A submission's state is the state its last audit row moved it to.
    last = Transition.objects.filter(submission=OuterRef("pk")).order_by("-at", "-pk")
    moved = Submission.objects.annotate(last_to=Subquery(last.values("to_state")[:1]))
    for submission in moved.exclude(last_to=None):
        if submission.state != submission.last_to:
            problems.append(
                f"submission {submission.pk}: {submission.state} != {submission.last_to}"
            )
    # A media row's file and its renditions' files exist.
    for media in MediaFile.objects.all():
        if not media.file.storage.exists(media.file.name):
            problems.append(f"media {media.pk}: file {media.file.name} missing")
    for rendition in Rendition.objects.all():
        if not rendition.file.storage.exists(rendition.file.name):
            problems.append(f"rendition {rendition.pk}: file missing")
    return problems


def check() -> None:
    """Print, as one JSON line, every broken invariant (an empty list when all hold)."""
    print(json.dumps(_database_problems() + _row_problems()))


WXR = "/work/shared/corpora/wordpress/wptest.xml"


def queue_work(receiver: str, images: int = 4) -> None:
    """Ask for the background work drill 2 interrupts, through the product's own actions:
    renditions of new uploads, a WXR import, and a published post that links to *receiver*
    (search indexing, outbound webmentions, federation and newsletters hear it)."""
    import io

    from django.core.files import File
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from chaikhana.accounts.models import User
    from chaikhana.blogs.actions import create_post, publish_post
    from chaikhana.blogs.actions.posts.content import PostContent
    from chaikhana.blogs.models import Blog
    from chaikhana.media.actions.upload import upload_media
    from chaikhana.porting.actions import start_import

    call_command("reindex_search", verbosity=0)  # the demo loads posts without indexing them
    demo = User.objects.get(username="demo")
    blog = Blog.objects.get(name="demo")
    for n in range(images):
        out = io.BytesIO()
        Image.new("RGB", (1600, 1000), (n * 40 % 256, 90, 30)).save(out, "JPEG")
        upload = SimpleUploadedFile(f"photo-{n}.jpg", out.getvalue(), "image/jpeg")
        upload_media(blog=blog, by=demo, uploaded_file=upload)
    with open(WXR, "rb") as wxr:
        start_import(blog=blog, by=demo, upload=File(wxr, name="wptest.xml"), fetch_media=False)
    links = "\n\n".join(f"[Page {n}]({receiver}/page-{n})" for n in range(3))
    post = create_post(
        blog=blog, by=demo, content=PostContent(title="Drill linking post", body_source=links)
    )
    publish_post(post=post, by=demo)
    print(json.dumps({"post": post.pk}))


def task_effects() -> None:
    """Print, as one JSON line, what the queue and the tasks' effects look like now."""
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    from chaikhana.blogs.models import Post
    from chaikhana.media.models import MediaFile, Rendition
    from chaikhana.porting.models import ImportedItem, ImportRun
    from chaikhana.reading.search.models import SearchDocument

    statuses = dict(DBTaskResult.objects.values_list("status").annotate(n=Count("pk")))
    due = DBTaskResult.objects.ready().count()  # retries waiting for a later time are not due
    doubled_renditions = (
        Rendition.objects.values("media_id", "width", "format")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .count()
    )
    images = MediaFile.objects.filter(kind="image", original_name__startswith="photo-")
    print(
        json.dumps(
            {
                "statuses": statuses,
                "due": due,
                "failed": list(
                    DBTaskResult.objects.filter(status="FAILED").values_list(
                        "task_path", "exception_class_path"
                    )
                ),
                "images_without_renditions": images.filter(renditions=None).count(),
                "doubled_renditions": doubled_renditions,
                "unindexed": Post.objects.filter(status="published")
                .exclude(pk__in=SearchDocument.objects.values("post_id"))
                .count(),
                "imports": list(ImportRun.objects.values_list("state", flat=True)),
                "imported_items": ImportedItem.objects.count(),
                "doubled_imported": ImportedItem.objects.values("blog_id", "kind", "key")
                .annotate(n=Count("pk"))
                .filter(n__gt=1)
                .count(),
            }
        )
    )
