"""Staff pages for house numbers (門牌管理): find roads and numbers of the staff's office,
read a number's history, and record a new number (初編/增編), a renumbering (改編) or an
abolition (廢止). Every change goes through the services in housenumbers.changes, which write
the public history and the audit log; nothing here edits an address directly."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from huzheng.addresses import housenumbers
from huzheng.addresses.models import HouseNumber, Road, Village
from huzheng.core.models import Office
from huzheng.core.roc import RocDateField
from huzheng.core.services import for_staff, staff_office_ids

VIEW_PERMISSION = "addresses.view_housenumber"
CHANGE_PERMISSION = "addresses.change_housenumber"
PAGE_SIZE = 50
PART_FIELDS = ("area", "lane", "alley", "sublane", "number", "floor")


# ---------------------------------------------------------------------------------------
# Forms (the rules are in housenumbers.changes; these only parse)


class HouseNumberFilterForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Address"),
        required=False,
        max_length=housenumbers.MAX_QUERY_LENGTH,
        help_text=gettext_lazy("For example 中正路5號; 台 or 臺 and full-width digits both work."),
    )
    village = forms.ModelChoiceField(
        label=gettext_lazy("Village"),
        queryset=Village.objects.none(),
        required=False,
        empty_label=gettext_lazy("All villages"),
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=[("", gettext_lazy("Any status")), *HouseNumber.Status.choices],
        required=False,
    )
    road = forms.ModelChoiceField(
        queryset=Road.objects.none(), required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = _villages(user)
        self.fields["road"].queryset = _roads(user)


class _PartsForm(forms.Form):
    """Where a number is and what it reads: village, 鄰, road or area, 巷, 弄, 衖, 號, 樓."""

    village = forms.ModelChoiceField(label=gettext_lazy("Village"), queryset=Village.objects.none())
    neighbourhood = forms.IntegerField(
        label=gettext_lazy("Neighbourhood (鄰)"), required=False, min_value=1, max_value=999
    )
    road = forms.ModelChoiceField(
        label=gettext_lazy("Road (街路段)"),
        queryset=Road.objects.none(),
        required=False,
        help_text=gettext_lazy("Leave empty where numbers follow an area name."),
    )
    area = forms.CharField(
        label=gettext_lazy("Area (地區)"),
        max_length=40,
        required=False,
        help_text=gettext_lazy("Only where there is no road, for example 湖西."),
    )
    lane = forms.CharField(label=gettext_lazy("Lane (巷)"), max_length=20, required=False)
    alley = forms.CharField(label=gettext_lazy("Alley (弄)"), max_length=20, required=False)
    sublane = forms.CharField(label=gettext_lazy("Passage (衖)"), max_length=20, required=False)
    number = forms.CharField(
        label=gettext_lazy("Number (號)"),
        max_length=20,
        help_text=gettext_lazy("For example 12 or 12之1."),
    )
    floor = forms.CharField(label=gettext_lazy("Floor (樓)"), max_length=20, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = _villages(user)
        self.fields["road"].queryset = _roads(user)


class _ChangeFields(forms.Form):
    on = RocDateField(label=gettext_lazy("Date of the change"), allow_future=False)
    note = forms.CharField(
        label=gettext_lazy("Note"),
        max_length=housenumbers.MAX_NOTE_LENGTH,
        required=False,
        help_text=gettext_lazy("Shown in the public history, for example the approval letter."),
    )


class AssignForm(_PartsForm, _ChangeFields):
    pass


class RenumberForm(_PartsForm, _ChangeFields):
    pass


class AbolishForm(_ChangeFields):
    pass


# ---------------------------------------------------------------------------------------
# Views


class _StaffView(WagtailAdminTemplateMixin, View):
    permission = VIEW_PERMISSION
    header_icon = "home"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("addresses_houses:list"), "label": _("House numbers")},
            {"url": "", "label": self.get_page_title()},
        ]


class HouseNumberListView(_StaffView):
    """House numbers of the staff's office, found by address, village, road or status."""

    template_name = "addresses/admin/house_list.html"
    page_title = gettext_lazy("House numbers")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get(self, request):
        form = HouseNumberFilterForm(request.GET or None, user=request.user)
        houses, error, page = [], "", None
        if form.is_bound and not form.is_valid():
            houses = []
        else:
            data = form.cleaned_data if form.is_bound else {}
            query = data.get("q") or ""
            if query:
                try:
                    houses = self._search(request.user, query, data)
                except housenumbers.AddressQueryError as exc:
                    error = exc.message
            else:
                queryset = _houses(request.user)
                for name in ("village", "road", "status"):
                    if data.get(name):
                        queryset = queryset.filter(**{name: data[name]})
                page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("p"))
                houses = list(page.object_list)
        context = self.get_context_data(
            form=form,
            error=error,
            page=page,
            rows=[(house, housenumbers.full_address(house)) for house in houses],
            may_change=request.user.has_perm(CHANGE_PERMISSION),
            filters=_filters_without_page(request),
        )
        return self.render_to_response(context, status=400 if error else 200)

    def _search(self, user, query, data):
        office_ids = staff_office_ids(user)
        if office_ids is not None and len(office_ids) != 1:
            return []
        office = Office.objects.get(pk=next(iter(office_ids))) if office_ids else None
        found = housenumbers.search(query, office=office, limit=housenumbers.MAX_LIMIT)
        for name in ("village", "road"):
            if data.get(name):
                found = [h for h in found if getattr(h, name + "_id") == data[name].pk]
        if data.get("status"):
            found = [h for h in found if h.status == data["status"]]
        return found


