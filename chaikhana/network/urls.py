"""Staff pages: /network/…"""

from django.urls import path

from chaikhana.network.views import audit

app_name = "network"

urlpatterns = [
    path("audit/", audit.audit_log, name="audit"),
]
