"""The office page's staff phone list now comes from the staff profiles (core.StaffProfile),
which the case query also uses. Each hand-typed line (site.StaffContact) whose name matches
a staff member of the page's office gives that profile its phone (with the extension) and
duties where the profile has none; the profile wins where both have one. Lines that match
nobody are dropped with the table, and the lines are taken out of the pages' saved
revisions too, so no copy of the old list stays behind."""

from django.conf import settings
from django.db import migrations


def _office_of_page(page, sites, site_offices, default_office_id):
    """The office of the site whose root holds the page (the deepest one)."""
    holding = [site for site in sites if page.path.startswith(site.root_page.path)]
    if holding:
        site = max(holding, key=lambda s: len(s.root_page.path))
        if site_offices.get(site.pk):
            return site_offices[site.pk]
    return default_office_id


def _names(user):
    first, last = (user.first_name or "").strip(), (user.last_name or "").strip()
    return {f"{last}{first}", f"{first}{last}", f"{first} {last}".strip(), user.username} - {""}


def _squeeze(text):
    return "".join(str(text or "").split())


def move_contacts_to_profiles(apps, schema_editor):
    StaffContact = apps.get_model("site", "StaffContact")
    AgencyPage = apps.get_model("site", "AgencyPage")
    SiteSettings = apps.get_model("site", "SiteSettings")
    Site = apps.get_model("wagtailcore", "Site")
    Revision = apps.get_model("wagtailcore", "Revision")
    Office = apps.get_model("core", "Office")
    StaffProfile = apps.get_model("core", "StaffProfile")

    sites = list(Site.objects.select_related("root_page"))
    site_offices = dict(SiteSettings.objects.values_list("site_id", "office_id"))
    default = Office.objects.filter(code=settings.HUZHENG_DEFAULT_OFFICE).first()
    default_office_id = default.pk if default else None
    for contact in StaffContact.objects.select_related("page").order_by("page_id", "sort_order"):
        office_id = _office_of_page(contact.page, sites, site_offices, default_office_id)
        if office_id is None:
            continue
        wanted = _squeeze(contact.name)
        for profile in StaffProfile.objects.filter(office_id=office_id).select_related("user"):
            if wanted not in {_squeeze(name) for name in _names(profile.user)}:
                continue
            changed = []
            if not profile.phone:
                extension = (contact.extension or "").strip()
                profile.phone = f"{contact.phone}#{extension}" if extension else contact.phone
                changed.append("phone")
            if not profile.duties:
                profile.duties = (contact.duties or "")[:200]
                changed.append("duties")
            if changed:
                profile.save(update_fields=changed)
            break

    page_ids = [str(pk) for pk in AgencyPage.objects.values_list("pk", flat=True)]
    revisions = Revision.objects.filter(
        base_content_type__app_label="wagtailcore",
        base_content_type__model="page",
        object_id__in=page_ids,
    )
    for revision in revisions:
        content = revision.content
        if isinstance(content, dict) and "staff_contacts" in content:
            content.pop("staff_contacts")
            revision.content = content
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0007_office_updated_at_staff_phone_help"),
        ("site", "0004_facts_sources"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.RunPython(move_contacts_to_profiles, migrations.RunPython.noop),
        migrations.DeleteModel(name="StaffContact"),
    ]
