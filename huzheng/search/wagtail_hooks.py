"""Search in the back office (搜尋管理): the synonym table, the best bets, and the
searches that found nothing or whose results nobody followed, each with a one-step
"add a synonym" / "add a best bet". Every save goes through services (audit, cache)."""

from urllib.parse import urlencode

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import CreateView, DeleteView, EditView
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from huzheng.search import services, usage
from huzheng.search.models import BestBet, QueryStat, Synonym


class _ServiceForm(WagtailAdminModelForm):
    """Checks with the service's own rules, so a refused edit shows on the form."""

    save_function = None
    check_function = None
    fields_for_service = ()

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            try:
                type(self).check_function(**self._arguments(cleaned))
            except services.EditError as error:
                self.add_error(error.field, str(error))
        return cleaned

    def _arguments(self, cleaned):
        arguments = {name: cleaned.get(name) for name in self.fields_for_service}
        key = self._meta.model._meta.model_name
        arguments["best_bet" if key == "bestbet" else key] = (
            self._meta.model.objects.get(pk=self.instance.pk) if self.instance.pk else None
        )
        return arguments


class SynonymForm(_ServiceForm):
    save_function = staticmethod(services.save_synonym)
    check_function = staticmethod(services.check_synonym)
    fields_for_service = ("phrase", "means", "note")

    class Meta:
        model = Synonym
        fields = ["phrase", "means", "note"]


class BestBetForm(_ServiceForm):
    save_function = staticmethod(services.save_best_bet)
    check_function = staticmethod(services.check_best_bet)
    fields_for_service = ("query", "url", "position")

    class Meta:
        model = BestBet
        fields = ["query", "url", "position"]


class _ServiceSave:
    def get_initial(self):
        initial = super().get_initial()
        for name in self.form_class_fields:
            if name in self.request.GET:
                initial[name] = self.request.GET[name][:200]
        return initial

    def save_instance(self):
        form = self.form
        return type(form).save_function(self.request.user, **form._arguments(form.cleaned_data))


class _Create(_ServiceSave, CreateView):
    pass


class _Edit(_ServiceSave, EditView):
    pass


class _Delete(DeleteView):
    def delete_action(self):
        services.delete_edit(self.request.user, self.object)


class SynonymViewSet(ModelViewSet):
    model = Synonym
    form_fields = ["phrase", "means", "note"]
    icon = "resubmit"
    menu_label = _("Synonyms")
    list_display = ["phrase", "means", "note"]
    search_fields = ["phrase", "means"]
    add_view_class = type("SynonymCreate", (_Create,), {"form_class_fields": ("phrase", "means")})
    edit_view_class = type("SynonymEdit", (_Edit,), {"form_class_fields": ()})
    delete_view_class = _Delete
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_form_class(self, for_update=False):
        return SynonymForm


class BestBetViewSet(ModelViewSet):
    model = BestBet
    form_fields = ["query", "url", "position"]
    icon = "pick"
    menu_label = _("Best bets")
    list_display = ["query", "url", "position"]
    search_fields = ["query", "url"]
    add_view_class = type("BestBetCreate", (_Create,), {"form_class_fields": ("query", "url")})
    edit_view_class = type("BestBetEdit", (_Edit,), {"form_class_fields": ()})
    delete_view_class = _Delete
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_form_class(self, for_update=False):
        return BestBetForm


class UnansweredSearchesView(ReportView):
    """Searches of the last 30 days that found nothing or were not followed."""

    page_title = _("Searches without an answer")
    header_icon = "search"
    results_template_name = "search/admin/unanswered_results.html"
    index_url_name = "search_unanswered"
    index_results_url_name = "search_unanswered_results"
    permission_policy = ModelPermissionPolicy(QueryStat)
    permission_required = "view"
    paginate_by = 50

    def get_queryset(self):
        return usage.unanswered_queries()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        for row in context["object_list"]:
            row["synonym_url"] = _add_url("synonym", {"phrase": row["query"]})
            row["best_bet_url"] = _add_url("bestbet", {"query": row["query"]})
            row["search_url"] = reverse("search:search") + "?" + urlencode({"q": row["query"]})
        return context


class SearchGroup(ViewSetGroup):
    menu_label = _("Search")
    menu_icon = "search"
    menu_order = 260
    items = (SynonymViewSet("search_synonyms"), BestBetViewSet("search_best_bets"))


class UnansweredMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("search.view_querystat")


@hooks.register("register_admin_viewset")
def register_search_admin():
    return SearchGroup()


@hooks.register("register_admin_urls")
def register_unanswered_url():
    return [
        path(
            "search/unanswered/",
            UnansweredSearchesView.as_view(),
            name="search_unanswered",
        ),
        path(
            "search/unanswered/results/",
            UnansweredSearchesView.as_view(results_only=True),
            name="search_unanswered_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_unanswered_menu_item():
    return UnansweredMenuItem(
        _("Searches without an answer"),
        reverse("search_unanswered"),
        icon_name="search",
        order=720,
    )


def _add_url(model, values):
    name = {"synonym": "search_synonyms:add", "bestbet": "search_best_bets:add"}[model]
    return reverse(name) + "?" + urlencode(values)
