"""The options of `build.py import`, kept apart so that building the CLI does not load the importer."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="raw text of the page, in reading order; or PDFs of print pages (FILE.pdf)",
    )
    parser.add_argument("--date", required=True, help="issue date, YYYY-MM-DD")
    parser.add_argument(
        "--page",
        help="print page number of this text (required), or of the first PDF page "
        "(default: the page label in its running header, else 1, 2, …)",
    )
    parser.add_argument("--page-name", help="name of the page (版名), e.g. 要闻")
    parser.add_argument("--issue-number", help="issue number (期号) to record in issue.yaml")
    parser.add_argument("--encoding", help="encoding of the files (default: UTF-8, else GB18030)")
    parser.add_argument("--dry-run", action="store_true", help="write nothing; only print the report")
    parser.add_argument("--json", action="store_true", help="print the report as a JSON array of articles")
    parser.add_argument("--force", action="store_true", help="replace article files that already exist")
