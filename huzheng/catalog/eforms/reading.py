"""Reading the e-form definition files (電子表單定義檔), one YAML file per form under
``catalog/data/eforms/`` (format in the README.md there), and checking everything before
a form is built: unknown keys, missing ones, wrong types, field kinds, paper widths,
choices, and field names or slugs given twice. Problems are collected, not raised one by
one, and each says file, line and key, so an office fixes its file in one pass. The YAML is
read as the catalog's is (``catalog.datafiles.reading``: safe loader, keys given twice
refused)."""

import dataclasses
import re
from pathlib import Path

from django.utils.translation import gettext as _

from huzheng.catalog.datafiles.reading import parse_yaml, place_of, yaml_files
from huzheng.catalog.eforms.schema import CHOICE, KINDS, ROW_WIDTH, Box, Choice, EForm, FormField
from huzheng.catalog.eforms.schema import Section as FormSection
from huzheng.core.freshness import file_changed_at

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "eforms"
FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]{0,49}$")
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
MAX_NUMBER = 100_000

# key: (required, type); the types are checked by _value(): "text" is a non-empty string,
# "line" any string (an empty hint), "name" a field name, "slug" a URL slug.
FORM_KEYS = {
    "slug": (True, "slug"),
    "title": (True, "text"),
    "title_en": (True, "text"),
    "service": (True, "slug"),
    "intro": (True, "text"),
    "intro_en": (True, "text"),
    "sections": (True, "list"),
    "boxes": (False, "list"),
    "notes": (False, "list"),
}
SECTION_KEYS = {"title": (True, "text"), "title_en": (True, "text"), "fields": (True, "list")}
FIELD_KEYS = {
    "name": (True, "name"),
    "label": (True, "text"),
    "label_en": (True, "text"),
    "kind": (False, "kind"),
    "required": (False, "bool"),
    "width": (False, "width"),
    "choices": (False, "list"),
    "help": (False, "line"),
    "help_en": (False, "line"),
    "allow_future": (False, "bool"),
    "max_length": (False, "number"),
    "max_value": (False, "number"),
    "autocomplete": (False, "line"),
}
CHOICE_KEYS = {"value": (True, "name"), "label": (True, "text"), "label_en": (True, "text")}
BOX_KEYS = {"label": (True, "text"), "label_en": (True, "text"), "tall": (False, "bool")}
NOTE_KEYS = {"text": (True, "text"), "text_en": (True, "text")}


