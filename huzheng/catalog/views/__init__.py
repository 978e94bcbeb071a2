"""The catalog's views, one module per audience and page: guides, tables, the checklist
wizard and notice slips for citizens; the counter's slip form for staff. Thin: parse, call
the services, render."""
