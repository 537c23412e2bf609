"""A provenance line on every example page: build date, torch version, device, seed.

The line is a page-context variable that the ``provenance.html`` template shows in the
secondary sidebar. It is also a config value that Sphinx counts among the HTML
settings, so when it changes (a new date, another torch or device) every page is
written again, although no source changed.
"""

from __future__ import annotations

import datetime
import importlib.metadata
import os
import re
from collections.abc import Mapping
from typing import Any

from device_facts import device_facts
from gallery_state import SEED

EXAMPLE_PAGE = re.compile(r"auto_examples/([^/]+/)?plot_[^/]+")


def build_date(environ: Mapping[str, str] = os.environ) -> str:
    """Return the build date: from SOURCE_DATE_EPOCH when set (reproducible builds), else today."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    moment = (
        datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc)
        if epoch
        else datetime.datetime.now(tz=datetime.timezone.utc)
    )
    return moment.date().isoformat()


def provenance_line(date: str, torch_version: str, device_description: str) -> str:
    """One line saying what produced the outputs of an example page."""
    return (
        f"Outputs computed when this page was built on {date}, with torch {torch_version} "
        f"on {device_description}, random seed {SEED}."
    )


def set_provenance(app: Any, config: Any) -> None:
    """Compute the line once per build, before Sphinx records its HTML settings."""
    facts = device_facts(app.doctreedir)
    config.torchintro_provenance = provenance_line(
        build_date(), importlib.metadata.version("torch"), facts["description"]
    )


def add_to_page(
    app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Hand the line to the template on example pages, and on them only."""
    if EXAMPLE_PAGE.fullmatch(pagename):
        context["torchintro_provenance"] = app.config.torchintro_provenance


def setup(app: Any) -> dict[str, Any]:
    """Register the setting and the page-context hook."""
    app.add_config_value("torchintro_provenance", "", "html", types=[str])
    app.connect("config-inited", set_provenance)
    app.connect("html-page-context", add_to_page)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
