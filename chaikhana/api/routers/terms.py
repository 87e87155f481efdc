"""Categories of her blog (a token with the "posts" scope): blogs' term actions; tags are made
by naming them on a post, as in the editor."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router
from ninja import Status as Created

from chaikhana.api import present
from chaikhana.api.auth import BearerToken, require
from chaikhana.api.problems import Problem, field_error
from chaikhana.api.routers.manage_posts import writer_blog
from chaikhana.api.schemas import CategoryIn, TermOut
from chaikhana.blogs.actions.terms import create_category, delete_category
from chaikhana.blogs.models import Category

router = Router(tags=["my categories"], auth=BearerToken())


@router.post("/manage/{name}/categories", response={201: TermOut}, summary="Add a category")
def add(request: HttpRequest, name: str, payload: CategoryIn) -> Created[Any]:
    blog, _membership = writer_blog(request, name, "posts")
    parent = None
    if payload.parent:
        parent = Category.objects.for_blog(blog).filter(slug=payload.parent).first()
        if parent is None:
            detail = _("This blog has no category “%(slug)s”.") % {"slug": payload.parent}
            raise Problem("invalid-input", 422, detail, errors=[field_error("parent", detail)])
    category = create_category(
        blog=blog, by=require(request, "posts"), name=payload.name, parent=parent
    )
    return Created(201, present.term(request, category))


@router.delete(
    "/manage/{name}/categories/{slug}", response={204: None}, summary="Delete a category"
)
def remove(request: HttpRequest, name: str, slug: str) -> Created[Any]:
    blog, _membership = writer_blog(request, name, "posts")
    category = Category.objects.for_blog(blog).filter(slug=slug).first()
    if category is None:
        raise Problem("not-found", 404, _("There is no category at this address."))
    delete_category(category=category, by=require(request, "posts"))
    return Created(204, None)
