"""The one way the service makes a PDF: from a complete HTML page (with its <title> and
<html lang>), as a tagged PDF/UA-1 document, so screen readers can read it in order and
know its language and title."""


def render_pdf(html: str) -> bytes:
    from weasyprint import HTML  # type: ignore[import-untyped]  # slow import, only when used

    pdf: bytes = HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
    return pdf