class RoadListView(_StaffView):
    """The roads (街路段) of the staff's office, with how many numbers each has."""

    template_name = "addresses/admin/house_roads.html"
    page_title = gettext_lazy("Roads")

    def get(self, request):
        roads = _roads(request.user).annotate(
            in_use=Count(
                "house_numbers", filter=Q(house_numbers__status=HouseNumber.Status.CURRENT)
            ),
            total=Count("house_numbers"),
        )
        query = housenumbers.normalise(request.GET.get("q", "")[: housenumbers.MAX_QUERY_LENGTH])
        if query:
            roads = roads.filter(key__contains=query)
        page = Paginator(
            roads.select_related("office").order_by("name", "section", "pk"), PAGE_SIZE
        ).get_page(request.GET.get("p"))
        context = self.get_context_data(
            page=page,
            query=request.GET.get("q", "")[: housenumbers.MAX_QUERY_LENGTH],
            many_offices=staff_office_ids(request.user) is None,
        )
        return self.render_to_response(context)


class HouseNumberDetailView(_StaffView):
    """One house number with its history (初編, 改編, 增編, 廢止) in ROC dates."""

    template_name = "addresses/admin/house_detail.html"

    def get(self, request, pk):
        house = _house(request.user, pk)
        self.page_title = housenumbers.full_address(house)
        context = self.get_context_data(
            house=house,
            address=housenumbers.full_address(house),
            events=house.events.all(),
            may_change=request.user.has_perm(CHANGE_PERMISSION),
        )
        return self.render_to_response(context)


class _ChangeView(_StaffView):
    permission = CHANGE_PERMISSION
    template_name = "addresses/admin/house_form.html"
    form_class = None
    submit_label = ""

    def get(self, request, pk=None):
        house = _house(request.user, pk) if pk is not None else None
        form = self.form_class(initial=self.initial(house), **self.form_kwargs())
        return self.render_form(house, form)

    def post(self, request, pk=None):
        house = _house(request.user, pk) if pk is not None else None
        form = self.form_class(request.POST, **self.form_kwargs())
        if form.is_valid():
            try:
                house = self.change(house, form.cleaned_data)
            except housenumbers.HouseNumberChangeError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, self.done_message(house))
                return redirect("addresses_houses:detail", house.pk)
        return self.render_form(house, form, status=400)

    def render_form(self, house, form, status=200):
        context = self.get_context_data(
            form=form,
            house=house,
            address=housenumbers.full_address(house) if house else "",
            submit_label=self.submit_label,
        )
        return self.render_to_response(context, status=status)

    def form_kwargs(self):
        return {"user": self.request.user}

    def initial(self, house):
        return {}


class AssignView(_ChangeView):
    """A new house number (初編 or 增編)."""

    form_class = AssignForm
    page_title = gettext_lazy("Assign a house number")
    submit_label = gettext_lazy("Assign the number")

    def initial(self, house):
        village = self.request.GET.get("village", "")
        return {"village": village} if village.isdigit() else {}

    def change(self, house, data):
        village = data["village"]
        return housenumbers.assign_number(
            village.office,
            village,
            data["neighbourhood"],
            data["road"],
            data["lane"],
            data["alley"],
            data["number"],
            data["on"],
            data["note"],
            area=data["area"],
            sublane=data["sublane"],
            floor=data["floor"],
            user=self.request.user,
        )

    def done_message(self, house):
        kind = house.events.last().get_kind_display()
        return _("%(address)s recorded (%(kind)s).") % {
            "address": housenumbers.full_address(house),
            "kind": kind,
        }


class RenumberView(_ChangeView):
    """A new address for an existing number (改編); the old one stays in its history."""

    form_class = RenumberForm
    page_title = gettext_lazy("Renumber a house number")
    submit_label = gettext_lazy("Renumber")

    def initial(self, house):
        values = {name: getattr(house, name) for name in PART_FIELDS}
        values["village"] = house.village_id
        values["road"] = house.road_id
        values["neighbourhood"] = house.neighbourhood.number if house.neighbourhood_id else None
        return values

    def change(self, house, data):
        parts = {name: data[name] for name in ("village", "neighbourhood", "road", *PART_FIELDS)}
        return housenumbers.renumber(house, parts, data["on"], data["note"], user=self.request.user)

    def done_message(self, house):
        return _("Renumbered: now %(address)s.") % {"address": housenumbers.full_address(house)}


class AbolishView(_ChangeView):
    """Abolish a number (廢止); it stays on record with its history."""

    form_class = AbolishForm
    page_title = gettext_lazy("Abolish a house number")
    submit_label = gettext_lazy("Abolish the number")

    def form_kwargs(self):
        return {}

    def change(self, house, data):
        return housenumbers.abolish(house, data["on"], data["note"], user=self.request.user)

    def done_message(self, house):
        return _("%(address)s abolished.") % {"address": housenumbers.full_address(house)}


# ---------------------------------------------------------------------------------------
# Helpers


def _scoped(queryset, user, lookup):
    return for_staff(queryset, user, lookup)


def _villages(user):
    return _scoped(Village.objects.select_related("office"), user, "office_id")


def _roads(user):
    return _scoped(Road.objects.all(), user, "office_id")


def _houses(user):
    houses = HouseNumber.objects.select_related("office", "village", "neighbourhood", "road")
    return _scoped(houses, user, "office_id")


def _house(user, pk):
    """The house number if it is the staff's office's; another office's is not found."""
    return get_object_or_404(_houses(user), pk=pk)


def _add_errors(form, exc):
    for field, errors in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def _filters_without_page(request):
    query = request.GET.copy()
    query.pop("p", None)
    return query.urlencode()
