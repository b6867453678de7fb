"""Text that XML 1.0 can carry: control characters that an editor may paste from a layout system removed."""

from __future__ import annotations

import re

# XML 1.0 allows tab, newline and carriage return among the C0 controls, and no surrogates or U+FFFE/U+FFFF.
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: str) -> str:
    return NOT_IN_XML.sub("", value)
