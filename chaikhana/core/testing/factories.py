"""factory_boy factories shared by every app's tests."""

import factory
from django.utils import timezone

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Blog, Category, Membership, Post, Tag
from chaikhana.blogs.roles import Role

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class BlogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Blog
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"blog{n}")
    title = factory.Sequence(lambda n: f"Blog {n}")
    language = "ru"

    @factory.post_generation
    def owner(obj, create, extracted, **kwargs):
        """BlogFactory(owner=user) makes *user* its owner; by default a new user."""
        if create:
            MembershipFactory(blog=obj, user=extracted or UserFactory(), role=Role.OWNER)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    blog = factory.SubFactory(BlogFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.AUTHOR
    pen_name = factory.Sequence(lambda n: f"Pen Name {n}")
    slug = factory.Sequence(lambda n: f"pen-name-{n}")


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    blog = factory.SubFactory(BlogFactory)
    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag

    blog = factory.SubFactory(BlogFactory)
    name = factory.Sequence(lambda n: f"tag {n}")
    slug = factory.Sequence(lambda n: f"tag-{n}")


class PostFactory(factory.django.DjangoModelFactory):
    """A published post by the blog's owner unless told otherwise."""

    class Meta:
        model = Post

    blog = factory.SubFactory(BlogFactory)
    author = factory.LazyAttribute(lambda o: o.blog.memberships.filter(role=Role.OWNER).first())
    byline = factory.LazyAttribute(lambda o: o.author.pen_name if o.author else "")
    title = factory.Sequence(lambda n: f"Post number {n}")
    slug = factory.Sequence(lambda n: f"post-{n}")
    body_source = "Some *text* for the post."
    language = "ru"
    status = Post.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class CommentFactory(factory.django.DjangoModelFactory):
    """An approved guest comment on a published post."""

    class Meta:
        model = "comments.Comment"

    post = factory.SubFactory(PostFactory)
    blog = factory.LazyAttribute(lambda o: o.post.blog)
    name = factory.Sequence(lambda n: f"Guest {n}")
    email = factory.Sequence(lambda n: f"guest{n}@example.org")
    body_source = "A *kind* word."
    status = "approved"
