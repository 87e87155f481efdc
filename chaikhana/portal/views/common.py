"""What the portal's signed-in views share."""

from django.http import HttpRequest

from chaikhana.accounts.models import User


class AuthedRequest(HttpRequest):
    """A request behind @login_required: its user is a real account (django-stubs idiom)."""

    user: User
