"""The import command: files written, issue.yaml kept, editors' changes safe, clear errors."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from epaper.errors import SiteError
from epaper.importer import command, options
from tests.importer.fixtures import FIXTURES

PAGE = FIXTURES / "bracket-jump.txt"
TOPICS = [SimpleNamespace(name="金融", slug="finance", description="", keywords=["贷款", "邮储银行"])]


def run(tmp_path: Path, *arguments: str) -> int:
    parser = argparse.ArgumentParser()
    options.add_arguments(parser)
    config = SimpleNamespace(root=tmp_path, content_dir=tmp_path / "content", topics=TOPICS)
    return command.run(parser.parse_args(list(arguments)), config)


def issue_dir(tmp_path: Path) -> Path:
    return tmp_path / "content" / "2021" / "01" / "18"


def test_writes_one_file_per_article_and_the_issue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(tmp_path, str(PAGE), "--date", "2021-01-18", "--page", "3", "--page-name", "综合",
               "--issue-number", "12") == 0
    folder = issue_dir(tmp_path)
    assert sorted(path.name for path in folder.iterdir()) == [
        "03-fu-wu-nuan-ren-xin.md", "03-you-chu-yin-hang-tui.md", "issue.yaml"]
    text = (folder / "03-you-chu-yin-hang-tui.md").read_text(encoding="utf-8")
    header, body = text.removeprefix("---\n").split("\n---\n", 1)
    fields = yaml.safe_load(header)
    assert list(fields) == ["title", "authors", "dateline", "page", "order", "topics", "slug", "continues_on",
                            "needs_review"]
    assert fields["continues_on"] == 2 and fields["topics"] == ["finance"]
    assert fields["authors"] == ["陈明", "赵丽"]
    assert body.strip().split("\n\n")[0].startswith("本报讯（记者 陈明 通讯员 赵丽）为支持春耕")
    assert yaml.safe_load((folder / "issue.yaml").read_text(encoding="utf-8")) == {
        "date": dt.date(2021, 1, 18), "number": 12, "pages": [{"number": 3, "name": "综合"}]}
    assert "written:" in capsys.readouterr().out


def test_reimport_is_idempotent_and_keeps_edited_files(tmp_path: Path) -> None:
    arguments = (str(PAGE), "--date", "2021-01-18", "--page", "3")
    run(tmp_path, *arguments)
    folder = issue_dir(tmp_path)
    before = {path.name: path.read_text(encoding="utf-8") for path in folder.iterdir()}
    run(tmp_path, *arguments)
    assert {path.name: path.read_text(encoding="utf-8") for path in folder.iterdir()} == before
    edited = folder / "03-fu-wu-nuan-ren-xin.md"
    edited.write_text(before[edited.name].replace("入冬以来", "入冬后"), encoding="utf-8")
    run(tmp_path, *arguments)
    assert "入冬后" in edited.read_text(encoding="utf-8")
    run(tmp_path, *arguments, "--force")
    assert edited.read_text(encoding="utf-8") == before[edited.name]


def test_issue_yaml_keeps_what_an_editor_wrote(tmp_path: Path) -> None:
    folder = issue_dir(tmp_path)
    folder.mkdir(parents=True)
    (folder / "issue.yaml").write_text(
        "date: 2021-01-18\nrunning_number: 3456\npages:\n- number: 4\n  name: 专刊\n  editor: 李编辑\n"
        "- number: 3\n  name: 要闻\n  pdf: p3.pdf\n", encoding="utf-8")
    run(tmp_path, str(PAGE), "--date", "2021-01-18", "--page", "3")
    issue = yaml.safe_load((folder / "issue.yaml").read_text(encoding="utf-8"))
    assert issue["running_number"] == 3456
    assert issue["pages"] == [{"number": 3, "name": "要闻", "pdf": "p3.pdf"},
                              {"number": 4, "name": "专刊", "editor": "李编辑"}]


def test_dry_run_json_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(tmp_path, str(PAGE), "--date", "2021-01-18", "--page", "3", "--dry-run", "--json")
    assert not (tmp_path / "content").exists()
    articles = json.loads(capsys.readouterr().out)
    assert [article["title"] for article in articles] == ["邮储银行推出春耕专项贷款", "服务暖人心 寄递解民忧"]
    assert set(articles[0]) == {
        "kicker", "title", "subtitle", "authors", "credit", "dateline", "continued_from", "continues_on",
        "subheads", "paragraphs", "body", "topics", "warnings", "sources", "slug", "captions", "photos", "box"}


def test_slugs_stay_unique_across_pages(tmp_path: Path) -> None:
    run(tmp_path, str(PAGE), "--date", "2021-01-18", "--page", "3")
    run(tmp_path, str(PAGE), "--date", "2021-01-18", "--page", "4")
    names = sorted(path.name for path in issue_dir(tmp_path).glob("04-*.md"))
    assert names == ["04-fu-wu-nuan-ren-xin-2.md", "04-you-chu-yin-hang-tui-2.md"]


@pytest.mark.parametrize(("arguments", "message"), [
    (("--date", "2021-13-01", "--page", "3"), "--date: not a date"),
    (("--date", "18.01.2021", "--page", "3"), "--date: not a date"),
    (("--date", "2021-01-18", "--page", "three"), "--page: not a page number"),
    (("--date", "2021-01-18", "--page", "0"), "--page: not a page number"),
])
def test_bad_options_are_clear_errors(tmp_path: Path, arguments: tuple[str, ...], message: str) -> None:
    with pytest.raises(SiteError, match=message):
        run(tmp_path, str(PAGE), *arguments)
    assert not (tmp_path / "content").exists()


@pytest.mark.parametrize(("data", "message"), [(b"", "empty"), (b"\x00\x01binary", "binary"),
                                                (b"\xff\xfe\xfa\xfb", "cannot decode")])
def test_bad_files_are_clear_errors(tmp_path: Path, data: bytes, message: str) -> None:
    bad = tmp_path / "page.txt"
    bad.write_bytes(data)
    with pytest.raises(SiteError, match=message) as error:
        run(tmp_path, str(PAGE), str(bad), "--date", "2021-01-18", "--page", "3")
    assert str(error.value.problems[0]).startswith(f"{bad.as_posix()}: ")
    assert not (tmp_path / "content").exists()


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SiteError, match="cannot read the file"):
        run(tmp_path, str(tmp_path / "nope.txt"), "--date", "2021-01-18", "--page", "3")
