from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "chaikhana.core"
    label = "core"
