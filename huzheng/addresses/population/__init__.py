"""Population figures (人口統計), a capability of the addresses app with its own rooms:
``services`` (reading the monthly CSV, the figures as the page, chart and open data show
them), ``views`` (the open-data downloads) and ``admin_views`` (the back office's upload).
The models and the public page type stay in ``huzheng.addresses.models``."""
