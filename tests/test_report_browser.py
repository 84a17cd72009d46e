"""Open reports/report.html in headless Chromium: every image must load and both tables be there.

A copy of the report gets a small script that, once the page has loaded, writes what it found
into the page; Chromium's --dump-dom prints the page, and the test reads the result. Chromium runs
with no network (the report is one self-contained file). Where Chromium is not installed the test
is skipped with a message; .ci/run installs it, so CI always runs it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from nlsynth.paths import PROJECT_ROOT as ROOT

pytestmark = pytest.mark.integration
REPORT = ROOT / "reports" / "report.html"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--proxy-server=127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
]
PROBE = """<script>
window.addEventListener("load", () => {
  const images = Array.from(document.images);
  const result = {
    images: images.length,
    loaded: images.filter(i => i.complete && i.naturalWidth > 0).length,
    tables: Array.from(document.querySelectorAll("table")).map(t => t.id),
    text: document.body.innerText.length,
  };
  const out = document.createElement("pre");
  out.id = "probe-result";
  out.textContent = JSON.stringify(result);
  document.body.appendChild(out);
});
</script>"""


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def run_chromium(page: Path, profile: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [chromium(), *FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=10000", *extra, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_report_renders_with_every_image_and_both_tables(tmp_path):
    if chromium() is None:
        pytest.skip("Chromium is not installed: `apt-get install chromium` (Debian) to run the browser test")
    page = tmp_path / "report.html"
    page.write_text(REPORT.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    result = run_chromium(page, tmp_path / "profile", "--dump-dom")
    found = re.search(r'<pre id="probe-result">(.*?)</pre>', result.stdout)
    assert found, f"the page did not finish loading: {result.stderr[-2000:]}"
    probe = json.loads(found.group(1).replace("&quot;", '"'))
    assert probe["images"] >= 2 and probe["loaded"] == probe["images"], probe
    assert {"T_table1", "T_table2"} <= set(probe["tables"]), probe
    shot = tmp_path / "report.png"
    run_chromium(REPORT, tmp_path / "profile2", f"--screenshot={shot}", "--window-size=1200,2400")
    assert shot.exists() and shot.stat().st_size > 10_000


#: A4 less the print margins (210 mm − 2 × 12 mm) in CSS pixels (96 per inch).
A4_CONTENT_PX = round((210 - 24) / 25.4 * 96)
PRINT_PROBE = """<script>
window.addEventListener("load", () => {
  const limit = document.documentElement.clientWidth;
  const wide = Array.from(document.querySelectorAll("table, img")).filter(
    el => el.getBoundingClientRect().right > limit + 1 || el.scrollWidth > el.clientWidth + 1
  ).map(el => el.id || el.tagName);
  const out = document.createElement("pre");
  out.id = "probe-result";
  out.textContent = JSON.stringify({limit: limit, wide: wide, tables: document.querySelectorAll("table").length,
                                    alts: Array.from(document.images).map(i => i.alt)});
  document.body.appendChild(out);
});
</script>"""


def test_no_table_or_figure_is_wider_than_an_a4_page_in_print(tmp_path):
    """The report's print styles applied on screen at the width of an A4 page's text: every table and image fits."""
    if chromium() is None:
        pytest.skip("Chromium is not installed: `apt-get install chromium` (Debian) to run the browser test")
    html = REPORT.read_text(encoding="utf-8")
    assert "@media print {" in html
    page = tmp_path / "print.html"
    page.write_text(
        html.replace("@media print {", "@media all {").replace("</body>", PRINT_PROBE + "</body>"), encoding="utf-8"
    )
    result = run_chromium(
        page, tmp_path / "profile", "--dump-dom", f"--window-size={A4_CONTENT_PX},3000", "--hide-scrollbars"
    )
    found = re.search(r'<pre id="probe-result">(.*?)</pre>', result.stdout)
    assert found, f"the page did not finish loading: {result.stderr[-2000:]}"
    probe = json.loads(found.group(1).replace("&quot;", '"'))
    assert abs(probe["limit"] - A4_CONTENT_PX) <= 20, probe["limit"]
    assert probe["tables"] >= 9 and probe["wide"] == [], probe["wide"]
    assert probe["alts"] and all(a.startswith("Figure ") for a in probe["alts"]), probe["alts"]
