"""An authorization request (IndieAuth §5.2), checked before anything is shown or stored.

Two kinds of refusal, as OAuth 2.0 §4.1.2.1 requires: while the client or its redirect URI
is in doubt, the writer sees the error here (never a redirect to an unchecked address);
once both are sound, the app hears the error at its redirect URI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit, urlunsplit

from django.http import QueryDict
from django.utils.translation import gettext as _

from chaikhana.indieauth import clients, scopes

CHALLENGE = re.compile(r"^[A-Za-z0-9_-]{43,128}$")


class ShownError(Exception):
    """Shown to the writer; the app is not told (its redirect URI is not trusted)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class RedirectError(Exception):
    """Sent back to the app at its (checked) redirect URI as ?error=…&state=…."""

    def __init__(self, error: str, description: str) -> None:
        super().__init__(description)
        self.error, self.description = error, description


@dataclass(frozen=True)
class AuthRequest:
    client: clients.ClientInfo
    redirect_uri: str
    state: str
    code_challenge: str
    scopes: list[str]
    me: str

    def hidden_fields(self) -> dict[str, str]:
        """The request again, for the consent form to post back (and be checked again)."""
        return {
            "response_type": "code",
            "client_id": self.client.client_id,
            "redirect_uri": self.redirect_uri,
            "state": self.state,
            "code_challenge": self.code_challenge,
            "code_challenge_method": "S256",
            "scope": " ".join(self.scopes),
            "me": self.me,
        }


def redirect_to(uri: str, **params: str) -> str:
    """*uri* with *params* added to its query (keeping the query it had)."""
    parts = urlsplit(uri)
    query = "&".join(q for q in (parts.query, urlencode(params)) if q)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def parse(data: QueryDict) -> AuthRequest:
    client_id = data.get("client_id", "").strip()
    redirect_uri = data.get("redirect_uri", "").strip()
    if not clients.valid_client_id(client_id):
        raise ShownError(_("The app did not send a valid client_id (its web address)."))
    if not clients.valid_client_id(redirect_uri):  # the same shape is required of it
        raise ShownError(_("The app did not send a valid redirect_uri."))
    client = clients.client_info(client_id)
    if (
        not clients.same_origin(client_id, redirect_uri)
        and redirect_uri not in client.redirect_uris
    ):
        raise ShownError(
            _(
                "The app asks to be answered at %(redirect)s, which is not on its own site "
                "(%(client)s) and not among the addresses its site publishes. It may be "
                "an impostor: nothing was sent to it."
            )
            % {"redirect": redirect_uri, "client": client_id}
        )
    state = data.get("state", "")
    if data.get("response_type", "code") != "code":
        raise RedirectError("unsupported_response_type", _("Only response_type=code is supported."))
    challenge = data.get("code_challenge", "")
    if data.get("code_challenge_method") != "S256" or not CHALLENGE.match(challenge):
        raise RedirectError(
            "invalid_request",
            _("PKCE is required: send code_challenge with code_challenge_method=S256."),
        )
    if len(state) > 500:
        raise RedirectError("invalid_request", _("The state is too long."))
    return AuthRequest(
        client=client,
        redirect_uri=redirect_uri,
        state=state,
        code_challenge=challenge,
        scopes=scopes.parse(data.get("scope", "")),
        me=data.get("me", "").strip(),
    )
