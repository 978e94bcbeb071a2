"""Reading the catalog's data files (目錄資料檔) and checking every row before anything is
written: unknown fields, wrong types, what the models refuse (lengths, choices, numbers,
phone numbers), document conditions that name no question, and repeated slugs, question
keys or fine lines. Problems are collected, not raised one by one, so an office fixes its
file in one pass; nothing here touches the database's rows.
"""

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from huzheng.catalog.models import (
    Category,
    ChecklistQuestion,
    Fee,
    FineRule,
    ProcessStep,
    RegistrationService,
    RequiredDocument,
    ServiceContact,
)

# The catalog this project ships (the demo office's), one YAML file per category.
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data"
# A whole catalog is about 200 kB; anything far bigger is not a catalog.
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_FILES = 100
SUFFIXES = (".yaml", ".yml")
# `shared` holds the pieces services reuse through YAML anchors; it is not loaded itself.
TOP_LEVEL_KEYS = ("shared", "services", "fine_rules", "contacts")
# The inline lists of a service, as the files name them.
INLINES = {
    "documents": RequiredDocument,
    "fees": Fee,
    "steps": ProcessStep,
    "questions": ChecklistQuestion,
}
# Text fields the files keep as lists, one line each.
LINE_FIELDS = ("legal_references", "sources", "unverified")
ANSWERS = ("yes", "no")


