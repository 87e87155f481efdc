"""Two-factor pages, under /accounts/2fa/ (included by accounts/urls.py)."""

from django.urls import path

from chaikhana.accounts.twofactor import views

urlpatterns = [
    path("", views.manage, name="twofactor"),
    path("verify/", views.verify, name="twofactor_verify"),
    path("disable/", views.disable, name="twofactor_disable"),
    path("recovery-codes/", views.new_recovery_codes, name="twofactor_recovery_codes"),
]
