"""pytest collects the examples in docs/*.md; the site's build scripts are not examples."""

collect_ignore = ["hooks.py", "griffe_doctest.py"]
