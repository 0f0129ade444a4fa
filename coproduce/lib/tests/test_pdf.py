import re
import zlib

from coproduce.lib.pdf import render_pdf

PAGE = """<!DOCTYPE html><html lang="cy"><head><meta charset="utf-8">
<title>Eich gwybodaeth</title></head><body><h1>Eich gwybodaeth</h1>
<table><tr><th scope="row">Enw</th><td>Margaret</td></tr></table></body></html>"""


def readable(pdf: bytes) -> bytes:
    """The PDF with its compressed streams (objects included) inflated, to search in."""
    inflated = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            inflated.append(zlib.decompress(stream))
        except zlib.error:
            inflated.append(stream)
    return pdf + b"\n".join(inflated)


def test_a_pdf_is_tagged_with_its_title_and_language() -> None:
    pdf = render_pdf(PAGE)
    assert pdf.startswith(b"%PDF-")
    text = readable(pdf)
    assert b"/StructTreeRoot" in text
    assert b"/Lang (cy)" in text
    assert b'pdfuaid:part="1"' in text
    assert b"/DisplayDocTitle true" in text
    assert b'<rdf:li xml:lang="x-default">Eich gwybodaeth</rdf:li>' in text
