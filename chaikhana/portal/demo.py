"""The demo portal for `make run`: sections, staff, stories that went through the real desk.

Every story is made by the portal's own actions (submit → in review → fact-check with
claims and the checklist → ready → published), then its timestamps are moved back so the
timeline reads like the last two weeks of a newsroom rather than one second of a script.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Blog, Post
from chaikhana.media.models import MediaFile
from chaikhana.portal.actions.callouts import answer_callout, publish_callout
from chaikhana.portal.actions.curation import feature_story, lead_story
from chaikhana.portal.actions.factcheck import add_claim, check_claim, tick_checklist
from chaikhana.portal.actions.stories import StoryEdit, approve_proposal, edit_story
from chaikhana.portal.actions.submissions import SourceInput, assign, submit_post
from chaikhana.portal.actions.thread import post_message
from chaikhana.portal.actions.workflow import transition
from chaikhana.portal.models import (
    Callout,
    Checklist,
    Claim,
    Correction,
    CurationLog,
    FrontPageItem,
    Notification,
    PortalRole,
    Section,
    StoryRevisionProposal,
    StoryView,
    Submission,
    ThreadMessage,
    Transition,
)
from chaikhana.portal.workflow import State

CHIEF, SECTION_EDITOR, CHECKER = "demo", "azamat", "asel"
# slug, name, description, community stream
SECTIONS = [
    ("novosti", "Новости", "News: what happened today, checked before it is printed.", False),
    ("obshchestvo", "Общество", "Society: schools, clinics, roads and the people who fix them.",
     True),
    ("kultura", "Культура", "Culture: crafts, music, holidays, Kyrgyz and Russian.", False),
    ("ekonomika", "Экономика", "Economy: prices at the bazaar, remittances, small business.",
     False),
]  # fmt: skip
SECTION_EDITOR_OF = ("obshchestvo", "kultura")
PUBLISHED, QUEUED = 7, 4
NOTES = [
    "Пишу об этом уже полгода; думаю, это важно не только для нашего района.",
    "Бул маселе бүт айылды тынчсыздандырат, порталга жарыяласаңар жакшы болмок.",
    "Happy to answer questions; I have photos and the names of people I spoke to.",
]
SOURCES = [
    SourceInput(url="https://example.org/docs/district-budget-2026.pdf",
                description="District budget, published on the administration's site"),
    SourceInput(description="Press office of the district administration, by phone"),
    SourceInput(description="A resident who asked not to be named (phone number with the "
                            "editors)", private=True),
]  # fmt: skip
EVIDENCE = [
    "Confirmed by phone with the press office; the figure matches the published budget.",
    "Two residents confirmed independently; the author's photos show the same place.",
]
CORRECTION_NOTE = (
    "В первой версии материала была неверно указана дата собрания жителей: "
    "оно прошло в субботу, а не в пятницу."
)
CALLOUT_TITLE = "Вода в вашем селе: расскажите, как её делят"
CALLOUT_BODY = (
    "Мы собираем истории о поливной и питьевой воде: кто и как составляет график, сколько "
    "стоит вода, что происходит, когда её не хватает. Пишите о своём селе или районе, "
    "прикладывайте фотографии и документы. Тексты на русском, кыргызском и английском."
)


@dataclass
class Staff:
    chief: User
    editor: User
    checker: User


def demo_network_present() -> bool:
    """The demo network was loaded here (its blog `demo` owned by user `demo`)."""
    return Blog.objects.filter(name="demo", memberships__user__username="demo").exists()


def _sections() -> dict[str, Section]:
    made = {}
    for position, (slug, name, description, stream) in enumerate(SECTIONS):
        made[slug], _created = Section.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "description": description, "position": position,
                      "community_stream": stream},
        )  # fmt: skip
    return made


def _staff(sections: dict[str, Section]) -> Staff:
    users = {u.username: u for u in User.objects.filter(username__in=[CHIEF, SECTION_EDITOR,
                                                                      CHECKER])}  # fmt: skip
    PortalRole.objects.get_or_create(user=users[CHIEF], role=PortalRole.Role.EDITOR_IN_CHIEF)
    role, _created = PortalRole.objects.get_or_create(
        user=users[SECTION_EDITOR], role=PortalRole.Role.SECTION_EDITOR
    )
    role.sections.set([sections[slug] for slug in SECTION_EDITOR_OF])
    PortalRole.objects.get_or_create(user=users[CHECKER], role=PortalRole.Role.FACT_CHECKER)
    return Staff(chief=users[CHIEF], editor=users[SECTION_EDITOR], checker=users[CHECKER])


def _candidates(count: int) -> list[Post]:
    """Recent public text posts of different bloggers (not the staff's), older than two weeks
    so that their way through the desk fits before today."""
    cutoff = timezone.now() - timedelta(days=14)
    posts = (
        Post.objects.published()
        .filter(blog__visibility=Blog.Visibility.PUBLIC, published_at__lte=cutoff,
                author__isnull=False, kind=Post.Kind.POST)
        .exclude(blog__name__in=["portal", "demo"])
        .exclude(author__user__username__in=[CHIEF, SECTION_EDITOR, CHECKER])
        .exclude(blog__theme=Blog.Theme.PHOTO)
        .select_related("author__user", "blog")
        .order_by("-published_at", "pk")
    )  # fmt: skip
    chosen: list[Post] = []
    authors: set[int] = set()
    for post in posts[:200]:
        if post.author is not None and post.author.user_id not in authors:
            chosen.append(post)
            authors.add(post.author.user_id)
        if len(chosen) == count:
            break
    return chosen


def _sentences(post: Post, n: int) -> list[str]:
    text = " ".join(p for p in post.body_source.split("\n\n") if p[:1] not in "-1>!#*")
    return [s.strip() + "." for s in text.split(". ") if 40 < len(s) < 200][:n]


def _desk_editor(staff: Staff, section: Section) -> User:
    return staff.editor if section.slug in SECTION_EDITOR_OF else staff.chief


def _submit(post: Post, section: Section, note: str) -> Submission:
    assert post.author is not None
    return submit_post(post=post, by=post.author.user, section=section, note=note,
                       sources=SOURCES)  # fmt: skip


def _fact_check(submission: Submission, staff: Staff, post: Post, *, finish: bool) -> None:
    sources = list(submission.sources.all())
    for n, sentence in enumerate(_sentences(post, 2)):
        claim = add_claim(submission=submission, by=staff.checker, text=sentence)
        if finish or n == 0:
            verdict = Claim.Verdict.VERIFIED if n == 0 else Claim.Verdict.OPINION
            check_claim(claim=claim, by=staff.checker, verdict=verdict, evidence=EVIDENCE[n],
                        sources=sources[: 2 - n])  # fmt: skip
    items = Checklist.ITEMS if finish else Checklist.ITEMS[:2]
    for item in items:
        tick_checklist(submission=submission, by=staff.checker, item=item, done=True)


def _illustrate(submission: Submission, editor: User, photo: MediaFile) -> None:
    """The editors open the story with a photo of the library, as a front page wants."""
    story = submission.story
    assert story is not None
    body = f"![{photo.alt}]({photo.url})\n\n{story.body_source}"
    edit = StoryEdit(title=story.title, excerpt=story.excerpt, body_source=body,
                     base_version=story.version)  # fmt: skip
    edit_story(submission=submission, by=editor, edit=edit)


def _publish(
    submission: Submission, staff: Staff, post: Post, photo: MediaFile | None = None
) -> Submission:
    editor = _desk_editor(staff, submission.section)
    assign(submission=submission, by=staff.chief, editor=editor, checker=staff.checker)
    submission = transition(submission=submission, to=State.IN_REVIEW, by=editor)
    if photo is not None:
        _illustrate(submission, editor, photo)
        submission.refresh_from_db()
    submission = transition(submission=submission, to=State.FACT_CHECK, by=editor,
                            note="Две цифры в тексте, проверьте, пожалуйста.")  # fmt: skip
    _fact_check(submission, staff, post, finish=True)
    submission = transition(submission=submission, to=State.READY, by=staff.checker)
    return transition(submission=submission, to=State.PUBLISHED, by=editor)


def _correct(submission: Submission, staff: Staff) -> None:
    story = submission.story
    assert story is not None
    edit = StoryEdit(title=story.title, excerpt=story.excerpt,
                     body_source=story.body_source + "\n\n*Исправлено: собрание прошло в субботу.*",
                     base_version=story.version, correction_kind=Correction.Kind.CORRECTION,
                     correction_note=CORRECTION_NOTE)  # fmt: skip
    proposal = edit_story(submission=submission, by=_desk_editor(staff, submission.section),
                          edit=edit)  # fmt: skip
    assert isinstance(proposal, StoryRevisionProposal)
    approve_proposal(proposal=proposal, by=staff.chief)


def _at(day: datetime, hour: int, minute: int = 0) -> datetime:
    zone = ZoneInfo(settings.TIME_ZONE)
    return datetime.combine(day.astimezone(zone).date(), time(hour, minute), tzinfo=zone)


def _backdate(submission: Submission, start: datetime, rng: random.Random) -> datetime:
    """Spread the timeline over working hours from *start*; returns the last step's time."""
    when = start
    for step in Transition.objects.filter(submission=submission).order_by("at", "id"):
        Transition.objects.filter(pk=step.pk).update(at=when)
        last, when = when, when + timedelta(hours=rng.randint(2, 8), minutes=rng.randint(0, 59))
    Submission.objects.filter(pk=submission.pk).update(created_at=start, state_changed_at=last)
    checked = start + (last - start) * 3 / 4
    Claim.objects.filter(submission=submission, checked_at__isnull=False).update(checked_at=checked)
    checklist = Checklist.objects.filter(submission=submission).first()
    if checklist is not None:
        ticked = {f"{item}_at": checked for item in Checklist.ITEMS if getattr(checklist, item)}
        Checklist.objects.filter(pk=checklist.pk).update(updated_at=checked, **ticked)
    Notification.objects.filter(submission=submission).update(created_at=last)
    ThreadMessage.objects.filter(submission=submission).update(
        created_at=start + timedelta(hours=2)
    )
    if submission.story_id is not None:
        story_fields = {"created_at": start + timedelta(hours=1), "updated_at": last}
        if submission.state == State.PUBLISHED:
            story_fields["published_at"] = last
        Post.objects.filter(pk=submission.story_id).update(**story_fields)
    return last


def _views(story_id: int, published: datetime, rng: random.Random, weight: int) -> None:
    today = timezone.localdate()
    day = max(published.astimezone(ZoneInfo(settings.TIME_ZONE)).date(), today - timedelta(6))
    rows = []
    while day <= today:
        rows.append(StoryView(day=day, story_id=story_id, count=rng.randint(20, 90) * weight))
        day += timedelta(days=1)
    StoryView.objects.bulk_create(rows)


@dataclass(frozen=True)
class PortalDemo:
    sections: int
    published: int
    queued: int


@transaction.atomic
def create_demo_portal(seed: int = 1) -> PortalDemo:
    """Sections, staff, published stories (lead, featured, a correction), a queue, a callout."""
    rng = random.Random(seed)
    sections = _sections()
    ordered = list(sections.values())
    staff = _staff(sections)
    posts = _candidates(PUBLISHED + QUEUED)
    now = timezone.now()
    published: list[Submission] = []
    # The library's demo photos (media/demo.py), when loaded: the lead and featured get one.
    photos = list(MediaFile.objects.filter(kind=MediaFile.Kind.IMAGE).order_by("pk")[:4])
    for i, post in enumerate(posts[:PUBLISHED]):
        submission = _submit(post, ordered[i % len(ordered)], NOTES[i % len(NOTES)])
        if i < 2:
            post_message(
                submission=submission,
                by=_desk_editor(staff, submission.section),
                body="Спасибо! Можно ли назвать жителей по именам, или они против?",
            )
            assert post.author is not None
            post_message(
                submission=submission,
                by=post.author.user,
                body="Двое согласны, третий просил не называть. Он в источниках.",
            )
        photo = photos[i] if i < len(photos) else None
        published.append(_publish(submission, staff, post, photo))
    # The newest first: the lead was published yesterday, the others over the two weeks before.
    for i, submission in enumerate(published):
        start = _at(now - timedelta(days=3 + 2 * i), 9, rng.randint(0, 59))
        last = _backdate(submission, start, rng)
        assert submission.story_id is not None
        _views(submission.story_id, last, rng, weight=3 if i == 0 else 1)
    lead, *others = [s.story for s in published]
    assert lead is not None
    lead_story(story=lead, by=staff.chief)
    for story in others[:3]:
        assert story is not None
        feature_story(story=story, by=staff.chief)
    CurationLog.objects.update(at=now - timedelta(hours=20))
    FrontPageItem.objects.update(updated_at=now - timedelta(hours=20))
    corrected = published[3]
    corrected.refresh_from_db()
    _correct(corrected, staff)
    assert corrected.story is not None
    corrected.story.refresh_from_db()
    fixed_at = (corrected.story.published_at or now) + timedelta(days=1, hours=2)
    Correction.objects.filter(story=corrected.story).update(created_at=fixed_at)
    StoryRevisionProposal.objects.filter(story=corrected.story).update(
        created_at=fixed_at - timedelta(hours=1), decided_at=fixed_at
    )
    callout = publish_callout(
        by=staff.chief, section=sections["obshchestvo"], title=CALLOUT_TITLE, body=CALLOUT_BODY,
        deadline=_at(now + timedelta(days=7), 18),
    )  # fmt: skip
    Callout.objects.filter(pk=callout.pk).update(created_at=now - timedelta(days=2))
    _queue(posts[PUBLISHED:], ordered, staff, callout, rng)
    return PortalDemo(
        sections=len(ordered), published=len(published), queued=len(posts) - PUBLISHED
    )


def _queue(
    posts: list[Post], sections: list[Section], staff: Staff, callout: Callout, rng: random.Random
) -> None:
    """Work for the desk: a late submission, one answering the callout, one in review, one
    waiting for the fact-checker."""
    now = timezone.now()
    for i, post in enumerate(posts):
        section = sections[1] if i == 1 else sections[(i + 2) % len(sections)]
        submission = _submit(post, section, NOTES[(i + 1) % len(NOTES)])
        start = now - timedelta(days=(4, 1, 3, 5)[i % 4], hours=rng.randint(1, 6))
        if i == 1:
            assert post.author is not None
            answer_callout(submission=submission, callout=callout, by=post.author.user)
        if i >= 2:
            editor = _desk_editor(staff, section)
            assign(submission=submission, by=staff.chief, editor=editor, checker=staff.checker)
            submission = transition(submission=submission, to=State.IN_REVIEW, by=editor)
        if i == 3:
            submission = transition(
                submission=submission, to=State.FACT_CHECK, by=_desk_editor(staff, section)
            )
            _fact_check(submission, staff, post, finish=False)
        _backdate(submission, start, rng)
