"""The page-speed script's server compresses text as a static host would."""

import gzip
import sys
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
from page_speed import serve  # the benchmarks folder is not a package


def fetch(url: str, gzip_ok: bool) -> tuple[bytes, str | None]:
    headers = {"Accept-Encoding": "gzip"} if gzip_ok else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
        return response.read(), response.headers.get("Content-Encoding")


def test_text_is_gzipped_when_accepted_and_images_are_not(tmp_path):
    page = "<p>" + "hello " * 500 + "</p>"
    (tmp_path / "index.html").write_text(page)
    (tmp_path / "a.png").write_bytes(b"\x89PNG not text")
    server, base = serve(tmp_path)
    try:
        body, encoding = fetch(base + "index.html", gzip_ok=True)
        assert encoding == "gzip"
        assert gzip.decompress(body).decode() == page
        assert len(body) < len(page) / 10
        assert fetch(base, gzip_ok=True)[1] == "gzip"  # a folder serves its index.html
        assert fetch(base + "index.html", gzip_ok=False) == (page.encode(), None)
        assert fetch(base + "a.png", gzip_ok=True) == (b"\x89PNG not text", None)
    finally:
        server.shutdown()
        server.server_close()
