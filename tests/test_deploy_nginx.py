"""The README's nginx configuration, run by Debian's nginx over a site deployed into a folder under /epaper/."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

import pytest
from deploying import MANIFEST, broken_links, sample_site
from servers import free_ports
from sitecheck import REPOSITORY

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
README_BLOCK = re.compile(r"```nginx\n(.*?)```", re.DOTALL)
DOCUMENT_ROOT = "/srv/www"


@dataclass(frozen=True)
class Reply:
    status: int
    headers: Message
    body: bytes


def readme_location() -> str:
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    deploying = readme[readme.index("## Deploying") :]
    (block,) = README_BLOCK.findall(deploying)
    assert DOCUMENT_ROOT in block
    return block


def nginx_config(workspace: Path, port: int, document_root: Path) -> str:
    """A whole nginx.conf around the README's ``location`` block, as Debian's default one includes it."""
    location = readme_location().replace(DOCUMENT_ROOT, str(document_root))
    temporary = workspace / "temp"
    temporary.mkdir()
    return f"""
daemon off;
master_process off;
pid {workspace / "nginx.pid"};
error_log {workspace / "error.log"};
events {{}}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {temporary}/body;
    proxy_temp_path {temporary}/proxy;
    fastcgi_temp_path {temporary}/fastcgi;
    uwsgi_temp_path {temporary}/uwsgi;
    scgi_temp_path {temporary}/scgi;
    server {{
        listen 127.0.0.1:{port};
        {location}
    }}
}}
"""


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The sample built for http://127.0.0.1:PORT/epaper/, deployed into a folder nginx serves; (origin, output)."""
    from epaper.cli import main

    workspace = tmp_path_factory.mktemp("nginx")
    (port,) = free_ports(1)
    origin = f"http://127.0.0.1:{port}"
    site = sample_site(workspace)
    document_root = workspace / "www"
    document_root.mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(site)
        assert main(["deploy", str(document_root / "epaper"), "--base-url", f"{origin}/epaper/", "-q"]) == 0
    config = workspace / "nginx.conf"
    config.write_text(nginx_config(workspace, port, document_root), encoding="utf-8")
    errors = workspace / "error.log"
    process = subprocess.Popen([NGINX, "-c", str(config), "-e", str(errors)], stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while fetch(origin + "/epaper/").status != 200:
            assert process.poll() is None, errors.read_text() if errors.exists() else "nginx stopped"
            assert time.monotonic() < deadline, "nginx did not answer"
            time.sleep(0.1)
        yield origin, site / "_site"
    finally:
        process.terminate()
        process.wait(timeout=10)


def fetch(url: str) -> Reply:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return Reply(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        with error:
            return Reply(error.code, error.headers, error.read())
    except urllib.error.URLError:
        return Reply(0, Message(), b"")


def http_reader(origin: str) -> Callable[[str], bytes | None]:
    def read(path: str) -> bytes | None:
        reply = fetch(f"{origin}/epaper/{path}")
        return reply.body if reply.status == 200 else None

    return read


def test_a_crawl_of_the_served_site_finds_no_broken_link(served: tuple[str, Path]) -> None:
    origin, output = served
    pages = sorted(path.relative_to(output).as_posix() for path in output.rglob("*.html"))
    assert broken_links(http_reader(origin), ["index.html", *pages], base_path="/epaper/") == []


def test_missing_urls_get_the_sites_own_404_page(served: tuple[str, Path]) -> None:
    origin, output = served
    for missing in ("/epaper/no-such-page/", "/epaper/2021/01/18/99/", "/epaper/assets/nothing.css"):
        reply = fetch(origin + missing)
        assert reply.status == 404, missing
        assert reply.body == (output / "404.html").read_bytes(), missing
    assert fetch(f"{origin}/epaper/{MANIFEST}").status == 404  # the deploy manifest is not published


@pytest.mark.parametrize(
    ("path", "content_type", "cache_control"),
    [
        ("", "text/html; charset=utf-8", "public, max-age=300"),
        ("2021/01/18/02/jing-you-lian-he-xuan/", "text/html; charset=utf-8", "public, max-age=300"),
        ("feed.xml", "text/xml; charset=utf-8", "public, max-age=300"),
        ("sitemap.xml", "text/xml; charset=utf-8", "public, max-age=300"),
        ("robots.txt", "text/plain; charset=utf-8", "public, max-age=300"),
        ("assets/style.css", "text/css; charset=utf-8", "public, max-age=300"),  # linked as style.css?v=HASH
        ("assets/site.js", "application/javascript; charset=utf-8", "public, max-age=300"),
        ("pagefind/parts.json", "application/json; charset=utf-8", "public, max-age=300"),
    ],
)
def test_text_is_utf8_and_every_file_has_its_cache_header(
    served: tuple[str, Path], path: str, content_type: str, cache_control: str
) -> None:
    origin, output = served
    reply = fetch(f"{origin}/epaper/{path}")
    assert reply.status == 200
    assert reply.headers["Content-Type"] == content_type
    assert reply.headers.get_all("Cache-Control") == [cache_control]
    assert reply.body == (output / (path + "index.html" if path.endswith("/") or not path else path)).read_bytes()
    reply.body.decode("utf-8")


def test_search_index_chunks_are_cached_for_good(served: tuple[str, Path]) -> None:
    origin, output = served
    chunks = sorted(output.glob("pagefind/*/fragment/*.pf_fragment"))
    assert chunks
    reply = fetch(f"{origin}/epaper/{chunks[0].relative_to(output).as_posix()}")
    assert reply.status == 200
    assert reply.headers["Cache-Control"] == "public, max-age=31536000, immutable"
