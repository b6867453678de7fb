from __future__ import annotations

from pathlib import Path

import pytest

from epaper.config import load_config
from epaper.errors import SiteError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "site.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_and_normalised_base_url(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "title: 日报\nbase_url: https://example.org/epaper\n"))
    assert config.base_url == "https://example.org/epaper/"
    assert config.base_path == "/epaper/"
    assert (config.language, config.timezone, config.per_page) == ("zh-CN", "Asia/Shanghai", 20)
    assert config.output_dir == tmp_path / "_site"
    assert config.publisher == "日报"
    assert config.allow_html is False


def test_every_problem_is_reported_at_once_with_its_line(tmp_path: Path) -> None:
    text = (
        "title: 日报\n"
        "base_url: ftp://example.org\n"
        "topics:\n"
        "  - name: 金融\n"
        "    slug: Finance News\n"
        "  - nmae: 邮政\n"
        "    slug: post\n"
        "theme:\n"
        "  accent_colour: red\n"
        "output_dir: ../elsewhere\n"
    )
    with pytest.raises(SiteError) as raised:
        load_config(write(tmp_path, text))
    messages = [str(problem).split(":", 1)[1] for problem in raised.value.problems]
    assert messages == [
        "2: 'base_url' must be an absolute http(s) URL such as https://example.org/epaper/",
        "5: 'topics.0.slug' must be lower-case ASCII letters, digits and hyphens",
        "6: missing required key 'topics.1.name'",
        "6: unknown key 'nmae' (did you mean 'name'?)",
        "9: unknown key 'accent_colour' (did you mean 'accent_color'?)",
        "10: 'output_dir' must be a folder inside the site, without '..'",
    ]


def test_a_yaml_syntax_error_names_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SiteError) as raised:
        load_config(write(tmp_path, "title: 日报\nbase_url: 'https://example.org/\n"))
    assert str(raised.value.problems[0]).startswith("site.yaml:2: invalid YAML: found unexpected end of stream")
