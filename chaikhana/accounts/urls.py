"""Account pages: /accounts/…"""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import include, path, reverse_lazy

from chaikhana.accounts import app_password_views, views
from chaikhana.accounts.forms import ThrottledLoginForm, ThrottledPasswordResetForm
from chaikhana.accounts.twofactor.views import LoginView

app_name = "accounts"

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path(
        "login/",
        LoginView.as_view(  # asks for a second factor when she has one (accounts/twofactor)
            authentication_form=ThrottledLoginForm,
            template_name="accounts/login.html",
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    # Django's LogoutView answers POST only: a link or an image cannot log anyone out.
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("2fa/", include("chaikhana.accounts.twofactor.urls")),
    path("profile/", views.profile, name="profile"),
    path("email/<str:token>/", views.email_confirm, name="email_confirm"),
    path("delete/", views.delete, name="delete"),
    path("app-passwords/", app_password_views.app_passwords, name="app_passwords"),
    path(
        "app-passwords/<int:pk>/revoke/",
        app_password_views.revoke,
        name="app_password_revoke",
    ),
    path(
        "password/change/",
        auth_views.PasswordChangeView.as_view(
            success_url=reverse_lazy("accounts:password_change_done")
        ),
        name="password_change",
    ),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "password/reset/",
        auth_views.PasswordResetView.as_view(
            form_class=ThrottledPasswordResetForm,  # a few mails per mailbox and address
            success_url=reverse_lazy("accounts:password_reset_done"),
            # django.contrib.auth ships registration/password_reset_subject.txt and is
            # installed first, so ours lives under accounts/ to be found.
            subject_template_name="accounts/password_reset_subject.txt",
            extra_email_context={"site_name": settings.NETWORK_NAME},
        ),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            success_url=reverse_lazy("accounts:password_reset_complete")
        ),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
