"""Incremental builds with customised templates: whatever a template reads, the output is a clean build's.

The templates here are generated from the README's list of template objects and attributes: every page
type reads every attribute of every object it can reach (following issues, print pages, articles, story
parts, neighbours and topics as far as they go). A series of edits is then built incrementally, by single
builds and by one preview-server session, and every output is compared byte for byte with a clean build.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from sitecheck import copy_site

from epaper.config import load_config
from epaper.dependencies import CurrentValues
from epaper.pipeline import BuildOptions, BuildSession, build_site

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
OBJECT_ROW = re.compile(r"^\| (issue|print page|article|topic|pagination|calendar) \| (.+) \|$", re.MULTILINE)
# the attributes that lead to other objects: (object, attribute) -> (object, one or a list)
LINKS = {
    ("issue", "pages"): ("print page", "list"),
    ("issue", "articles"): ("article", "list"),
    ("issue", "older"): ("issue", "one"),
    ("issue", "newer"): ("issue", "one"),
    ("print page", "articles"): ("article", "list"),
    ("article", "story"): ("article", "list"),
    ("article", "previous"): ("article", "one"),
    ("article", "next"): ("article", "one"),
    ("topic", "articles"): ("article", "list"),
    ("pagination", "items"): ("article", "list"),
}
DEPTH = 4  # links followed from each object a page is given: enough to reach every issue of the test site


def documented_attributes() -> dict[str, list[str]]:
    """The README's table of template objects: attribute names, leaving out what parentheses explain."""
    found = {
        kind: re.findall(r"`(\w+)`", re.sub(r"\([^)]*\)", "", names)) for kind, names in OBJECT_ROW.findall(README)
    }
    assert set(found) == {"issue", "print page", "article", "topic", "pagination", "calendar"}
    return found


def macros() -> str:
    """One macro per object that prints every documented attribute, following links ``depth`` deep."""
    text = []
    for kind, attributes in documented_attributes().items():
        name = "dump_" + kind.replace(" ", "_")
        parts = []
        for attribute in attributes:
            link = LINKS.get((kind, attribute))
            value = f"x.{attribute}"
            if link is None:
                parts.append(  # sequences as lists: an article's paragraphs are a lazy sequence
                    f"{attribute}={{% if {value} is iterable and {value} is not string %}}{{{{ {value} | list }}}}"
                    f"{{% else %}}{{{{ {value} }}}}{{% endif %}}"
                )
            elif link[1] == "list":
                target = "dump_" + link[0].replace(" ", "_")
                parts.append(
                    f"{attribute}={{{{ {value} | length }}}}{{% if depth > 0 %}}[{{% for y in {value} %}}"
                    f"{{{{ {target}(y, depth - 1) }}}}{{% endfor %}}]{{% endif %}}"
                )
            else:
                target = "dump_" + link[0].replace(" ", "_")
                parts.append(
                    f"{attribute}={{% if {value} is none %}}-{{% elif depth > 0 %}}"
                    f"{{{{ {target}({value}, depth - 1) }}}}{{% else %}}+{{% endif %}}"
                )
        text.append(f"{{% macro {name}(x, depth) %}}<{kind} {' '.join(parts)}>{{% endmacro %}}")
    return "\n".join(text) + "\n"


PAGE_CONTEXTS = {  # what each page type is given, as the README says
    "home.html": "{{ dump_issue(issue, D) }}{% for i in recent %}{{ dump_issue(i, D) }}{% endfor %}"
    "{{ dump_calendar(calendar, 0) }}",
    "issue.html": "{{ dump_issue(issue, D) }}{{ dump_calendar(calendar, 0) }}",
    "page.html": "{{ dump_issue(issue, D) }}{{ dump_print_page(page, D) }}",
    "article.html": "{{ dump_issue(issue, D) }}{{ dump_print_page(page, D) }}{{ dump_article(article, D) }}"
    "{% for t in topics %}{{ dump_topic(t, D) }}{% endfor %}",
    "topics.html": "{% for t in topics %}{{ dump_topic(t, D) }}{% endfor %}",
    "topic.html": "{{ dump_topic(topic, D) }}{{ dump_pagination(pagination, D) }}",
    "archive.html": "{% for year, months in years %}{{ year }}{% for month, issues in months %}"
    "{{ dump_calendar(month, 0) }}{% for i in issues %}{{ dump_issue(i, D) }}{% endfor %}{% endfor %}{% endfor %}",
}


