"""Demo catalog: every service in the catalog's data files (``huzheng/catalog/data/``) with
its documents, fees, steps and checklist questions, the fine schedule (罰鍰基準表) and the
demo office's contacts.

Idempotent: a service whose slug exists is left as editors made it; only fine lines
(by article and condition) and the demo office's contacts that are missing are added.
"""

from huzheng.catalog.datafiles import load_catalog, read_catalog


def seed():
    load_catalog(read_catalog())
