"""Every page of the built site loads in Chromium cleanly and entirely from the site itself."""

import pytest

pytestmark = pytest.mark.browser


def test_page_loads_cleanly(page_path, page_at):
    """No console error, no uncaught exception, no failed request, no request to another host.

    The site must work offline: a request for a CDN or a font service is a page that breaks
    without a network (and tells a third party who reads it).
    """
    visit = page_at(page_path, "light")  # the first test to look at this page
    visit.page.wait_for_load_state("networkidle")
    problems = [
        *(f"request to another host: {url}" for url in visit.external_requests),
        *(f"failed request: {failure}" for failure in visit.failed),
        *(f"console error: {text}" for text in visit.console_errors),
        *(f"uncaught exception: {text}" for text in visit.page_errors),
    ]
    assert not problems, f"{page_path}:\n  " + "\n  ".join(dict.fromkeys(problems))