def every_attribute(site: Path) -> None:
    """Replace the page templates by ones that print every documented attribute they can reach."""
    (site / "templates/_everything.html").write_text(macros(), encoding="utf-8")
    for name, body in PAGE_CONTEXTS.items():
        template = (
            '{% from "_everything.html" import dump_issue, dump_print_page, dump_article, dump_topic, dump_pagination,'
            " dump_calendar %}"
            "{{ page_spec.title }}|{{ page_spec.description }}|{{ page_spec.breadcrumbs }}|"
            "{{ structured_data | json_ld }}\n" + body.replace("(D)", f"({DEPTH})").replace(", D)", f", {DEPTH})")
        )
        (site / "templates" / name).write_text(template, encoding="utf-8")


MORE_IN_TOPIC = (  # the box of the issue that found the stale pages
    "{% for t in topics[:1] %}<aside><h2>更多{{ t.name }}</h2><ul>{% for a in t.articles[:3] %}"
    "<li>{{ a.display_title }}</li>{% endfor %}</ul></aside>{% endfor %}"
)


def more_in_topic(site: Path) -> None:
    """Our templates, with a "more in this topic" box on article pages and the topic's size on print pages."""
    article = site / "templates/article.html"
    article.write_text(article.read_text(encoding="utf-8").replace("</article>", MORE_IN_TOPIC + "</article>"))
    page = site / "templates/page.html"
    extra = "{% for a in page.articles %}{% for t in a.topics %}{{ t }}{% endfor %}{% endfor %}"
    extra += "{{ issue.older.number if issue.older }}"
    page.write_text(page.read_text(encoding="utf-8").replace("{% endblock %}", extra + "{% endblock %}", 1))


NEWEST = "content/2021/01/20"


def three_issues(site: Path) -> None:
    """The basic site and a newer issue whose articles are in both topics and continue on another page."""
    (site / NEWEST).mkdir(parents=True)
    write(
        site / NEWEST / "issue.yaml",
        "date: 2021-01-20\nnumber: 5002\npages:\n  - number: 1\n    name: 要闻\n  - number: 2\n    name: 经济\n",
    )
    write(
        site / NEWEST / "01-yin-hang.md",
        "---\ntitle: 银行新规\npage: 1\ntopics: [finance]\ncontinues_on: 2\n---\n上半篇。\n",
    )
    write(
        site / NEWEST / "02-yin-hang.md",
        "---\ntitle: 银行新规\npage: 2\ntopics: [finance]\ncontinued_from: 1\n---\n下半篇。\n",
    )
    write(
        site / NEWEST / "02-you-zheng.md",
        "---\ntitle: 邮政新闻\npage: 2\norder: 3\ntopics: [post, finance]\n---\n一则。\n",
    )


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


