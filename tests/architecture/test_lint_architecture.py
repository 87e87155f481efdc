"""bin/lint_architecture.py: each rule bites on a violating snippet and passes a clean one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.architecture.conftest import load_script, write_tree

lint = load_script("lint_architecture")

TENANT_MODELS = {
    "chaikhana/blogs/models/__init__.py": "from .post import Post\n",
    "chaikhana/blogs/models/post.py": """
        from django.db import models

        class PostQuerySet(models.QuerySet):
            def for_blog(self, blog):
                return self.filter(blog=blog)

        class Post(models.Model):
            blog = models.ForeignKey("blogs.Blog", on_delete=models.CASCADE)
            objects = PostQuerySet.as_manager()
    """,
    "chaikhana/portal/models.py": """
        from django.db import models

        class Notification(models.Model):  # no blog: not a tenant model
            user = models.ForeignKey("accounts.User", on_delete=models.CASCADE)
    """,
    "chaikhana/comments/models.py": """
        from django.db import models

        class Notification(models.Model):
            blog: models.ForeignKey = models.OneToOneField("blogs.Blog", on_delete=models.CASCADE)
    """,
}


def problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    write_tree(tmp_path, {**TENANT_MODELS, **files})
    return [f"{p.path} [{p.rule}]" for p in lint.check(tmp_path / "chaikhana")]


class ViewFetchTests:
    @pytest.mark.parametrize("method", ["get", "filter"])
    def test_view_fails_when_it_fetches_a_tenant_model_from_its_manager(self, tmp_path, method):
        found = problems(
            tmp_path,
            {
                "chaikhana/blogs/views/posts.py": f"""
                    from chaikhana.blogs.models import Post

                    def detail(request, pk):
                        return Post.objects.{method}(pk=pk)
                """
            },
        )
        assert found == ["chaikhana/blogs/views/posts.py [view-fetch]"]

    @pytest.mark.parametrize(
        "fetch",
        [
            "Post.objects.select_related('blog').get(pk=pk)",
            "Post.objects.order_by('-id').filter(pk=pk).first()",
            "get_object_or_404(Post, pk=pk)",
        ],
    )
    def test_view_fails_when_django_methods_come_between_manager_and_fetch(self, tmp_path, fetch):
        found = problems(
            tmp_path,
            {
                "chaikhana/blogs/views/posts.py": f"""
                    from django.shortcuts import get_object_or_404
                    from chaikhana.blogs.models import Post

                    def detail(request, pk):
                        return {fetch}
                """
            },
        )
        assert found == ["chaikhana/blogs/views/posts.py [view-fetch]"]

    def test_view_passes_when_a_named_read_scopes_the_fetch(self, tmp_path):
        found = problems(
            tmp_path,
            {
                "chaikhana/blogs/views/posts.py": """
                    from chaikhana.blogs.models import Post

                    def detail(request, pk):
                        return Post.objects.for_blog(request.blog).select_related("blog").get(pk=pk)
                """
            },
        )
        assert found == []

    def test_view_fails_when_the_tenant_model_comes_by_a_relative_import(self, tmp_path):
        found = problems(
            tmp_path,
            {
                "chaikhana/comments/views.py": """
                    from .models import Notification as N

                    def inbox(request):
                        return N.objects.filter(user=request.user)
                """
            },
        )
        assert found == ["chaikhana/comments/views.py [view-fetch]"]

    def test_view_passes_when_it_uses_an_access_helper_or_a_non_tenant_model(self, tmp_path):
        found = problems(
            tmp_path,
            {
                "chaikhana/portal/views/inbox.py": """
                    from chaikhana.blogs.access import access_post
                    from chaikhana.portal.models import Notification

                    def inbox(request, pk):
                        access_post(request.user, request.blog, pk)
                        return Notification.objects.filter(user=request.user)
                """
            },
        )
        assert found == []

    def test_non_view_passes_when_it_fetches_a_tenant_model(self, tmp_path):
        found = problems(
            tmp_path,
            {
                "chaikhana/blogs/access.py": """
                    from chaikhana.blogs.models import Post

                    def access_post(user, blog, pk):
                        return Post.objects.get(blog=blog, pk=pk)
                """
            },
        )
        assert found == []


class ModelSideEffectTests:
    @pytest.mark.parametrize(
        "statement",
        [
            "notify_task.enqueue(post_id=self.pk)",
            "send_mail('s', 'b', None, ['a@example.org'])",
            "post_saved.send(sender=type(self), post_id=self.pk)",
            "post_saved.send_robust(sender=type(self))",
            "requests.post('https://example.org')",
            "urlopen('https://example.org')",
            "safehttp.fetch('https://example.org')",
        ],
    )
    def test_model_fails_when_save_has_a_side_effect(self, tmp_path, statement):
        found = problems(
            tmp_path,
            {
                "chaikhana/media/models.py": f"""
                    from django.db import models

                    class Upload(models.Model):
                        def save(self, *args, **kwargs):
                            super().save(*args, **kwargs)
                            {statement}
                """
            },
        )
        assert found == ["chaikhana/media/models.py [model-side-effect]"]

    def test_model_fails_when_it_imports_the_outbound_http_client(self, tmp_path):
        found = problems(
            tmp_path,
            {"chaikhana/media/models/upload.py": "from chaikhana.core.safehttp import fetch\n"},
        )
        assert found == ["chaikhana/media/models/upload.py [model-side-effect]"]

    def test_model_fails_when_it_imports_send_mail_under_another_name(self, tmp_path):
        found = problems(
            tmp_path,
            {"chaikhana/media/models.py": "from django.core.mail import send_mail as notify\n"},
        )
        assert found == ["chaikhana/media/models.py [model-side-effect]"]

    def test_model_passes_when_save_only_normalises_its_row(self, tmp_path):
        found = problems(
            tmp_path,
            {
                "chaikhana/media/models.py": """
                    from django.db import models

                    class Upload(models.Model):
                        def save(self, *args, **kwargs):
                            self.name = self.name.strip()
                            super().save(*args, **kwargs)
                """
            },
        )
        assert found == []


POST_WRITES = [
    "Post.objects.create(blog=blog, title='x')",
    "Post.objects.bulk_create([])",
    "Post.objects.get_or_create(blog=blog, slug='x')",
    "Post.objects.update_or_create(blog=blog, slug='x')",
    "Post.objects.filter(blog=blog).update(title='x')",
    "Post.objects.filter(blog=blog).delete()",
    "Post(blog=blog, title='x')",
    "post.save()",
    "imported_post.delete()",
]


class PostWriteTests:
    @pytest.mark.parametrize("statement", POST_WRITES)
    def test_module_fails_when_it_writes_a_post_outside_blogs_actions(self, tmp_path, statement):
        found = problems(
            tmp_path,
            {
                "chaikhana/porting/wxr/writer.py": f"""
                    from chaikhana.blogs.models import Post

                    def write(blog, post, imported_post):
                        {statement}
                """
            },
        )
        assert found == ["chaikhana/porting/wxr/writer.py [post-write]"]

    def test_module_fails_when_post_is_imported_under_another_name(self, tmp_path):
        found = problems(
            tmp_path,
            {
                "chaikhana/portal/actions/stories.py": """
                    from chaikhana.blogs.models import Post as Story

                    def write(blog):
                        Story.objects.filter(blog=blog).update(title="x")
                """
            },
        )
        assert found == ["chaikhana/portal/actions/stories.py [post-write]"]

    @pytest.mark.parametrize(
        "rel",
        [
            "chaikhana/blogs/actions/posts.py",
            "chaikhana/porting/tests/test_writer.py",
            "chaikhana/core/testing/factories.py",
        ],
    )
    def test_module_passes_when_it_is_blogs_actions_or_test_code(self, tmp_path, rel):
        body = "\n    ".join(POST_WRITES)
        found = problems(tmp_path, {rel: f"def write(blog, post, imported_post):\n    {body}\n"})
        assert found == []

    def test_module_passes_when_it_only_reads_posts(self, tmp_path):
        found = problems(
            tmp_path,
            {
                "chaikhana/reading/queries.py": """
                    from chaikhana.blogs.models import Post

                    def newest(blog):
                        return Post.objects.filter(blog=blog).order_by("-id").first()
                """
            },
        )
        assert found == []


class AllowlistTests:
    VIOLATION = {"chaikhana/portal/demo.py": "Post.objects.bulk_create([])\n"}

    def run(self, tmp_path: Path, allowlist: str) -> int:
        write_tree(tmp_path, {**TENANT_MODELS, **self.VIOLATION})
        (tmp_path / "allow.txt").write_text(allowlist)
        argv = ["lint", str(tmp_path / "chaikhana"), str(tmp_path / "allow.txt")]
        return lint.main(argv)

    def test_lint_fails_when_a_violation_is_not_listed(self, tmp_path, capsys):
        assert self.run(tmp_path, "# nothing allowed\n") == 1
        assert "chaikhana/portal/demo.py:1: [post-write]" in capsys.readouterr().out

    def test_lint_passes_when_the_violation_is_listed(self, tmp_path, capsys):
        assert self.run(tmp_path, "post-write chaikhana/portal/demo.py  # demo\n") == 0
        assert capsys.readouterr().out == "architecture: ok\n"

    def test_lint_fails_when_a_listed_entry_matches_nothing(self, tmp_path, capsys):
        listed = "post-write chaikhana/portal/demo.py\npost-write chaikhana/portal/gone.py\n"
        assert self.run(tmp_path, listed) == 1
        assert "'post-write chaikhana/portal/gone.py' matches nothing" in capsys.readouterr().out


class ProjectTests:
    def test_project_passes_when_only_the_allowlisted_exceptions_remain(self, capsys):
        assert lint.main(["lint"]) == 0, capsys.readouterr().out
