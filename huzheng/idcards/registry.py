"""The resident registry as this project sees it (戶籍資料).

There is NO connection to the national household registration system (戶役政) here.
Views and services ask `get_registry()`, which builds the class named by
settings.HUZHENG_REGISTRY (default: DemoRegistry, backed by the Resident table of
made-up people). A real gateway implements RegistryGateway and is named in settings.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

from huzheng.core.crypto import lookup_hash

DEFAULT = "huzheng.idcards.registry.DemoRegistry"


@dataclass(frozen=True)
class Card:
    issue_date: dt.date
    issue_type: str  # first | reissue | replacement
    issue_place_code: str
    issue_place_name: str
    status: str  # valid | reported_lost


@dataclass(frozen=True)
class Person:
    name: str
    birth_date: dt.date
    card: Card | None


class RegistryGateway:
    """What the ID card services need from a registry."""

    def find_person(self, national_id):
        """The Person for a checked national ID number, or None."""
        raise NotImplementedError

    def set_card_status(self, national_id, status):
        """Record the latest card as valid or reported lost (uploaded for banks' checks)."""
        raise NotImplementedError


class DemoRegistry(RegistryGateway):
    """Made-up people in the Resident table (seeded by huzheng.idcards.demo)."""

    def find_person(self, national_id):
        from huzheng.idcards.models import Resident

        resident = Resident.objects.filter(national_id_hash=lookup_hash(national_id)).first()
        if resident is None:
            return None
        card = Card(
            issue_date=resident.card_issue_date,
            issue_type=resident.card_issue_type,
            issue_place_code=resident.card_issue_place,
            issue_place_name=str(resident.get_card_issue_place_display()),
            status=resident.card_status,
        )
        return Person(name=resident.name, birth_date=resident.birth_date, card=card)

    def set_card_status(self, national_id, status):
        from huzheng.idcards.models import Resident

        Resident.objects.filter(national_id_hash=lookup_hash(national_id)).update(
            card_status=status
        )


def get_registry():
    return import_string(getattr(settings, "HUZHENG_REGISTRY", DEFAULT))()
