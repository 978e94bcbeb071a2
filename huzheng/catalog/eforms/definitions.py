"""The application forms (申請書) of the main registration types, by slug: read once, when
this module is first imported, from the data files in ``catalog/data/eforms/`` (one YAML
file per form; format in the README.md there), checked by ``reading.read_eforms``."""

from huzheng.catalog.eforms.reading import read_eforms

FORMS = read_eforms()


def get_form_definition(slug):
    """The form with this slug; LookupError when there is none."""
    try:
        return FORMS[str(slug)]
    except KeyError:
        raise LookupError(slug) from None
