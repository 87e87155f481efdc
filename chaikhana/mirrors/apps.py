"""Mirrors: static, signed copies of the public network for the day its address is blocked.

A listener app: it renders what an anonymous reader sees and imports the apps it copies;
nothing imports it.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MirrorsConfig(AppConfig):
    name = "chaikhana.mirrors"
    label = "mirrors"
    verbose_name = _("Mirrors")