class EFormFileError(Exception):
    """The files were refused; ``problems`` says where and why, one line each."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


def read_eforms(path=DEFAULT_PATH):
    """{slug: EForm} from a YAML file, or from every YAML file of a folder (in name order,
    which is the order forms are listed in); EFormFileError listing every problem."""
    problems, forms, places = [], {}, {}
    for file in yaml_files(Path(path), problems):
        document = parse_yaml(file, problems)
        if document is None:
            continue
        form = _form(document, file.name, problems)
        if form is None:
            continue
        form = dataclasses.replace(form, updated_at=file_changed_at(file))
        places.setdefault(form.slug, []).append(file.name)
        forms.setdefault(form.slug, form)
    for slug, files in places.items():
        if len(files) > 1:
            problems.append(
                _("The slug “%(slug)s” is used twice: %(places)s.")
                % {"slug": slug, "places": ", ".join(files)}
            )
    if problems:
        raise EFormFileError(problems)
    return forms


# --- One form ---------------------------------------------------------------------------


def _form(document, name, problems):
    slug = document.get("slug") if isinstance(document, dict) else None
    where = f"{name}, “{slug}”" if isinstance(slug, str) and slug else name
    values = _mapping(document, FORM_KEYS, where, problems)
    if values is None:
        return None
    sections = [
        _section(spec, where, n, problems)
        for n, spec in enumerate(values.get("sections") or [], start=1)
    ]
    _unique_names(sections, where, problems)
    boxes = [
        _row(spec, BOX_KEYS, f"{where}, {place_of(spec, n)}", problems)
        for n, spec in enumerate(values.get("boxes") or [], start=1)
    ]
    notes = [
        _row(spec, NOTE_KEYS, f"{where}, {place_of(spec, n)}", problems)
        for n, spec in enumerate(values.get("notes") or [], start=1)
    ]
    if None in sections or None in boxes or None in notes or not _complete(values, FORM_KEYS):
        return None
    extra = {"boxes": tuple(Box(**box) for box in boxes)} if "boxes" in values else {}
    return EForm(
        slug=values["slug"],
        title=values["title"],
        title_en=values["title_en"],
        service_slug=values["service"],
        intro=values["intro"],
        intro_en=values["intro_en"],
        sections=tuple(sections),
        notes=tuple((note["text"], note["text_en"]) for note in notes),
        **extra,
    )


def _section(spec, form, number, problems):
    # Lines count from the top of the file, so a place names the form and one line.
    values = _mapping(spec, SECTION_KEYS, f"{form}, {place_of(spec, number)}", problems)
    if values is None:
        return None
    fields = [
        _field(field, form, n, problems)
        for n, field in enumerate(values.get("fields") or [], start=1)
    ]
    if None in fields or not _complete(values, SECTION_KEYS):
        return None
    return FormSection(values["title"], values["title_en"], tuple(fields))


def _field(spec, form, number, problems):
    where = f"{form}, {place_of(spec, number)}"
    name = spec.get("name") if isinstance(spec, dict) else None
    if isinstance(name, str) and name:
        where = f"{where}, “{name}”"
    values = _mapping(spec, FIELD_KEYS, where, problems)
    if values is None:
        return None
    choices = [
        _row(choice, CHOICE_KEYS, f"{form}, {place_of(choice, n)}", problems)
        for n, choice in enumerate(values.pop("choices", None) or [], start=1)
    ]
    if "kind" in spec and "kind" not in values:
        return None  # the unknown kind is listed already
    if (values.get("kind") == CHOICE) != bool(choices):
        problems.append(
            _("%(where)s: choices go with the kind “choice”, and only there.") % {"where": where}
        )
        return None
    if None in choices or not _complete(values, FIELD_KEYS):
        return None
    return FormField(**values, choices=tuple(Choice(**choice) for choice in choices))


def _row(spec, keys, where, problems):
    values = _mapping(spec, keys, where, problems)
    return values if values is not None and _complete(values, keys) else None


def _unique_names(sections, where, problems):
    seen = set()
    for section in sections:
        for field in section.fields if section else ():
            if field.name in seen:
                problems.append(
                    _("%(where)s: the field name “%(name)s” is used twice.")
                    % {"where": where, "name": field.name}
                )
            seen.add(field.name)


# --- Checking values --------------------------------------------------------------------


def _mapping(spec, keys, where, problems):
    """The mapping's checked values by key (a missing optional key left out), or None when
    it is not a mapping; every problem is listed."""
    if not isinstance(spec, dict):
        problems.append(_("%(where)s: must be a mapping of fields.") % {"where": where})
        return None
    values = {}
    for key, value in spec.items():
        if key not in keys:
            problems.append(_("%(where)s: unknown field “%(key)s”.") % {"where": where, "key": key})
            continue
        checked = _value(value, keys[key][1], key, where, problems)
        if checked is not None:
            values[key] = checked
    for key, (required, _kind) in keys.items():
        if required and key not in spec:
            problems.append(_("%(where)s: “%(key)s” is missing.") % {"where": where, "key": key})
    return values


def _value(value, kind, key, where, problems):
    """The value if it is of its kind, else None with the problem listed."""
    at = {"where": where, "key": key}
    if kind == "list":
        if isinstance(value, list) and value:
            return value
        problems.append(_("%(where)s: “%(key)s” must be a list.") % at)
    elif kind == "bool":
        if isinstance(value, bool):
            return value
        problems.append(_("%(where)s: “%(key)s” must be true or false.") % at)
    elif kind in ("width", "number"):
        low, high = (1, ROW_WIDTH) if kind == "width" else (1, MAX_NUMBER)
        if type(value) is int and low <= value <= high:
            return value
        problems.append(
            _("%(where)s: “%(key)s” must be a whole number from %(min)s to %(max)s.")
            % {**at, "min": low, "max": high}
        )
    elif kind == "kind":
        if value in KINDS:
            return value
        problems.append(
            _("%(where)s: unknown kind “%(kind)s” (expected one of %(kinds)s).")
            % {"where": where, "kind": value, "kinds": ", ".join(KINDS)}
        )
    elif not isinstance(value, str) or (kind != "line" and not value.strip()):
        problems.append(_("%(where)s: “%(key)s” must be text.") % at)
    elif kind == "name" and not FIELD_NAME.fullmatch(value):
        problems.append(
            _(
                "%(where)s: “%(key)s” must be lower-case letters, digits and _, "
                "starting with a letter."
            )
            % at
        )
    elif kind == "slug" and not SLUG.fullmatch(value):
        problems.append(_("%(where)s: “%(key)s” must be lower-case letters, digits and -.") % at)
    else:
        return value
    return None


def _complete(values, keys):
    """Every required key has a good value."""
    return all(key in values for key, (required, _kind) in keys.items() if required)
