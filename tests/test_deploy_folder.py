"""``build.py deploy`` into a folder, how targets are named, and ``deploy:`` in site.yaml."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from deploying import MANIFEST, output_files, sample_site

from epaper.config import load_config
from epaper.inputs import site_key


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return sample_site(tmp_path)


def inodes(folder: Path) -> dict[str, int]:
    return {path.relative_to(folder).as_posix(): path.stat().st_ino for path in folder.rglob("*") if path.is_file()}


def test_a_folder_receives_the_site_and_later_only_what_changed(
    run_cli: Callable[..., int], site: Path, tmp_path: Path
) -> None:
    target = tmp_path / "www" / "epaper"
    target.parent.mkdir()
    assert run_cli(site, "deploy", str(target), "-q") == 0
    local = output_files(site / "_site")
    assert output_files(target) == local | {MANIFEST: (target / MANIFEST).read_bytes()}
    first = inodes(target)
    assert run_cli(site, "deploy", str(target), "-q") == 0
    assert inodes(target) == first  # nothing rewritten, not even the manifest
    article = site / "content" / "2021" / "01" / "18" / "04-que-bao-yi-kao-kao.md"
    article.write_text(article.read_text(encoding="utf-8").replace("艺考", "艺术考试"), encoding="utf-8")
    assert run_cli(site, "deploy", str(target), "-q") == 0
    changed = {path for path, data in output_files(site / "_site").items() if local.get(path) != data}
    rewritten = {path for path, inode in inodes(target).items() if first.get(path) != inode}
    assert "2021/01/18/04/que-bao-yi-kao-kao/index.html" in changed
    assert rewritten == changed | {MANIFEST}


def test_a_deleted_article_leaves_no_file_or_empty_folder(
    run_cli: Callable[..., int], site: Path, tmp_path: Path
) -> None:
    target = tmp_path / "epaper"
    assert run_cli(site, "deploy", str(target), "-q") == 0
    assert (target / "2021/01/18/04/que-bao-yi-kao-kao/index.html").is_file()
    (site / "content" / "2021" / "01" / "18" / "04-que-bao-yi-kao-kao.md").unlink()
    assert run_cli(site, "deploy", str(target), "-q") == 0
    assert not (target / "2021/01/18/04/que-bao-yi-kao-kao").exists()
    assert output_files(target).keys() == output_files(site / "_site").keys() | {MANIFEST}


def test_a_first_deploy_replaces_what_the_folder_held(
    run_cli: Callable[..., int], site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "epaper"
    (target / "old").mkdir(parents=True)
    (target / "old" / "page.html").write_text("an earlier site", encoding="utf-8")
    (target / "index.html").write_text("an earlier home page", encoding="utf-8")
    assert run_cli(site, "deploy", str(target), "--no-delete", "-q") == 0
    assert (target / "old" / "page.html").is_file()
    assert (target / "index.html").read_bytes() == (site / "_site" / "index.html").read_bytes()
    capsys.readouterr()
    assert run_cli(site, "deploy", str(target), "--no-build", "--dry-run") == 0
    assert capsys.readouterr().out == "would delete old/page.html\n"
    assert (target / "old" / "page.html").is_file()
    assert run_cli(site, "deploy", str(target), "--no-build", "-q") == 0
    assert not (target / "old").exists()


def test_the_changed_urls_are_printed_and_written(
    run_cli: Callable[..., int], site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "epaper"
    assert run_cli(site, "deploy", str(target), "-q", "--base-url", "https://news.example.cn/epaper/") == 0
    capsys.readouterr()
    article = site / "content" / "2021" / "01" / "18" / "04-que-bao-yi-kao-kao.md"
    article.write_text(article.read_text(encoding="utf-8").replace("艺考", "艺术考试"), encoding="utf-8")
    changes = tmp_path / "changes.json"
    arguments = ["--base-url", "https://news.example.cn/epaper/", "--changes", str(changes)]
    assert run_cli(site, "deploy", str(target), "-q", *arguments) == 0
    printed = capsys.readouterr().out.splitlines()
    written = json.loads(changes.read_text(encoding="utf-8"))
    assert written["target"] == str(target)
    assert printed == written["uploaded"] + written["deleted"]
    assert "https://news.example.cn/epaper/2021/01/18/04/que-bao-yi-kao-kao/" in printed
    assert "https://news.example.cn/epaper/" in printed  # the home page lists the article
    assert all(url.startswith("https://news.example.cn/epaper/") for url in printed)


def test_a_named_folder_target_is_relative_to_site_yaml(run_cli: Callable[..., int], site: Path) -> None:
    settings = site / "site.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text + "deploy:\n  targets:\n    local:\n      folder: ../published\n", encoding="utf-8")
    assert run_cli(site, "deploy", "-q") == 0  # the first target is the default
    assert (site.parent / "published" / "index.html").is_file()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ([], "error: site.yaml: no target: name one (s3://BUCKET/PREFIX, a folder, host:path) or add deploy.targets"),
        (["{tmp}/missing/epaper"], "error: {tmp}/missing/epaper: {tmp}/missing does not exist"),
        (["{tmp}/epaper", "--endpoint-url", "http://127.0.0.1:9"], "--endpoint-url applies only to an s3:// target"),
        (["s3:///epaper"], "error: s3:///epaper: an s3:// target needs a bucket: s3://BUCKET/PREFIX"),
    ],
)
def test_a_wrong_target_is_one_line(
    run_cli: Callable[..., int],
    site: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    message: str,
) -> None:
    assert run_cli(site, "build", "-q") == 0
    given = [argument.replace("{tmp}", str(tmp_path)) for argument in arguments]
    assert run_cli(site, "deploy", "--no-build", *given) == 1
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1
    assert message.replace("{tmp}", str(tmp_path)) in error


DEPLOY_PROBLEMS = [
    ("deploy:\n  targets:\n    web:\n      bukcet: x\n", "site.yaml:4: unknown key 'bukcet' (did you mean 'bucket'?)"),
    (
        "deploy:\n  targets:\n    web:\n      bucket: b\n      folder: f\n",
        "site.yaml:3: 'deploy.targets.web' needs exactly one of bucket, folder, rsync (bucket, folder)",
    ),
    (
        "deploy:\n  targets:\n    web:\n      folder: f\n      endpoint: https://oss.example.com\n",
        "site.yaml:5: 'deploy.targets.web.endpoint' applies only to a bucket",
    ),
    (
        "deploy:\n  targets:\n    web:\n      bucket: b\n      endpoint: oss.example.com\n",
        "site.yaml:5: 'deploy.targets.web.endpoint' must be an http(s) URL such as https://oss-cn-beijing.aliyuncs.com",
    ),
    (
        "deploy:\n  targets:\n    web:\n      bucket: s3://b\n",
        "site.yaml:4: 'deploy.targets.web.bucket' must be a bucket name, without 's3://' or '/'",
    ),
    (
        "deploy:\n  targets:\n    web: /srv/www\n",
        "site.yaml:3: 'deploy.targets.web' must be a mapping of keys to values",
    ),
    ("deploy:\n  cache_control:\n    pages: 300\n", "site.yaml:3: 'deploy.cache_control.pages' must be text, not 300"),
    (
        "deploy:\n  cache_contorl:\n    pages: no-cache\n",
        "site.yaml:2: unknown key 'cache_contorl' (did you mean 'cache_control'?)",
    ),
    ("deploy: production\n", "site.yaml:1: 'deploy' must be a mapping of keys to values, not 'production'"),
]


@pytest.mark.parametrize(("section", "message"), DEPLOY_PROBLEMS)
def test_deploy_settings_are_checked_with_their_line(
    run_cli: Callable[..., int], tmp_path: Path, capsys: pytest.CaptureFixture[str], section: str, message: str
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "site.yaml").write_text(section + "title: 报\nbase_url: https://example.org/\n", encoding="utf-8")
    assert run_cli(site, "build") == 1
    assert capsys.readouterr().err.strip() == f"error: {message}"


def test_deploy_settings_do_not_change_the_build(site: Path) -> None:
    """Adding a target must not throw the build cache away: the settings are not part of the site key."""
    before = load_config(site / "site.yaml")
    settings = site / "site.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "deploy:\n  targets:\n    web:\n      folder: x\n")
    after = load_config(site / "site.yaml")
    assert after.deploy.targets["web"].folder == site / "x"
    assert site_key(before, False, {}) == site_key(after, False, {})


def test_progress_is_shown_in_files_and_bytes(
    run_cli: Callable[..., int],
    site: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("epaper.deploy.run.PROGRESS_EVERY", 0.0)  # a line per file instead of every two seconds
    assert run_cli(site, "deploy", str(tmp_path / "epaper")) == 0
    total = len(output_files(site / "_site"))
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("uploaded ")]
    assert len(lines) == total
    assert lines[-1].startswith(f"uploaded {total} of {total} files (")
    assert lines[-1].endswith(" MB)")
    assert lines[0].startswith(f"uploaded 1 of {total} files (0.0 of ")


def test_an_unwritable_changes_file_is_one_line(
    run_cli: Callable[..., int], site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    changes = tmp_path / "no-such-folder" / "changes.json"
    assert run_cli(site, "deploy", str(tmp_path / "epaper"), "-q", "--changes", str(changes)) == 1
    error = capsys.readouterr().err.strip()
    assert error == f"error: {changes}: cannot be written: No such file or directory"
