"""The public look-up of official documents at /cases/documents/ (namespace documents)."""

from django.urls import path

from huzheng.feedback import document_views

app_name = "documents"

urlpatterns = [path("", document_views.lookup, name="lookup")]
