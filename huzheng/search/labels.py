"""People's names for facet values."""

from django.utils.translation import gettext as _

from huzheng.core import roc
from huzheng.search import taxonomy
from huzheng.search.taxonomy import Facet

_CHOICES = {
    Facet.TOPIC: taxonomy.Topic,
    Facet.POLICY: taxonomy.Policy,
    Facet.SERVICE: taxonomy.ServiceCategory,
    Facet.AUDIENCE: taxonomy.Audience,
    Facet.TYPE: taxonomy.DocumentType,
}


def facet_value_label(facet, value):
    if facet == Facet.YEAR:
        try:
            year = int(value)
        except ValueError:
            return value
        return roc_year_label(year)
    choices = _CHOICES.get(facet)
    if choices is not None and value in choices.values:
        return str(choices(value).label)
    return value


def roc_year_label(year):
    return _("ROC year %(year)s") % {"year": roc.roc_year(year)}


def type_label(value):
    return facet_value_label(Facet.TYPE, value)
