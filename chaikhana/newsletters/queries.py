"""Reads that span apps: which lists a post goes to, what a digest holds, the owner's figures."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db.models import Count, Q, QuerySet

from chaikhana.blogs.models import Blog, Post
from chaikhana.newsletters.models import (
    DailyCount,
    Delivery,
    MailingList,
    PostMailing,
    Subscription,
)


def mailable(post: Post) -> bool:
    """A post that may go out by email: public now, in a readable blog, not switched off."""
    blog = post.blog
    return (
        post.kind == Post.Kind.POST
        and post.is_public
        and blog.is_active
        and blog.visibility != Blog.Visibility.PRIVATE
        and not PostMailing.objects.filter(post=post, send=False).exists()
    )


def lists_for_post(post: Post) -> QuerySet[MailingList]:
    """The lists a public post belongs to: its blog's, its section's, its tags' (listed blogs)."""
    match = Q(kind=MailingList.Kind.BLOG, blog=post.blog)
    submission = getattr(post, "portal_submission", None)
    if submission is not None:
        match |= Q(kind=MailingList.Kind.SECTION, section_id=submission.section_id)
    if post.blog.is_listed:
        slugs = list(post.tags.values_list("slug", flat=True))
        if slugs:
            match |= Q(kind=MailingList.Kind.TAG, tag__in=slugs)
    return MailingList.objects.filter(match)


def posts_of_list(mailing_list: MailingList, start: datetime, end: datetime) -> QuerySet[Post]:
    """Public posts of the list published in [start, end), oldest first."""
    posts = (
        Post.objects.posts()
        .published()
        .filter(published_at__gte=start, published_at__lt=end, blog__is_active=True)
        .exclude(blog__visibility=Blog.Visibility.PRIVATE)
        .select_related("blog")
        .order_by("published_at", "pk")
    )
    if mailing_list.kind == MailingList.Kind.BLOG:
        return posts.filter(blog=mailing_list.blog)
    if mailing_list.kind == MailingList.Kind.SECTION:
        return posts.filter(portal_submission__section=mailing_list.section)
    return posts.filter(tags__slug=mailing_list.tag).in_listed_blogs().distinct()


def subscriptions_of_address(email: str) -> list[dict[str, object]]:
    """A person's subscriptions for her data export: what, how, since when, with which consent."""
    if not email:
        return []
    return [
        {
            "list": sub.mailing_list.title,
            "kind": sub.mailing_list.kind,
            "email": sub.email,
            "status": sub.status,
            "frequency": sub.frequency,
            "language": sub.language,
            "pictures": sub.images,
            "consent": sub.consent,
            "created_at": sub.created_at.isoformat(),
        }
        for sub in Subscription.objects.of_address(email).order_by("pk")
    ]


def subscribers_by_day(mailing_list: MailingList | None, days: int = 30) -> list[tuple[date, int]]:
    """(day, subscribers at the end of it) for the last *days* days; one query."""
    if mailing_list is None:
        return []
    rows = list(
        DailyCount.objects.filter(mailing_list=mailing_list).values_list("day", "joined", "left")
    )
    first = max(rows[-1][0] if rows else date.today(), date.today()) - timedelta(days=days - 1)
    total, series, by_day = 0, [], {}
    for day, joined, left in rows:
        if day < first:
            total += joined - left
        else:
            by_day[day] = joined - left
    for offset in range(days):
        day = first + timedelta(days=offset)
        total += by_day.get(day, 0)
        series.append((day, total))
    return series


def queue_health(since: datetime) -> dict[str, object]:
    """What /network/newsletters/ shows: waiting, sent since *since*, failures, oldest waiting."""
    pending = Delivery.objects.pending()
    oldest = pending.order_by("pk").select_related("issue").first()
    by_status = dict(
        Delivery.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    return {
        "pending": by_status.get(Delivery.Status.PENDING, 0),
        "failed": by_status.get(Delivery.Status.FAILED, 0),
        "sent_last_hour": Delivery.objects.sent_since(since).count(),
        "oldest_pending": oldest.issue.created_at if oldest else None,
        "subscribers": Subscription.objects.active().count(),
    }
