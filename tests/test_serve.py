"""``build.py serve`` as an editor uses it: a real server in a subprocess, fetched over HTTP while files change."""

from __future__ import annotations

import http.client
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import urlopen

import pytest
from sitecheck import REPOSITORY, copy_site

from epaper.config import load_config
from epaper.devserver.changes import FULL_RELOAD, ChangeKind, SourceLayout, plan_reaction
from epaper.devserver.files import Mount, Outcome, ServedFiles
from epaper.devserver.overlay import OVERLAY_ID

ARTICLE = "content/2021/01/18/02-jin-rong.md"
ARTICLE_URL = "2021/01/18/02/jin-rong/"
STARTUP_SECONDS = 20
CHANGE_SECONDS = 8
SERVING = re.compile(r"Serving .* at (http://\S+/) ")


class ServerProcess:
    """``build.py serve`` running in ``site``; output goes to files so a full pipe can never block it."""

    def __init__(self, site: Path, *arguments: str) -> None:
        self.site = site
        self.stdout_file = site.parent / f"{site.name}-serve.out"
        self.stderr_file = site.parent / f"{site.name}-serve.err"
        with self.stdout_file.open("wb") as stdout, self.stderr_file.open("wb") as stderr:
            self.process = subprocess.Popen(
                [sys.executable, str(REPOSITORY / "build.py"), "serve", "--port", "0", *arguments],
                cwd=site,
                stdout=stdout,
                stderr=stderr,
            )
        self.url = self._wait_for_url()

    def _wait_for_url(self) -> str:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            found = SERVING.search(self.stdout)
            if found:
                return found.group(1)
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        self.stop()
        raise AssertionError(f"server did not start:\n{self.stdout}\n{self.stderr}")

    @property
    def stdout(self) -> str:
        return self.stdout_file.read_text(encoding="utf-8")

    @property
    def stderr(self) -> str:
        return self.stderr_file.read_text(encoding="utf-8")

    @property
    def builds(self) -> int:
        return self.stderr.count("built in ") + self.stderr.count("build failed in ")

    def fetch(self, path: str) -> tuple[int, str, bytes]:
        """Status, Content-Type and body of ``path`` (site-relative)."""
        try:
            with urlopen(self.url + path, timeout=5) as response:
                return response.status, response.headers["Content-Type"], response.read()
        except HTTPError as error:
            return error.code, error.headers["Content-Type"], error.read()

    def page(self, path: str) -> str:
        status, _, body = self.fetch(path)
        assert status == 200, path
        return body.decode("utf-8")

    def raw_status(self, raw_path: str) -> tuple[int, bytes]:
        """Send ``raw_path`` exactly as written, with no client-side clean-up of '..' or escapes."""
        host, port = self.url.removeprefix("http://").rstrip("/").rsplit(":", 1)
        connection = http.client.HTTPConnection(host, int(port), timeout=5)
        try:
            connection.putrequest("GET", raw_path, skip_accept_encoding=True)
            connection.endheaders()
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


def wait_until(condition: Callable[[], bool], seconds: float = CHANGE_SECONDS) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def server(basic_site: Path) -> Iterator[ServerProcess]:
    running = ServerProcess(basic_site)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def shared_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """One server for the read-only tests, with extra theme files to check their content types."""
    site = copy_site("basic", tmp_path_factory.mktemp("shared"))
    for name in ("logo.png", "photo.jpg", "font.woff2", "data.json"):
        (site / "theme" / name).write_bytes(b"{}" if name.endswith(".json") else b"\0binary")
    running = ServerProcess(site)
    yield running
    running.stop()


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("", "text/html; charset=utf-8"),
        (ARTICLE_URL, "text/html; charset=utf-8"),
        ("assets/style.css", "text/css; charset=utf-8"),
        ("assets/site.js", "text/javascript; charset=utf-8"),
        ("feed.xml", "application/xml; charset=utf-8"),
        ("sitemap.xml", "application/xml; charset=utf-8"),
        ("robots.txt", "text/plain; charset=utf-8"),
        ("assets/data.json", "application/json; charset=utf-8"),
        ("assets/logo.png", "image/png"),
        ("assets/photo.jpg", "image/jpeg"),
        ("assets/font.woff2", "font/woff2"),
    ],
)
def test_files_are_served_with_their_content_type(shared_server: ServerProcess, path: str, content_type: str) -> None:
    status, served_type, _ = shared_server.fetch(path)
    assert (status, served_type) == (200, content_type)


def test_pages_link_to_the_local_server_and_load_livereload(shared_server: ServerProcess) -> None:
    page = shared_server.page(ARTICLE_URL)
    assert f'<link rel="canonical" href="{shared_server.url}{ARTICLE_URL}">' in page
    assert "/livereload.js?port=" in page
    status, _, script = shared_server.fetch("livereload.js")
    assert status == 200 and b"LiveReload" in script


def test_missing_page_gets_the_sites_own_404(shared_server: ServerProcess) -> None:
    status, content_type, body = shared_server.fetch("2099/01/01/no-such-page/")
    assert (status, content_type) == (404, "text/html; charset=utf-8")
    assert "页面未找到" in body.decode("utf-8")


def test_folder_without_slash_redirects_to_its_index(shared_server: ServerProcess) -> None:
    assert shared_server.raw_status("/2021/01/18")[0] == 301
    assert shared_server.fetch("2021/01/18")[0] == 200  # urlopen follows the redirect


