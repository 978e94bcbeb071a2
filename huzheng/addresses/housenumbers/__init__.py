"""House numbers (門牌), a capability of the addresses app with its own rooms:
``addressing`` (comparing and searching addresses), ``imports`` (the national open data
and change lists), ``changes`` (staff's new numbers, renumberings and abolitions),
``views`` (the public 村里門牌查詢 pages) and ``admin_views`` (門牌管理 in the back office).
The models stay in ``huzheng.addresses.models``. The services callers use are
re-exported here: ``from huzheng.addresses import housenumbers; housenumbers.search(…)``.
"""

from huzheng.addresses.housenumbers.addressing import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    MAX_QUERY_LENGTH,
    AddressQueryError,
    clean_query,
    list_streets,
    neighbourhoods,
    numbers_updated_at,
    search,
)
from huzheng.addresses.housenumbers.changes import (
    MAX_NOTE_LENGTH,
    PART_NAMES,
    HouseNumberChangeError,
    abolish,
    assign_number,
    renumber,
)
from huzheng.addresses.housenumbers.imports import (
    COLUMN_ALIASES,
    COLUMN_HEADINGS,
    KIND_WORDS,
    MAX_BYTES,
    MAX_ROWS,
    HouseNumberImportError,
    ImportResult,
    import_house_numbers_csv,
)
from huzheng.addresses.writing import full_address, house_key, normalise, street_address

__all__ = [
    "COLUMN_ALIASES",
    "COLUMN_HEADINGS",
    "DEFAULT_LIMIT",
    "KIND_WORDS",
    "MAX_BYTES",
    "MAX_LIMIT",
    "MAX_NOTE_LENGTH",
    "MAX_QUERY_LENGTH",
    "MAX_ROWS",
    "PART_NAMES",
    "AddressQueryError",
    "HouseNumberChangeError",
    "HouseNumberImportError",
    "ImportResult",
    "abolish",
    "assign_number",
    "clean_query",
    "full_address",
    "house_key",
    "import_house_numbers_csv",
    "list_streets",
    "neighbourhoods",
    "normalise",
    "numbers_updated_at",
    "renumber",
    "search",
    "street_address",
]
