"""Incremental builds: after every kind of edit, the output is byte for byte that of a clean build."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sitecheck import copy_site

from epaper import inputs, load
from epaper.cache import CACHE_FOLDER, INDEX_FILE, PUBLISHING_MARKER, STORE_FILE, BuildCache
from epaper.checks.search import check_search
from epaper.config import load_config
from epaper.errors import SiteError
from epaper.pipeline import BuildOptions, BuildSession, build_site
from epaper.tokens import SWEEP_GROWTH

ARTICLE = "content/2021/01/18/02-jin-rong.md"


def build(site: Path) -> None:
    build_site(load_config(site / "site.yaml"), BuildOptions(workers=1))


def snapshot(output: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file of the output: its bytes, inode and modification time."""
    files = {}
    for path in sorted(output.rglob("*")):
        if path.is_file():
            status = path.stat()
            files[path.relative_to(output).as_posix()] = (path.read_bytes(), status.st_ino, status.st_mtime_ns)
    return files


def contents(output: Path) -> dict[str, bytes]:
    return {name: data for name, (data, _, _) in snapshot(output).items()}


def clean_build(site: Path, tmp_path: Path) -> dict[str, bytes]:
    """The output of the same input built from nothing: no cache, no previous output."""
    clean = tmp_path / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    shutil.copytree(site, clean, ignore=shutil.ignore_patterns("_site", ".cache"))
    build(clean)
    return contents(clean / "_site")


def rewritten(before: dict[str, tuple[bytes, int, int]], after: dict[str, tuple[bytes, int, int]]) -> set[str]:
    """Files that are new, or were written again (another inode or time), between two snapshots."""
    return {name for name, (_, inode, mtime) in after.items() if before.get(name, (b"", 0, 0))[1:] != (inode, mtime)}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = copy_site("basic", tmp_path / "work")
    build(site)
    return site


NEW_ARTICLE = "content/2021/01/19/01-xin-wen.md"
EDITS = {
    "change an article": lambda site: edit(site / ARTICLE, "title: ", "title: 新"),
    "add an article": lambda site: (site / NEW_ARTICLE).write_text(
        "---\ntitle: 新闻\npage: 1\norder: 5\ntopics: [finance]\n---\n新的一篇。\n", encoding="utf-8"
    ),
    "delete an article": lambda site: (site / NEW_ARTICLE).unlink(),
    "rename an article": lambda site: (site / ARTICLE).rename(site / "content/2021/01/18/02-jin-rong-xin.md"),
    "change a template": lambda site: edit(site / "templates/article.html", 'class="story"', 'class="story edited"'),
    "change site.yaml": lambda site: edit(site / "site.yaml", "per_page: 2", "per_page: 1"),
    "change a theme file": lambda site: edit(site / "theme/style.css", "}", "}\n/* edited */"),
}


def test_a_series_of_edits_always_gives_the_clean_build_output(site: Path, tmp_path: Path) -> None:
    for name, change in EDITS.items():
        change(site)
        build(site)
        assert contents(site / "_site") == clean_build(site, tmp_path), name


def test_an_unchanged_site_is_not_rewritten(site: Path) -> None:
    before = snapshot(site / "_site")
    build(site)
    assert snapshot(site / "_site") == before


def test_an_edit_rewrites_only_the_files_whose_bytes_changed(site: Path) -> None:
    before = snapshot(site / "_site")
    edit(site / ARTICLE, "金融业务开门红", "金融业务再创开门红")
    build(site)
    after = snapshot(site / "_site")
    changed = {name for name in after if after[name][0] != before[name][0]}
    assert "2021/01/18/02/jin-rong/index.html" in changed
    assert rewritten(before, after) == changed
    assert "2021/01/19/01/xin-chun/index.html" not in changed


def test_a_deleted_article_leaves_no_output_behind(site: Path) -> None:
    (site / ARTICLE).unlink()
    build(site)
    assert not (site / "_site/2021/01/18/02/jin-rong").exists()
    assert (site / "_site/2021/01/18/02/bu-ju/index.html").is_file()


