"""Made-up people of the demo registry, as the tests use them."""

from huzheng.idcards.demo import PEOPLE, REPORTED_LOST, national_id


def person(index):
    name, first_nine, birth, issued, kind, place = PEOPLE[index]
    return {
        "name": name,
        "national_id": national_id(first_nine),
        "birth_date": birth,
        "issue_date": issued,
        "issue_type": kind,
        "issue_place": place,
    }


def lost_person():
    index = next(i for i, p in enumerate(PEOPLE) if p[1] == REPORTED_LOST)
    return person(index)


def unknown_id():
    """A valid number no one in the demo registry has."""
    return national_id("X19999999")