EDITS: dict[str, Callable[[Path], None]] = {
    "change a title in the newest issue": lambda site: edit(site / NEWEST / "02-you-zheng.md", "邮政新闻", "邮政要闻"),
    "change an article's body": lambda site: edit(site / NEWEST / "01-yin-hang.md", "上半篇。", "上半篇，改过。"),
    "move an article to another topic": lambda site: edit(
        site / NEWEST / "02-you-zheng.md", "[post, finance]", "[post]"
    ),
    "add an article": lambda site: write(
        site / NEWEST / "01-xin-wen.md", "---\ntitle: 新闻\npage: 1\norder: 5\ntopics: [finance]\n---\n新的一篇。\n"
    ),
    "delete an article": lambda site: (site / NEWEST / "01-xin-wen.md").unlink(),
    "rename an article": lambda site: (site / NEWEST / "02-you-zheng.md").rename(site / NEWEST / "02-you-zheng-xin.md"),
    "break a story's jump": lambda site: edit(site / NEWEST / "02-yin-hang.md", "continued_from: 1\n", ""),
    "change issue.yaml": lambda site: edit(site / NEWEST / "issue.yaml", "number: 5002\n", "number: 5003\n"),
    "rename a print page": lambda site: edit(site / NEWEST / "issue.yaml", "name: 经济", "name: 财经"),
    "change an older issue": lambda site: edit(site / "content/2021/01/18/02-jin-rong.md", "保费突破", "保费超过"),
    "add an issue": lambda site: (
        (site / "content/2021/01/21").mkdir(),
        write(site / "content/2021/01/21/issue.yaml", "date: 2021-01-21\npages:\n  - number: 1\n    name: 要闻\n"),
        write(site / "content/2021/01/21/01-zui-xin.md", "---\ntitle: 最新\npage: 1\ntopics: [finance]\n---\n最新。\n"),
    ),
    "delete an issue": lambda site: shutil.rmtree(site / "content/2021/01/21"),
    "change site.yaml": lambda site: edit(site / "site.yaml", "per_page: 2", "per_page: 1"),
    "change a topic in site.yaml": lambda site: edit(site / "site.yaml", "description: 金融新闻", "description: 金融"),
    "change a template": lambda site: edit(site / "templates/article.html", "{{", "<!-- edited -->{{"),
    "change the theme": lambda site: edit(site / "theme/style.css", "}", "}\n/* edited */"),
}


def contents(output: Path) -> dict[str, bytes]:
    return {path.relative_to(output).as_posix(): path.read_bytes() for path in output.rglob("*") if path.is_file()}


def build(site: Path, session: BuildSession | None = None) -> dict[str, bytes]:
    build_site(load_config(site / "site.yaml"), BuildOptions(workers=1), session)
    return contents(site / "_site")


def stale_outputs(tmp_path: Path, customise: Callable[[Path], None], edits: Sequence[str] = ()) -> dict[str, list[str]]:
    """Run the edit series (or the named ``edits`` of it) on a site built once by single builds, and once by a
    session; per edit, the files of either that differ from a clean build of the same input."""
    single = copy_site("basic", tmp_path / "single")
    three_issues(single)
    customise(single)
    served = tmp_path / "served"
    shutil.copytree(single, served)
    session = BuildSession(save_on_close=True)
    build(single)
    build(served, session)
    differences = {}
    for name in edits or EDITS:
        change = EDITS[name]
        change(single)
        change(served)
        clean = tmp_path / "clean"
        shutil.rmtree(clean, ignore_errors=True)
        shutil.copytree(single, clean, ignore=shutil.ignore_patterns("_site", ".cache"))
        expected = build(clean)
        found = [
            f"{kind}: {file}"
            for kind, output in (("single build", build(single)), ("session", build(served, session)))
            for file in sorted(set(output) | set(expected))
            if output.get(file) != expected.get(file)
        ]
        if found:
            differences[name] = found
    session.close()
    return differences


@pytest.mark.parametrize("customise", [every_attribute, more_in_topic], ids=["every attribute", "more in topic"])
def test_every_incremental_build_gives_the_clean_build_output(
    tmp_path: Path, customise: Callable[[Path], None]
) -> None:
    assert stale_outputs(tmp_path, customise) == {}


def test_the_comparison_fails_when_invalidation_is_broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The mutation check: with no recorded read ever seen as changed, the series finds stale pages."""
    monkeypatch.setattr(CurrentValues, "changed", lambda self, *recorded: set())
    stale = stale_outputs(tmp_path, more_in_topic)
    assert "change a title in the newest issue" in stale
    assert any("2021/01/18/" in file for file in stale["change a title in the newest issue"])  # an older issue's page


def test_the_comparison_fails_when_a_body_is_not_seen_as_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The mutation check of the body tokens: a body edit keeps the article's fingerprint (its head), so only
    the ``b:`` token of each page that shows the body tells it to be made again."""
    changed = CurrentValues.changed
    monkeypatch.setattr(
        CurrentValues, "changed", lambda self, *given: {t for t in changed(self, *given) if not t.startswith("b:")}
    )
    stale = stale_outputs(tmp_path, every_attribute, ["change an article's body"])
    assert any("2021/01/20/01/yin-hang/" in file for file in stale["change an article's body"])
