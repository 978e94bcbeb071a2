"""The catalog as data files (目錄資料檔), a capability of the catalog app: ``reading``
parses and checks YAML files (``huzheng/catalog/data/`` holds the catalog this project
ships), ``services`` writes a checked catalog in one transaction. The demo seed and
``manage.py load_catalog`` both go through here; the format is described in
``huzheng/catalog/data/README.md``."""

from huzheng.catalog.datafiles.reading import (
    DEFAULT_PATH,
    CatalogData,
    CatalogFileError,
    ServiceSpec,
    read_catalog,
)
from huzheng.catalog.datafiles.services import LoadResult, load_catalog

__all__ = [
    "DEFAULT_PATH",
    "CatalogData",
    "CatalogFileError",
    "LoadResult",
    "ServiceSpec",
    "load_catalog",
    "read_catalog",
]
