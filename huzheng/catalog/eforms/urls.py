"""E-forms (電子表單) under /forms/: include with path("forms/", include(...))."""

from django.urls import path

from huzheng.catalog.eforms import views as eform_views

app_name = "eforms"

urlpatterns = [
    path("", eform_views.form_list, name="list"),
    path("<slug:slug>/", eform_views.fill, name="fill"),
    path("<slug:slug>/blank.pdf", eform_views.blank_pdf, name="blank_pdf"),
    path("<slug:slug>/blank.odt", eform_views.blank_odt, name="blank_odt"),
]