@pytest.mark.parametrize(
    "raw_path",
    ["/../site.yaml", "/%2e%2e/site.yaml", "/assets/..%2f..%2f..%2fsite.yaml", "/..%5c..%5csite.yaml", "/%00"],
)
def test_paths_outside_the_output_folder_are_refused(shared_server: ServerProcess, raw_path: str) -> None:
    status, body = shared_server.raw_status(raw_path)
    assert status in (403, 404)
    assert b"base_url" not in body


def test_a_symbolic_link_out_of_the_served_folder_is_refused(tmp_path: Path) -> None:
    served = tmp_path / "site"
    served.mkdir()
    (tmp_path / "secret.txt").write_text("secret")
    (served / "leak.txt").symlink_to(tmp_path / "secret.txt")
    (served / "page.html").write_text("ok")
    files = ServedFiles([Mount("", served)])
    assert files.lookup("/leak.txt").outcome is Outcome.FORBIDDEN
    assert files.lookup("/page.html").file == served / "page.html"


def test_an_edited_article_is_served_within_seconds(server: ServerProcess) -> None:
    replace_in(server.site / ARTICLE, "title: 保费突破30亿元", "title: 保费突破40亿元")
    assert wait_until(lambda: "保费突破40亿元" in server.page(ARTICLE_URL))
    timing = re.compile(r"built in \d+\.\d\ds \(content/2021/01/18/02-jin-rong\.md\)")
    assert wait_until(lambda: bool(timing.search(server.stderr)))  # the terminal says how long it took


def test_a_build_error_keeps_the_last_good_site_and_shows_the_error_until_fixed(server: ServerProcess) -> None:
    article = server.site / ARTICLE
    replace_in(article, "page: 2", "page: two")
    error_line = re.compile(rf"{re.escape(ARTICLE)}:\d+: .*page")
    assert wait_until(lambda: bool(error_line.search(server.stderr)))
    page = server.page(ARTICLE_URL)  # still served: the last good build
    assert "保费突破30亿元" in page
    assert OVERLAY_ID in page and error_line.search(page)

    replace_in(article, "page: two", "page: 2")
    assert wait_until(lambda: OVERLAY_ID not in server.page(ARTICLE_URL))
    assert server.process.poll() is None


def test_a_site_yaml_change_reloads_the_settings(server: ServerProcess) -> None:
    replace_in(server.site / "site.yaml", "title: 测试日报", "title: 改名日报")
    assert wait_until(lambda: "改名日报" in server.page(""))


def test_rapid_saves_become_one_rebuild_and_the_last_one_wins(server: ServerProcess) -> None:
    time.sleep(0.3)
    assert server.builds == 1  # the build's own output never triggers another build
    article = server.site / ARTICLE
    original = article.read_text(encoding="utf-8")
    for number in range(5):
        article.write_text(original.replace("保费突破30亿元", f"保费突破{number}亿元"), encoding="utf-8")
        time.sleep(0.005)
    assert wait_until(lambda: "保费突破4亿元" in server.page(ARTICLE_URL) and server.builds >= 2)
    time.sleep(0.3)
    assert server.builds == 2


def test_ctrl_c_stops_the_server_cleanly(server: ServerProcess) -> None:
    assert server.stop() == 0
    assert "Stopped." in server.stdout
    assert "Traceback" not in server.stderr


def test_a_busy_port_moves_to_the_next_free_one(basic_site: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        running = ServerProcess(basic_site, "--port", str(busy))
        try:
            assert not running.url.endswith(f":{busy}/")
            assert f"port {busy} is busy" in running.stderr
            assert running.fetch("")[0] == 200
        finally:
            running.stop()


def test_listening_on_every_interface_warns(basic_site: Path) -> None:
    running = ServerProcess(basic_site, "--host", "0.0.0.0")
    try:
        assert "anyone on this network" in running.stderr
        port = running.url.rstrip("/").rsplit(":", 1)[1]
        with urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            assert running.url in response.read().decode("utf-8")  # links use the address a phone can reach
    finally:
        running.stop()


def test_changes_are_sorted_by_kind(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    config = load_config(site / "site.yaml")
    layout = SourceLayout.of(site / "site.yaml", config, ignored_dirs=[site / ".cache"])
    assert layout.classify(site / ARTICLE) is ChangeKind.CONTENT
    assert layout.classify(site / "templates/base.html") is ChangeKind.TEMPLATES
    assert layout.classify(site / "theme/style.css") is ChangeKind.STYLESHEET
    assert layout.classify(site / "theme/site.js") is ChangeKind.THEME
    assert layout.classify(site / "site.yaml") is ChangeKind.CONFIG
    for ignored in ("content/.01-a.md.swp", "content/01-a.md~", ".cache/serve/site/index.html", "README.md"):
        assert layout.classify(site / ignored) is None, ignored

    stylesheet_only = plan_reaction(layout, {site / "theme/style.css": ChangeKind.STYLESHEET})
    assert stylesheet_only.reload_paths == ("/assets/style.css",) and not stylesheet_only.reload_config
    mixed = plan_reaction(
        layout, {site / "theme/style.css": ChangeKind.STYLESHEET, site / "site.yaml": ChangeKind.CONFIG}
    )
    assert mixed.reload_paths == FULL_RELOAD and mixed.reload_config
