"""Back-office URLs of the staff room, mounted under /admin/staffroom/ by wagtail_hooks."""

from django.urls import path

from huzheng.staffroom import admin_views

app_name = "staffroom"

urlpatterns = [
    path("", admin_views.home, name="home"),
    path("qa/<int:pk>/publish/", admin_views.publish_qa, name="publish_qa"),
    path("qa/<int:pk>/versions/", admin_views.qa_versions, name="qa_versions"),
    path("tests/<int:pk>/", admin_views.take_test, name="take_test"),
    path("tests/<int:pk>/results/", admin_views.test_results, name="test_results"),
    path("record/", admin_views.my_record, name="record"),
    path("vote/<int:pk>/", admin_views.vote, name="vote"),
    path("proposals/", admin_views.proposals, name="proposals"),
    path("proposals/new/", admin_views.new_proposal, name="new_proposal"),
    path("proposals/<int:pk>/", admin_views.proposal, name="proposal"),
]
