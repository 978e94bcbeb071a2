from django.urls import path

from huzheng.outreach import views

app_name = "outreach"

urlpatterns = [
    path("", views.checklist_index, name="checklists"),
    path("<slug:event>/", views.checklist, name="checklist"),
]
