"""Building blocks for the back office (Wagtail admin) that every app's viewsets share.

* Office scoping: staff of an office see and change only their office's records;
  superusers and county staff (no office on their profile) see every office.
* Read-only viewsets for records nobody may edit, such as the audit log.
* Audited views: opening a record that holds personal data writes an audit entry.
"""

from django.core.exceptions import PermissionDenied
from django.db import models
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from huzheng.core.models import Office
from huzheng.core.services import for_staff, open_record, staff_office_ids


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Only "view" can ever be granted: no add, change or delete, whatever the groups say."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and super().user_has_permission(user, "view")


class OfficeScopedMixin:
    """For generic views of a model with an `office` field (or an Office itself)."""

    office_lookup = "office_id"
    # Records with no office (a holiday for every office) are listed for everyone but
    # opened only by staff who see every office.
    list_unscoped = False

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if queryset.model is not self.model:
            # The history view lists the record's log entries: get_object() below has
            # already kept the record itself within the staff member's office.
            return queryset
        return for_staff(
            queryset,
            self.request.user,
            self.office_lookup,
            include_unscoped=self.list_unscoped,
        )

    def get_object(self, *args, **kwargs):
        # Wagtail's edit/delete views take an optional queryset; its history and usage
        # views take none. Pass on whatever the base view was given.
        obj = super().get_object(*args, **kwargs)
        office_ids = staff_office_ids(self.request.user)
        # Wagtail's snippet add view has no object yet.
        if (
            obj is not None
            and office_ids is not None
            and _office_id(obj, self.office_lookup) not in office_ids
        ):
            raise PermissionDenied
        return obj

    def get_form(self, form_class=None):
        """Offer only the staff member's own office, and require one: only staff who
        see every office may file a record under another office or under none."""
        form = super().get_form(form_class)
        field = form.fields.get("office")
        office_ids = staff_office_ids(self.request.user)
        if field is not None and office_ids is not None:
            field.queryset = Office.objects.filter(pk__in=office_ids)
            field.required = True
            field.empty_label = None
        return form


class AuditedInspectView(OfficeScopedMixin, generic.InspectView):
    """Opening the record is a staff read of personal data: write it to the audit log."""

    def get(self, request, *args, **kwargs):
        open_record(request.user, self.object)
        return super().get(request, *args, **kwargs)


class OfficeScopedViewSet(ModelViewSet):
    """A ModelViewSet whose every view keeps staff within their own office."""

    office_lookup = "office_id"
    list_unscoped = False

    def formfield_for_dbfield(self, db_field, **kwargs):
        # An address typed without a scheme is https (Django 6's default, and what every
        # government site serves), which also keeps Django 5.2 from warning.
        if isinstance(db_field, models.URLField):
            kwargs.setdefault("assume_scheme", "https")
        return super().formfield_for_dbfield(db_field, **kwargs)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        attrs = {"office_lookup": self.office_lookup, "list_unscoped": self.list_unscoped}
        for attr in (
            "index_view_class",
            "add_view_class",
            "edit_view_class",
            "delete_view_class",
            "inspect_view_class",
            "copy_view_class",
            "history_view_class",
            "usage_view_class",
        ):
            base = getattr(self, attr)
            if not issubclass(base, OfficeScopedMixin):
                setattr(
                    self,
                    attr,
                    type(f"OfficeScoped{base.__name__}", (OfficeScopedMixin, base), attrs),
                )


def _office_id(obj, lookup):
    value = obj
    for part in lookup.split("__"):
        value = getattr(value, part)
    return value
