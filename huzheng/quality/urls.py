from django.urls import path

from huzheng.quality import views

app_name = "quality"

urlpatterns = [
    path("", views.plan_list, name="plans"),
    path("<int:roc_year>/", views.plan_detail, name="plan"),
    path("<int:roc_year>/plan.pdf", views.plan_pdf, name="plan_pdf"),
    path(
        "<int:roc_year>/indicators.csv",
        views.plan_indicators,
        {"fmt": "csv"},
        name="plan_indicators_csv",
    ),
    path(
        "<int:roc_year>/indicators.json",
        views.plan_indicators,
        {"fmt": "json"},
        name="plan_indicators_json",
    ),
]
