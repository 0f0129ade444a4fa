"""Files people give us (attachments, receipts): which kinds we take, how large, and a
form field that says exactly what is wrong with a file.

The kind is decided from the file's first bytes, not from its name, so a renamed
program is refused; the name's extension must agree with what the bytes say."""

from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


@dataclass(frozen=True)
class Kind:
    content_type: str
    extensions: tuple[str, ...]
    signatures: tuple[bytes, ...]


KINDS = (
    Kind("application/pdf", (".pdf",), (b"%PDF-",)),
    Kind("image/jpeg", (".jpg", ".jpeg"), (b"\xff\xd8\xff",)),
    Kind("image/png", (".png",), (b"\x89PNG\r\n\x1a\n",)),
    # Word documents are zip files; the extension tells them from other zips.
    Kind(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (".docx",),
        (b"PK\x03\x04",),
    ),
)
ACCEPT = ",".join(ext for kind in KINDS for ext in kind.extensions)
KINDS_IN_WORDS = gettext_lazy("a PDF, JPG, PNG or Word (.docx) file")


def kind_of(name: str, head: bytes) -> Kind | None:
    lowered = name.lower()
    for kind in KINDS:
        if lowered.endswith(kind.extensions) and head.startswith(kind.signatures):
            return kind
    return None


def size_in_words(size: int) -> str:
    """10 MB for a whole number of megabytes, as the forms' hints say; else Django's words."""
    megabytes, rest = divmod(size, 1024 * 1024)
    return f"{megabytes} MB" if megabytes and not rest else str(filesizeformat(size))


def upload_problem(name: str, size: int, head: bytes, limit: int) -> str | None:
    """What is wrong with a file, in words a person can act on; None if it is fine."""
    if size == 0:
        return _("The selected file is empty")
    if size > limit:
        return _("The selected file must be smaller than %(limit)s") % {
            "limit": size_in_words(limit)
        }
    if kind_of(name, head) is None:
        return _("The selected file must be %(kinds)s") % {"kinds": KINDS_IN_WORDS}
    return None


class UploadField(forms.FileField):
    """A file field that takes only the kinds above, up to settings.MAX_UPLOAD_BYTES."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        upload = super().clean(data, initial)
        if isinstance(upload, UploadedFile):
            head = upload.read(16)
            upload.seek(0)
            problem = upload_problem(
                upload.name or "", upload.size or 0, head, settings.MAX_UPLOAD_BYTES
            )
            if problem:
                raise forms.ValidationError(problem)
            kind = kind_of(upload.name or "", head)
            assert kind is not None
            upload.content_type = kind.content_type
        return upload
