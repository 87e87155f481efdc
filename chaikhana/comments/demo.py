"""Demo comments for `make run`: threads on the network's newest posts, posted and approved
through the comments' own actions, then dated a few hours after each post."""

from __future__ import annotations

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Blog, Membership, Post
from chaikhana.blogs.roles import Role
from chaikhana.comments.actions.moderating import approve_comment
from chaikhana.comments.actions.posting import CommentInput, post_comment
from chaikhana.comments.models import Comment

# (name, email) of guests; members comment under their accounts.
GUESTS = {
    "ru": [("Айгуль", "aigul@example.org"), ("Сергей Н.", "sergei@example.org"),
           ("Бабушка из 5-го мкр", ""), ("Олег", "oleg@example.org")],
    "ky": [("Нурбек", "nurbek@example.org"), ("Жылдыз", "jyldyz@example.org"),
           ("Айыл мугалими", "")],
    "en": [("Kate W.", "kate@example.org"), ("Azim", "azim@example.org"), ("A reader in Osh", "")],
}  # fmt: skip
TOP = {
    "ru": [
        "У нас во дворе то же самое, третий год обещают. Спасибо, что написали.",
        "А вы звонили в районную администрацию? Нам ответили только после письменного запроса.",
        "Хороший текст. Было бы полезно добавить, куда жаловаться и по какому телефону.",
        "Я живу рядом, подтверждаю: в субботу приезжала комиссия, но ничего не решили.",
        "Не согласен с выводом: деньги выделили, вопрос в том, куда они ушли.",
        "Фотографии говорят сами за себя. Перепостила в группу нашего села.",
    ],
    "ky": [
        "Рахмат, туура жазыпсыз. Биздин айылда да ушундай абал.",
        "Акимчиликке кайрылдыңыздарбы? Бизге бир айдан кийин гана жооп беришти.",
        "Сүрөттөр абдан жакшы чыгыптыр. Досторго жөнөттүм.",
        "Бул маселени кенешке алып чыгуу керек, жалгыз жазуу менен чечилбейт.",
        "Мен да ушул жерде жашайм, баары чын.",
    ],
    "en": [
        "Thank you for writing this up; nobody else covers our district.",
        "Did the administration ever answer your written request? Ours took a month.",
        "Great photos. Could you add a map? Readers outside the region will not know the place.",
        "I was there on Saturday and can confirm the queue started before six.",
        "Useful piece. A follow-up in a month would show whether the promises were kept.",
    ],
}
REPLIES = {
    "ru": [
        "Звонили трижды, ответ обещали в письменном виде. Опубликую, как получу.",
        "Спасибо! Добавлю телефон в конце поста.",
        "Согласна, надо спрашивать про смету. Попробую запросить.",
        "Спасибо за поддержку! Давайте соберём все адреса в одну карту.",
    ],
    "ky": [
        "Рахмат! Жооп келгенде сөзсүз жазам.",
        "Туура айтасыз, кийинки жумада кенешке барабыз.",
        "Макул, картаны да кошом.",
    ],
    "en": [
        "Not yet. I will post the answer as soon as it arrives.",
        "Good idea, I will add a map this week.",
        "Thanks for confirming, that helps a lot.",
    ],
}
PENDING = CommentInput(
    name="Марат",
    email="marat@example.org",
    body="Интересно, а кто отвечает за ремонт во дворах частного сектора? Напишите, пожалуйста.",
)
THREADS = 10  # posts with a conversation
DEMO_BLOG = "demo"


def demo_network_present() -> bool:
    return Blog.objects.filter(name=DEMO_BLOG, memberships__user__username="demo").exists()


def _posts() -> list[Post]:
    """The demo blog's three newest public posts and the newest of seven other blogs."""
    public = (
        Post.objects.published()
        .filter(blog__visibility=Blog.Visibility.PUBLIC, kind=Post.Kind.POST)
        .exclude(blog__name="portal")
        .select_related("blog", "author")
        .order_by("-published_at", "pk")
    )
    chosen = list(public.filter(blog__name=DEMO_BLOG)[:3])
    seen = {DEMO_BLOG}
    for post in public.exclude(blog__name=DEMO_BLOG)[:200]:
        if post.blog.name not in seen:
            chosen.append(post)
            seen.add(post.blog.name)
        if len(chosen) == THREADS:
            break
    return chosen


def _moderator(blog: Blog) -> User:
    owner = Membership.objects.filter(blog=blog, role=Role.OWNER).select_related("user").first()
    assert owner is not None, f"blog {blog.name} has no owner"
    return owner.user


def _language(post: Post) -> str:
    return post.language if post.language in TOP else "ru"


def _say(post: Post, data: CommentInput, by: User | None, moderator: User) -> Comment:
    comment = post_comment(post=post, by=by, data=data)
    if comment.status != Comment.Status.APPROVED:
        approve_comment(comment=comment, by=moderator)
    return comment


@transaction.atomic
def create_demo_comments(seed: int = 1) -> int:
    """Post and approve threads on the chosen posts; leave one waiting on the demo blog."""
    rng = random.Random(seed)
    now = timezone.now()
    made: list[tuple[Comment, timedelta]] = []
    posts = _posts()
    for post in posts:
        lang, moderator = _language(post), _moderator(post.blog)
        tops = rng.sample(TOP[lang], k=rng.randint(2, 4))
        offset = timedelta(hours=rng.randint(1, 5))
        for text in tops:
            name, email = rng.choice(GUESTS[lang])
            top = _say(post, CommentInput(body=text, name=name, email=email), None, moderator)
            made.append((top, offset))
            if rng.random() < 0.6:
                # The post's author answers, under her account.
                author = post.author.user if post.author else moderator
                reply = CommentInput(body=rng.choice(REPLIES[lang]), parent_id=top.pk)
                made.append((_say(post, reply, author, moderator), offset + timedelta(hours=2)))
            offset += timedelta(hours=rng.randint(1, 9), minutes=rng.randint(0, 59))
    pending = post_comment(post=posts[0], by=None, data=PENDING)
    made.append((pending, timedelta(hours=30)))
    for i, (comment, after) in enumerate(made):
        published = comment.post.published_at or now
        # Never in the future, and a reply never before the comment it answers.
        when = min(published + after, now - timedelta(minutes=10 * (len(made) - i)))
        Comment.objects.filter(pk=comment.pk).update(created_at=when)
    return len(made)