def test_a_template_error_after_a_cached_build_leaves_the_output_untouched(site: Path) -> None:
    before = snapshot(site / "_site")
    edit(site / ARTICLE, "金融业务开门红", "金融业务再创开门红")
    edit(site / "templates/article.html", "{{ article.display_title }}", "{{ article.display_title | nonsense }}")
    with pytest.raises(SiteError):
        build(site)
    assert snapshot(site / "_site") == before
    edit(site / "templates/article.html", "{{ article.display_title | nonsense }}", "{{ article.display_title }}")
    build(site)
    assert "再创开门红" in (site / "_site/2021/01/18/02/jin-rong/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("checked_in", ["this process", "a forked process"])
def test_a_hand_edited_or_deleted_output_file_is_made_again(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, checked_in: str
) -> None:
    if checked_in == "a forked process":  # as for a large site
        monkeypatch.setattr(inputs, "FORK_ABOVE", 0)
    (site / "_site/2021/01/18/02/jin-rong/index.html").write_text("tampered", encoding="utf-8")
    (site / "_site/2021/01/19/feed.xml").unlink()
    build(site)
    assert contents(site / "_site") == clean_build(site, tmp_path)


@pytest.mark.parametrize(
    "damage", ["garbage index", "truncated index", "garbage bodies", "altered body", "altered stored issue"]
)
def test_a_damaged_cache_is_detected_and_rebuilt(site: Path, tmp_path: Path, damage: str) -> None:
    cache = site / CACHE_FOLDER
    if damage == "garbage index":
        (cache / INDEX_FILE).write_bytes(b"not a cache")
    elif damage == "truncated index":
        data = (cache / INDEX_FILE).read_bytes()
        (cache / INDEX_FILE).write_bytes(data[: len(data) // 2])
    elif damage == "garbage bodies":
        (cache / STORE_FILE).write_bytes(b"\0" * 4096)
    elif damage == "altered body":
        with sqlite3.connect(cache / STORE_FILE) as connection:
            connection.execute("UPDATE bodies SET html = '<p>stale</p>'")
    else:
        with sqlite3.connect(cache / STORE_FILE) as connection:
            for key, data in connection.execute("SELECT key, data FROM issues").fetchall():
                connection.execute("UPDATE issues SET data = ? WHERE key = ?", (data[:-1] + b"!", key))
    edit(site / "templates/article.html", '<article class="story"', '<article class="story edited"')
    build(site)
    output = contents(site / "_site")
    assert output == clean_build(site, tmp_path)
    assert not any(b"stale" in data for data in output.values())


def test_deleting_the_cache_rebuilds_without_rewriting_unchanged_files(site: Path) -> None:
    before = snapshot(site / "_site")
    shutil.rmtree(site / ".cache")
    build(site)
    assert snapshot(site / "_site") == before


def test_an_interrupted_publish_is_followed_by_a_complete_build(site: Path, tmp_path: Path) -> None:
    (site / CACHE_FOLDER / PUBLISHING_MARKER).touch()  # as left by a build killed while moving files in,
    (site / "_site/2021/01/18/half-moved.html").write_text("", encoding="utf-8")  # with a file nothing lists
    build(site)
    assert contents(site / "_site") == clean_build(site, tmp_path)
    assert not (site / CACHE_FOLDER / PUBLISHING_MARKER).exists()


def test_with_search_the_index_is_remade_only_when_a_page_changed(site: Path, tmp_path: Path) -> None:
    edit(site / "site.yaml", "search: false", "search: true")
    config = load_config(site / "site.yaml")
    assert build_site(config, BuildOptions(workers=1)).searched
    edit(site / "content/2021/01/18/issue.yaml", "running_number: 12345", "running_number: 12345 # 注释")
    assert not build_site(config, BuildOptions(workers=1)).searched  # same pages: the index is kept
    edit(site / ARTICLE, "金融业务开门红", "金融业务再创开门红")
    assert build_site(config, BuildOptions(workers=1)).searched
    # Pagefind writes its filter index in hash order, so the search files are compared by check_search
    assert without_search(contents(site / "_site")) == without_search(clean_build(site, tmp_path))
    assert check_search(site / "_site").problems == []


def without_search(files: dict[str, bytes]) -> dict[str, bytes]:
    return {name: data for name, data in files.items() if not name.startswith("pagefind/")}


def test_a_session_gives_the_clean_build_output_after_every_edit(site: Path, tmp_path: Path) -> None:
    config = load_config(site / "site.yaml")
    session = BuildSession(save_on_close=True)
    for name, change in EDITS.items():
        change(site)
        if name == "change site.yaml":
            config = load_config(site / "site.yaml")
        build_site(config, BuildOptions(workers=1), session)
        assert contents(site / "_site") == clean_build(site, tmp_path), name
    session.close()
    assert not (site / CACHE_FOLDER / PUBLISHING_MARKER).exists()


def test_a_session_killed_before_saving_is_followed_by_a_complete_build(site: Path, tmp_path: Path) -> None:
    session = BuildSession(save_on_close=True)  # never closed, as if the process had been killed
    (site / ARTICLE).unlink()
    build_site(load_config(site / "site.yaml"), BuildOptions(workers=1), session)
    assert (site / CACHE_FOLDER / PUBLISHING_MARKER).exists()
    (site / "_site/2021/01/18/left-over.html").write_text("", encoding="utf-8")  # a file no index lists
    build(site)
    assert contents(site / "_site") == clean_build(site, tmp_path)


def test_an_edit_makes_again_only_the_outputs_that_show_the_edited_article(site: Path, tmp_path: Path) -> None:
    older = site / "content/2020/12/01"
    older.mkdir(parents=True)
    (older / "issue.yaml").write_text("date: 2020-12-01\npages:\n  - number: 1\n    name: 要闻\n", encoding="utf-8")
    (older / "01-jiu-wen.md").write_text("---\ntitle: 旧闻\npage: 1\n---\n一篇旧闻。\n", encoding="utf-8")
    build(site)
    edit(site / ARTICLE, "金融业务开门红", "金融业务再创开门红")
    made = set(build_site(load_config(site / "site.yaml"), BuildOptions(workers=1)).made)
    assert contents(site / "_site") == clean_build(site, tmp_path)
    assert "2021/01/18/02/jin-rong/index.html" in made and "topics/finance/index.html" in made
    assert not {name for name in made if name.startswith(("2020/12/01/", "2021/01/19/", "topics/post/"))}


def test_a_body_edit_makes_again_only_the_outputs_that_show_the_body(site: Path, tmp_path: Path) -> None:
    """The other articles' pages of the issue show the edited article's headline, not its body: they stay."""
    edit(site / ARTICLE, "金融业务开门红", "金融业务再创开门红")
    made = set(build_site(load_config(site / "site.yaml"), BuildOptions(workers=1)).made)
    assert contents(site / "_site") == clean_build(site, tmp_path)
    shown = {"2021/01/18/02/jin-rong/index.html", "2021/01/18/02/index.html", "topics/finance/index.html"}
    assert shown <= made
    assert not made & {"2021/01/18/01/shou-ye/index.html", "2021/01/18/02/bu-ju/index.html"}


def test_a_file_in_a_folder_inside_an_issue_folder_counts_as_part_of_the_issue(site: Path, tmp_path: Path) -> None:
    issue = site / "content/2021/01/19"
    (issue / "pictures").mkdir()
    (issue / "pictures/page-1.webp").write_bytes(b"RIFF-first-picture")
    edit(issue / "issue.yaml", "    name: 要闻", "    name: 要闻\n    image: pictures/page-1.webp")
    build(site)
    (issue / "pictures/page-1.webp").write_bytes(b"RIFF-second-picture")
    build(site)
    assert contents(site / "_site") == clean_build(site, tmp_path)
    (issue / "pictures/page-1.webp").unlink()
    with pytest.raises(SiteError, match="must name a file in this issue folder"):
        build(site)


def test_issues_read_in_worker_processes_give_the_same_site(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(load, "PARALLEL_ARTICLES", 0)  # fork for the two issues of the small site
    forked = copy_site("basic", tmp_path / "forked")
    build_site(load_config(forked / "site.yaml"), BuildOptions(workers=2))
    assert contents(forked / "_site") == contents(site / "_site")
    edit(forked / ARTICLE, "金融业务开门红", "金融业务再创开门红")
    build_site(load_config(forked / "site.yaml"), BuildOptions(workers=2))
    assert contents(forked / "_site") == clean_build(forked, tmp_path)


def add_issue(site: Path, day: int, articles: int) -> None:
    folder = site / f"content/2021/02/{day:02d}"
    folder.mkdir(parents=True)
    issue = f"date: 2021-02-{day:02d}\npages:\n  - number: 1\n    name: 要闻\n"
    (folder / "issue.yaml").write_text(issue, encoding="utf-8")
    for number in range(articles):
        text = f"---\ntitle: 金融{day}-{number}\npage: 1\norder: {number}\ntopics: [finance]\n---\n正文。\n"
        (folder / f"01-jin-rong-{number}.md").write_text(text, encoding="utf-8")


def test_a_new_issue_leaves_the_older_pages_of_a_topic_as_they_were(site: Path, tmp_path: Path) -> None:
    add_issue(site, 1, 5)
    build(site)
    before = snapshot(site / "_site")
    older = sorted(name for name in before if name.startswith("topics/finance/page/"))
    assert older  # two articles a page: the finance topic has older pages
    add_issue(site, 2, 4)
    build(site)
    after = snapshot(site / "_site")
    assert contents(site / "_site") == clean_build(site, tmp_path)
    # every older page kept its URL and its file, but the last, whose newer page is now a new one
    assert rewritten(before, after) & set(older) == {older[-1]}
    assert len([name for name in after if name.startswith("topics/finance/page/")]) == len(older) + 2
    first = BeautifulSoup(after["topics/finance/page/1/index.html"][0], "html.parser")
    assert first.select_one('.pagination a[rel="prev"]')["href"] == "/topics/finance/page/2/"
    assert first.select_one('.pagination a[rel="next"]') is None  # page 1 holds the oldest articles


def test_a_template_edit_makes_again_only_the_pages_that_loaded_it(site: Path, tmp_path: Path) -> None:
    """Each page records the templates it extended, included or imported: an edit to the topic template makes
    the topic pages again and nothing else; an edit to the macros that base.html imports makes every page."""
    edit(site / "templates/topic.html", '<div class="topic-item">', '<div class="topic-item edited">')
    made = build_site(load_config(site / "site.yaml"), BuildOptions(workers=1)).made
    output = contents(site / "_site")
    assert output == clean_build(site, tmp_path)
    topic_pages = {name for name, data in output.items() if b'class="topic-item edited"' in data}
    assert topic_pages and set(made) == topic_pages
    edit(site / "templates/_macros.html", "{% macro teaser(", "{#- edited -#}{% macro teaser(")
    made = build_site(load_config(site / "site.yaml"), BuildOptions(workers=1)).made
    assert set(made) == {name for name in output if name.endswith(".html")}
    assert contents(site / "_site") == clean_build(site, tmp_path)


def test_a_template_imported_by_an_imported_template_is_recorded_by_every_page(site: Path, tmp_path: Path) -> None:
    """Jinja runs an imported template once a build and keeps the result: a template it imports in turn is
    loaded by the first page only, yet every page shows it and must be made again when it changes."""
    (site / "templates/_motto.html").write_text('{% set motto = "旧" %}', encoding="utf-8")
    edit(site / "templates/_site.html", "{% set head %}", '{% import "_motto.html" as m %}{% set head %}{{ m.motto }}')
    build(site)
    edit(site / "templates/_motto.html", "旧", "新")
    build(site)
    assert contents(site / "_site") == clean_build(site, tmp_path)


def test_the_cache_forgets_the_dependency_tokens_no_output_holds(site: Path) -> None:
    """Edits leave few tokens behind in the stored table (a renamed article's, a topic's list read at new
    bounds): however many edits, it holds every token some output holds and at most an eighth more."""
    article = site / ARTICLE
    for count in range(12):
        renamed = article.with_name(f"02-jin-rong-{count}.md")
        article.rename(renamed)
        article = renamed
        build(site)
        index = BuildCache.open(site).index
        reads = [*(record.read for record in index.outputs.values()), *(g.read for g in index.groups.values())]
        held = {index.tokens.tokens[number] for packed in reads for number in index.tokens.unpack(packed)}
        recorded = {token for token, _ in index.tokens.recorded()}
        assert held and held <= recorded
        assert len(recorded) <= SWEEP_GROWTH * len(held), count
