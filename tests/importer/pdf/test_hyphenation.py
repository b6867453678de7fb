"""Words broken at a line's end by the typesetter's hyphen are read whole; a word's own hyphen stays."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from epaper.importer.pdf.chars import read_pdf
from epaper.importer.pdf.parse import read_page

HYPHENATED = ["Mentre il governo prepara il decreto sul caso", "dei migranti in Albania, nel pieno dello scon-",
              "tro con la magistratura, il presidente della Re-", "pubblica Mattarella invita al dialogo. «Le istitu-",
              "zioni non si limitino a una visione di parte. No", "a contrapposizioni, occorre mediare», è il mo-",
              "nito del Capo dello Stato, che parla da Roma."]
OWN_HYPHENS = ["The agency proposes to require a repetitive non-", "routine inspection of the nose landing gear and",
               "the replacement of the actuator if it is found", "damaged, which could otherwise cause a nose-",
               "down pitch of the aeroplane on landing, and the", "loss of control of the aeroplane on the ground.",
               *["This proposed rule would not have federalism implications under the order."] * 2,
               *["It would not affect intrastate aviation in Alaska, nor any other state."] * 2,
               *["The agency has determined that this proposed rule is not significant."] * 2,
               *["It would not have a significant economic impact on small entities."] * 2,
               *["The agency prepared an economic evaluation of the estimated costs."] * 2,
               *["All comments received will be available for examination in the docket."] * 2,
               *["Send comments on this proposal on or before the date given above."] * 2,
               *["Examining the docket is possible on the internet or in person."] * 2,
               *["The street address for the docket office is listed above."] * 2]


def _column(path: Path, lines: list[str]) -> Path:
    canvas = Canvas(str(path), pagesize=(400, 100 + 12 * len(lines)))
    canvas.setFont("Times-Bold", 22)
    canvas.drawString(30, 60 + 12 * len(lines), "L’altolà di Mattarella")
    canvas.setFont("Times-Roman", 9)
    for number, line in enumerate(lines):
        canvas.drawString(30, 40 + 12 * (len(lines) - number), line)
    canvas.save()
    return path


@pytest.mark.parametrize(("lines", "read", "not_read"), [
    (HYPHENATED, ["scontro", "Repubblica", "istituzioni", "monito"], ["scon-", "Re-"]),
    (OWN_HYPHENS, ["non-routine", "nose-down"], ["nonroutine", "nosedown"]),
])
def test_a_word_broken_at_a_lines_end_reads_as_the_typesetter_set_it(tmp_path: Path, lines: list[str],
                                                                     read: list[str], not_read: list[str]) -> None:
    [page] = read_pdf(_column(tmp_path / "column.pdf", lines))
    [article] = read_page(page).articles
    text = " ".join(text for _, text in article.blocks)
    assert all(word in text for word in read) and not any(word in text for word in not_read)
