#!/usr/bin/env bash
# Re-create content/2021/01/18/ from the sample issue's raw text (../shared/seed/zgyzb-sample-issue.txt).
#
# The text holds three printed pages with no page markers; it is cut where the layout changes:
#   page 2, lines 1-379:   a full-page feature in narrow columns (87小时，保费突破30亿元！) and three
#                          local briefs with kickers in wide columns, each closing with a □byline;
#   page 3, lines 380-827: a story continued from page 1 (布局谋篇 落实落细, （上接第 1 版）) and, in a
#                          wider column, the end of a commentary whose start (and headline) is on page 1;
#   page 4, lines 828-839: a photo report (确保艺考考卷及时收寄 … 摄影报道).
# The importer flags the page-1 fragment as a draft: it has no headline to publish under.
#
# The text has no page pictures, so the imported articles are then typeset into page PDFs
# (tools/typeset_sample.py, with the tests' newspaper typesetter) and those PDFs imported again: that
# gives each page its picture, thumbnail and PDF, and each article its region on the page. The pictures
# are re-typeset pages, not scans of the printed paper.
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${1:-../shared/seed/zgyzb-sample-issue.txt}
python=${PYTHON:-.venv/bin/python}
pages=$(mktemp -d)
trap 'rm -rf "$pages"' EXIT
sed -n '1,379p' "$seed" >"$pages/page-2.txt"
sed -n '380,827p' "$seed" >"$pages/page-3.txt"
sed -n '828,839p' "$seed" >"$pages/page-4.txt"
"$python" build.py import "$pages/page-2.txt" --date 2021-01-18 --page 2 --page-name 地方新闻 "${@:2}"
"$python" build.py import "$pages/page-3.txt" --date 2021-01-18 --page 3 --page-name 综合新闻 "${@:2}"
"$python" build.py import "$pages/page-4.txt" --date 2021-01-18 --page 4 --page-name 图片新闻 "${@:2}"
"$python" -m tools.typeset_sample content/2021/01/18 "$pages/typeset"
"$python" build.py import "$pages"/typeset/page-*.pdf --date 2021-01-18 --force
