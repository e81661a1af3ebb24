"""pytest collects the examples in docs/*.md; the site's build scripts are not examples."""

collect_ignore = ["griffe_doctest.py", "gen_plots.py"]
