"""Comment pages in the dashboard (/dashboard/…), included by chaikhana/urls.py."""

from django.urls import path

from chaikhana.comments.views import moderation, notifications

app_name = "comments"

BLOG = "@<blogname:blog>/comments/"

urlpatterns = [
    path(BLOG, moderation.queue, name="queue"),
    path(BLOG + "settings/", moderation.comment_settings, name="settings"),
    path(BLOG + "<int:comment_id>/reply/", moderation.reply, name="reply"),
    path("notifications/read/", notifications.mark_read, name="notifications_read"),
]
