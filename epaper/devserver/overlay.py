"""What the preview adds to every HTML page it serves: the livereload client, and the build error if any."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from ..errors import Problem

OVERLAY_ID = "epaper-build-error"

# livereload.js reads the server's host and port from its own URL: built from the page's location,
# it works from a phone on the LAN as well as on 127.0.0.1.
LIVERELOAD_LOADER = (
    "<script>(function(){var s=document.createElement('script');"
    "var port=location.port||(location.protocol==='https:'?443:80);"
    "s.src='//'+location.hostname+':'+port+'/livereload.js?port='+port;"
    "document.head.appendChild(s);})();</script>"
)
OVERLAY_STYLE = (
    "position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:60vh;overflow:auto;margin:0;"
    "padding:1em 1.25em;background:#3b0a0a;color:#fff;font:14px/1.5 ui-monospace,monospace;"
    "white-space:pre-wrap;box-shadow:0 -2px 12px rgba(0,0,0,.4)"
)
BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)


def error_overlay(problems: Sequence[Problem]) -> str:
    """A fixed panel listing ``path:line: message``; the page under it is the last good build."""
    lines = "\n".join(html.escape(str(problem)) for problem in problems)
    return (
        f'<div id="{OVERLAY_ID}" role="alert" style="{OVERLAY_STYLE}">'
        "<strong>Build failed: showing the last good version. Fix the file and save; "
        "this page reloads by itself.</strong>\n"
        f"{lines}</div>"
    )


def page_addition(problems: Sequence[Problem]) -> bytes:
    addition = LIVERELOAD_LOADER + (error_overlay(problems) if problems else "")
    return addition.encode("utf-8")


def add_to_page(page: bytes, addition: bytes) -> bytes:
    """Insert ``addition`` just before the last ``</body>``, or at the end of a page without one."""
    ends = list(BODY_END.finditer(page))
    if not ends:
        return page + addition
    cut = ends[-1].start()
    return page[:cut] + addition + page[cut:]
