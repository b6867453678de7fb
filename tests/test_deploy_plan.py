"""The deploy's plan (what goes, in which order, what the manifest says meanwhile) and its headers."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import pytest
from deploying import MANIFEST, output_files, sample_site

from epaper.deploy.inventory import LocalFile
from epaper.deploy.manifest import UNKNOWN, decode_manifest, encode_manifest
from epaper.deploy.media import cache_control, content_type
from epaper.deploy.plan import make_plan, public_url
from epaper.deploy.settings import CacheControl


def files(*paths: str, digest: str = "new") -> dict[str, LocalFile]:
    return {path: LocalFile(path, 10, digest) for path in paths}


SITE = [
    "index.html",
    "feed.xml",
    "sitemap.xml",
    "robots.txt",
    "assets/style.css",
    "2021/01/19/index.html",
    "2021/01/19/01/index.html",
    "2021/01/19/01/xin-chun/index.html",
    "2021/01/19/p1.webp",
    "2021/01/19/feed.xml",
    "topics/finance/index.html",
    "pagefind/fragment/zh_1a2b3c4.pf_fragment",
    "pagefind/pagefind-entry.json",
]


def test_new_files_go_first_kind_by_kind_then_the_rewritten_ones() -> None:
    local = files(*SITE)
    remote = {"index.html": "old", "feed.xml": "old", "assets/style.css": "old", "2021/01/18/index.html": "old"}
    plan = make_plan(local, remote, delete=True)
    batches = [[file.path for file in batch] for batch in plan.batches]
    assert batches == [
        ["pagefind/fragment/zh_1a2b3c4.pf_fragment"],
        ["2021/01/19/p1.webp"],
        ["2021/01/19/01/xin-chun/index.html"],
        ["2021/01/19/01/index.html", "2021/01/19/index.html", "topics/finance/index.html"],
        ["2021/01/19/feed.xml", "pagefind/pagefind-entry.json", "robots.txt", "sitemap.xml"],
        ["assets/style.css"],
        ["feed.xml", "index.html"],
    ]
    assert plan.deletions == ["2021/01/18/index.html"]


def test_only_changed_digests_are_sent() -> None:
    local = {**files("a.html", "b.html", digest="same"), **files("c.html", digest="changed")}
    plan = make_plan(local, {"a.html": "same", "b.html": "same", "c.html": "before"}, delete=True)
    assert [file.path for file in plan.uploads] == ["c.html"]
    assert plan.unchanged == 2
    assert make_plan(local, {"a.html": "same", "b.html": "same", "c.html": "changed"}, delete=True).empty


def test_the_pending_manifest_marks_what_the_deploy_touches() -> None:
    local = {**files("kept.html", digest="k"), **files("rewritten.html", "added.html", digest="n")}
    remote = {"kept.html": "k", "rewritten.html": "o", "removed.html": "r"}
    plan = make_plan(local, remote, delete=True)
    assert plan.pending == {"kept.html": "k", "rewritten.html": UNKNOWN, "added.html": None, "removed.html": None}
    assert plan.final == {"kept.html": "k", "rewritten.html": "n", "added.html": "n"}


def test_after_a_stopped_deploy_maybe_sent_files_count_as_new_and_unknown_ones_as_present() -> None:
    """None (maybe absent) goes with the new files; UNKNOWN (some version is there) with the rewritten ones."""
    local = files("a/index.html", "b/index.html")
    plan = make_plan(local, {"a/index.html": None, "b/index.html": UNKNOWN, "gone.html": None}, delete=True)
    assert [[file.path for file in batch] for batch in plan.batches] == [["a/index.html"], ["b/index.html"]]
    assert plan.deletions == ["gone.html"]


def test_no_delete_keeps_the_gone_files_in_the_manifest() -> None:
    plan = make_plan(files("a.html"), {"a.html": "new", "old.html": "o"}, delete=False)
    assert plan.empty
    assert plan.final == {"a.html": "new", "old.html": "o"}


def test_the_manifest_survives_encoding_and_a_damaged_one_is_ignored() -> None:
    manifest = {"index.html": "0123abcd", "新/index.html": UNKNOWN, "maybe.html": None}
    assert decode_manifest(encode_manifest(manifest), "target") == manifest
    assert decode_manifest(b"not gzip", "target") is None
    assert decode_manifest(gzip.compress(b'{"format": "other/9", "files": {}}'), "target") is None


def test_public_urls_name_folders_not_index_files() -> None:
    base = "https://example.org/epaper/"
    assert public_url(base, "index.html") == base
    assert public_url(base, "2021/01/18/index.html") == base + "2021/01/18/"
    assert public_url(base, "2021/01/18/feed.xml") == base + "2021/01/18/feed.xml"
    assert public_url(base, "pagefind/pagefind-entry.json") == base + "pagefind/pagefind-entry.json"


@pytest.mark.parametrize(
    ("path", "kind", "cache"),
    [
        ("index.html", "text/html; charset=utf-8", "short"),
        ("2021/01/18/02/slug/index.html", "text/html; charset=utf-8", "short"),
        ("feed.xml", "application/rss+xml; charset=utf-8", "short"),
        ("topics/finance/feed.xml", "application/rss+xml; charset=utf-8", "short"),
        ("sitemap-news.xml", "application/xml; charset=utf-8", "short"),
        ("robots.txt", "text/plain; charset=utf-8", "short"),
        ("assets/style.css", "text/css; charset=utf-8", "assets"),
        ("assets/site.js", "text/javascript; charset=utf-8", "assets"),
        ("pagefind/fragment/zh-cn_2990b15.pf_fragment", "application/octet-stream", "long"),
        ("pagefind/pagefind.js", "text/javascript; charset=utf-8", "short"),
        ("pagefind/pagefind-entry.json", "application/json; charset=utf-8", "short"),
        ("2021/01/18/01.webp", "image/webp", "day"),
        ("2021/01/18/01.pdf", "application/pdf", "day"),
        ("2021/01/18/01-thumb.jpg", "image/jpeg", "day"),
    ],
)
def test_content_type_and_cache_header(path: str, kind: str, cache: str) -> None:
    policy = CacheControl(immutable="long", assets="assets", pages="short", files="day")
    assert content_type(path) == kind
    assert cache_control(path, policy) == cache


def test_a_damaged_manifest_falls_back_to_the_targets_listing(
    run_cli: Callable[..., int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = sample_site(tmp_path)
    target = tmp_path / "www"
    assert run_cli(site, "deploy", str(target), "-q") == 0
    (target / MANIFEST).write_bytes(b"\x1f\x8b damaged")
    (target / "stray.html").write_text("left by hand", encoding="utf-8")
    assert run_cli(site, "deploy", str(target)) == 0
    assert f"warning: {target}: unreadable deploy manifest" in capsys.readouterr().err
    assert not (target / "stray.html").exists()
    assert output_files(target).keys() == output_files(site / "_site").keys() | {MANIFEST}
    assert decode_manifest((target / MANIFEST).read_bytes(), "target") is not None