class CatalogFileError(Exception):
    """The files were refused; ``problems`` says where and why, one line each."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass
class ServiceSpec:
    """One service as the files describe it: its own fields, and its inline rows."""

    fields: dict
    inlines: dict
    where: str = ""

    @property
    def slug(self):
        return self.fields["slug"]


@dataclass
class CatalogData:
    """A checked catalog, ready for ``load_catalog``."""

    services: list = field(default_factory=list)
    fine_rules: list = field(default_factory=list)
    # The office whose contacts the files give ("" when they give none), and who answers
    # for each category there: {category: {"title": …, "phone": …}}.
    contacts_office: str = ""
    contacts: dict = field(default_factory=dict)


def read_catalog(path=DEFAULT_PATH):
    """The catalog in a YAML file, or in every YAML file of a folder (in name order);
    CatalogFileError listing every problem when anything is wrong."""
    path = Path(path)
    problems = []
    catalog = CatalogData()
    files = yaml_files(path, problems)
    for file in files:
        document = parse_yaml(file, problems)
        if document is not None:
            _read_document(document, file.name, catalog, problems)
    if files and not problems and not catalog.services and not catalog.fine_rules:
        problems.append(_("The files hold no services and no fine rules."))
    _check_across(catalog, problems)
    if problems:
        raise CatalogFileError(problems)
    return catalog


# --- Files ----------------------------------------------------------------------------------


def yaml_files(path, problems):
    """The YAML files of a folder (in name order), or the one file named; a problem for
    anything else."""
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix in SUFFIXES and p.is_file())
        if not files:
            problems.append(_("%(path)s: no .yaml files in this folder.") % {"path": path})
        elif len(files) > MAX_FILES:
            problems.append(
                _("%(path)s: more than %(max)s files.") % {"path": path, "max": MAX_FILES}
            )
            files = []
        return files
    if not path.is_file():
        problems.append(_("%(path)s: no such file or folder.") % {"path": path})
        return []
    return [path]


def parse_yaml(file, problems):
    """The file's YAML (mappings knowing their line), or None with the problem listed."""
    if file.stat().st_size > MAX_FILE_BYTES:
        problems.append(
            _("%(file)s: the file is larger than %(max)s MB.")
            % {"file": file.name, "max": MAX_FILE_BYTES // (1024 * 1024)}
        )
        return None
    try:
        text = file.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.append(_("%(file)s: the file is not UTF-8 text.") % {"file": file.name})
        return None
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader, see below
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else "?"
        reason = getattr(error, "problem", None) or str(error)
        problems.append(
            _("%(file)s, line %(line)s: not valid YAML (%(reason)s).")
            % {"file": file.name, "line": line, "reason": reason}
        )
        return None


class _Mapping(dict):
    """A mapping that remembers the line it starts on, for the problem messages."""

    line = 0


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader (no Python objects), whose mappings know their line and refuse
    a key given twice (PyYAML would silently keep the last)."""


def _construct_mapping(loader, node):
    mapping = _Mapping()
    mapping.line = node.start_mark.line + 1
    yield mapping
    seen = set()
    for key_node, _value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            continue  # `<<: *piece` then a key of its own overrides the piece's: allowed
        key = loader.construct_object(key_node)
        if isinstance(key, str) and key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key {key!r} is given twice", key_node.start_mark
            )
        seen.add(key)
    mapping.update(loader.construct_mapping(node))


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


# --- Documents ------------------------------------------------------------------------------


def _read_document(document, name, catalog, problems):
    if not isinstance(document, dict):
        problems.append(
            _("%(file)s: the file must be a mapping with the keys %(keys)s.")
            % {"file": name, "keys": ", ".join(TOP_LEVEL_KEYS)}
        )
        return
    for key in document:
        if key not in TOP_LEVEL_KEYS:
            problems.append(
                _("%(file)s: unknown key “%(key)s” (expected %(keys)s).")
                % {"file": name, "key": key, "keys": ", ".join(TOP_LEVEL_KEYS)}
            )
    for number, spec in enumerate(_list(document, "services", name, problems), start=1):
        service = _read_service(spec, f"{name}, {place_of(spec, number)}", problems)
        if service is not None:
            catalog.services.append(service)
    for number, spec in enumerate(_list(document, "fine_rules", name, problems), start=1):
        rule = _read_fine_rule(spec, f"{name}, {place_of(spec, number)}", problems)
        if rule is not None:
            catalog.fine_rules.append(rule)
    if "contacts" in document:
        if catalog.contacts_office:
            problems.append(_("%(file)s: contacts are given in two files.") % {"file": name})
        else:
            _read_contacts(document["contacts"], name, catalog, problems)


def _list(document, key, name, problems):
    value = document.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(_("%(file)s: “%(key)s” must be a list.") % {"file": name, "key": key})
        return []
    return value


def place_of(spec, number):
    """Where a row of a list stands, for a problem message: its line, else its number."""
    line = getattr(spec, "line", 0)
    return (_("line %(line)s") % {"line": line}) if line else (_("item %(n)s") % {"n": number})


def _read_service(spec, where, problems):
    if not isinstance(spec, dict):
        problems.append(_("%(where)s: a service must be a mapping of fields.") % {"where": where})
        return None
    if isinstance(spec.get("slug"), str):
        where = f"{where}, “{spec['slug']}”"
    fields, inlines = {}, {}
    allowed = _field_names(RegistrationService)
    for key, value in spec.items():
        if key in INLINES:
            inlines[key] = _read_inline(key, value, where, problems)
        elif key in LINE_FIELDS:
            fields[key] = _lines(key, value, where, problems)
        elif key not in allowed:
            problems.append(_unknown(where, key))
        elif _scalar(key, value, where, problems):
            fields[key] = value
    if not isinstance(spec.get("slug"), str):
        problems.append(_("%(where)s: the service has no slug.") % {"where": where})
        return None
    if fields.get("appointment_minutes") is not None and not fields.get(
        "appointment_minutes_source"
    ):
        problems.append(
            _(
                "%(where)s: appointment_minutes needs appointment_minutes_source, where "
                "the figure comes from."
            )
            % {"where": where}
        )
    _clean(RegistrationService(**fields), where, problems, validate_unique=False)
    service = ServiceSpec(fields, {k: v for k, v in inlines.items() if v is not None}, where)
    _check_questions(service, problems)
    return service


def _read_inline(relation, value, where, problems):
    if not isinstance(value, list):
        problems.append(
            _("%(where)s: “%(key)s” must be a list.") % {"where": where, "key": relation}
        )
        return None
    model = INLINES[relation]
    allowed = _field_names(model)
    rows = []
    for number, item in enumerate(value, start=1):
        at = f"{where}, {relation} {number}"
        if not isinstance(item, dict):
            problems.append(_("%(where)s: must be a mapping of fields.") % {"where": at})
            continue
        row = {}
        for key, cell in item.items():
            if key not in allowed:
                problems.append(_unknown(at, key))
            elif _scalar(key, cell, at, problems):
                row[key] = cell
        _clean(model(**row), at, problems, exclude=["service"])
        rows.append(row)
    return rows


def _check_questions(service, problems):
    keys = [q.get("key") for q in service.inlines.get("questions", [])]
    for key in {k for k in keys if keys.count(k) > 1}:
        problems.append(
            _("%(where)s: the question key “%(key)s” is used twice.")
            % {"where": service.where, "key": key}
        )
    for number, document in enumerate(service.inlines.get("documents", []), start=1):
        condition = document.get("condition") or ""
        if not condition:
            continue
        key, sep, answer = str(condition).partition("=")
        if not sep or key not in keys or answer not in ANSWERS:
            problems.append(
                _(
                    "%(where)s, documents %(n)s: the condition “%(condition)s” must be "
                    "“question_key=yes” or “question_key=no” for a question of this service."
                )
                % {"where": service.where, "n": number, "condition": condition}
            )


def _read_fine_rule(spec, where, problems):
    if not isinstance(spec, dict):
        problems.append(_("%(where)s: a fine rule must be a mapping of fields.") % {"where": where})
        return None
    allowed = _field_names(FineRule)
    rule = {}
    for key, value in spec.items():
        if key not in allowed:
            problems.append(_unknown(where, key))
        elif _scalar(key, value, where, problems):
            rule[key] = value
    # The unique (article, condition) pair is checked across the files, not against the
    # rows already loaded: loading again keeps those.
    _clean(FineRule(**rule), where, problems, validate_unique=False, validate_constraints=False)
    return rule


def _read_contacts(value, name, catalog, problems):
    where = f"{name}, contacts"
    if not isinstance(value, dict) or set(value) - {"office", "by_category"}:
        problems.append(
            _("%(where)s: must be a mapping with “office” (an office code) and “by_category”.")
            % {"where": where}
        )
        return
    office = value.get("office")
    by_category = value.get("by_category")
    if not isinstance(office, str) or not office.strip():
        problems.append(_("%(where)s: “office” must be an office code.") % {"where": where})
        return
    if not isinstance(by_category, dict):
        problems.append(_("%(where)s: “by_category” must be a mapping.") % {"where": where})
        return
    for category, contact in by_category.items():
        at = f"{where}, {category}"
        if category not in Category.values:
            problems.append(
                _("%(where)s: unknown category (expected one of %(categories)s).")
                % {"where": at, "categories": ", ".join(Category.values)}
            )
            continue
        if not isinstance(contact, dict) or set(contact) - {"title", "phone"}:
            problems.append(
                _("%(where)s: must be a mapping with “title” and “phone”.") % {"where": at}
            )
            continue
        row = {k: v for k, v in contact.items() if _scalar(k, v, at, problems)}
        _clean(ServiceContact(**row), at, problems, exclude=["service", "office"])
        catalog.contacts[category] = row
    catalog.contacts_office = office.strip()


def _check_across(catalog, problems):
    slugs = [s.slug for s in catalog.services]
    for slug in sorted({s for s in slugs if slugs.count(s) > 1}):
        places = "; ".join(s.where for s in catalog.services if s.slug == slug)
        problems.append(
            _("The slug “%(slug)s” is used twice: %(places)s.")
            % {
                "slug": slug,
                "places": places,
            }
        )
    keys = [(r.get("article"), r.get("condition")) for r in catalog.fine_rules]
    for article, condition in sorted({k for k in keys if keys.count(k) > 1}, key=str):
        problems.append(
            _("The fine rule “%(article)s %(condition)s” is given twice.")
            % {"article": article, "condition": condition}
        )
    if catalog.contacts_office:
        categories = {s.fields.get("category") for s in catalog.services}
        for category in sorted(c for c in categories - set(catalog.contacts) if c):
            problems.append(
                _("contacts: nobody answers for the category “%(category)s”.")
                % {"category": category}
            )


# --- Fields ---------------------------------------------------------------------------------


def _field_names(model):
    """The fields a file may give: the model's own editable values (not its keys, its
    order among siblings, or the timestamps and revisions the platform keeps)."""
    return {
        f.name
        for f in model._meta.concrete_fields
        if f.editable and not f.primary_key and not f.is_relation and f.name != "sort_order"
    } | ({"sort_order"} if model in (RegistrationService, FineRule) else set())


def _scalar(key, value, where, problems):
    if value is None or isinstance(value, str | int | bool):
        return True
    problems.append(
        _("%(where)s: “%(key)s” must be a single value, not a list or a mapping.")
        % {"where": where, "key": key}
    )
    return False


def _lines(key, value, where, problems):
    """A list of lines (or one line) as the model's text, one line each."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(line, str) for line in value):
        return "\n".join(value)
    problems.append(
        _("%(where)s: “%(key)s” must be a list of lines of text.") % {"where": where, "key": key}
    )
    return ""


def _unknown(where, key):
    return _("%(where)s: unknown field “%(key)s”.") % {"where": where, "key": key}


def _clean(instance, where, problems, **options):
    try:
        instance.full_clean(**options)
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            label = "" if name == "__all__" else f"{name}: "
            problems.extend(f"{where}: {label}{message}" for message in messages)
