"""Lighthouse's mobile performance score of each kind of page, served with gzip.

    python benchmarks/page_speed.py [--site docs/_build/html] [--lighthouse PATH]

Serves the built site on localhost with the gzip compression any static host applies
(text files compressed on the fly), runs npm's ``lighthouse`` (mobile form factor,
simulated throttling: its defaults) with Debian's Chromium ($CHROMIUM or ``chromium``)
on one page of each kind, and prints a table: score, first contentful paint, largest
contentful paint, total blocking time and bytes transferred. The JSON reports go to
benchmarks/results/lighthouse/. A measurement, not a test: scores vary from run to run.

Lighthouse comes from npm: ``npm install --prefix benchmarks/js`` installs the version
pinned in benchmarks/js/package-lock.json.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "lighthouse"
PAGES = {
    "landing": "index.html",
    "gallery index": "auto_examples/index.html",
    "example with math": "auto_examples/02_autograd/plot_03_worked_example.html",
    "example with figures": "auto_examples/03_regression/plot_03_learning_rate.html",
    "API page": "gen_modules/torchintro.fit_gradient_descent.html",
}
COMPRESSED = {".html", ".css", ".js", ".svg", ".json", ".txt", ".ipynb", ".py"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files, gzip-compressing text ones when the browser accepts it."""

    def log_message(self, format: str, *args: object) -> None:
        """Log nothing: the table is the output."""

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in COMPRESSED and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``site`` on a free local port, in a thread; return the server and its URL."""
    handler = functools.partial(GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def audit(lighthouse: str, chromium: str, url: str, report: Path) -> dict[str, float]:
    """Run Lighthouse's mobile performance audit of ``url``; return the figures of the table."""
    subprocess.run(
        [
            lighthouse,
            url,
            "--only-categories=performance",
            "--output=json",
            f"--output-path={report}",
            "--quiet",
            "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking",
        ],
        env={**os.environ, "CHROME_PATH": chromium},
        check=True,
        timeout=300,
    )
    data = json.loads(report.read_text())
    audits = data["audits"]
    return {
        "score": round(data["categories"]["performance"]["score"] * 100),
        "FCP (s)": audits["first-contentful-paint"]["numericValue"] / 1000,
        "LCP (s)": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "TBT (ms)": audits["total-blocking-time"]["numericValue"],
        "KiB": audits["total-byte-weight"]["numericValue"] / 1024,
    }


def main() -> int:
    """Audit one page of each kind and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "docs" / "_build" / "html")
    default_lighthouse = ROOT / "benchmarks" / "js" / "node_modules" / ".bin" / "lighthouse"
    parser.add_argument("--lighthouse", default=str(default_lighthouse))
    args = parser.parse_args()
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if chromium is None or not Path(args.lighthouse).exists():
        print("needs Chromium ($CHROMIUM or `chromium`) and Lighthouse "
              "(npm install --prefix benchmarks/js)", file=sys.stderr)  # fmt: skip
        return 2
    RESULTS.mkdir(parents=True, exist_ok=True)
    server, base = serve(args.site)
    try:
        rows = {}
        for kind, page in PAGES.items():
            report = RESULTS / (page.replace("/", "_").removesuffix(".html") + ".json")
            rows[kind] = audit(args.lighthouse, chromium, base + page, report)
    finally:
        server.shutdown()
        server.server_close()
    columns = list(next(iter(rows.values())))
    print("| page | " + " | ".join(columns) + " |")
    print("| --- |" + " ---: |" * len(columns))
    for kind, row in rows.items():
        cells = [
            f"{row[c]:.0f}" if c in ("score", "TBT (ms)", "KiB") else f"{row[c]:.1f}"
            for c in columns
        ]
        print(f"| {kind} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
