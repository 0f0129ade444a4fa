"""Files people give us (attachments, receipts): which kinds we take, how large, a form
field that says exactly what is wrong with a file, how a stored file is given back to
someone allowed to see it, and how it is deleted.

The kind is decided from the file's first bytes, not from its name, so a renamed
program is refused; the name's extension must agree with what the bytes say. The same
check is made again when a file is served, so a file is only ever shown in the browser
as one of the kinds we take."""

from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404
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


# Kinds a browser may show in the page's place (the rest are always downloaded).
INLINE_TYPES = frozenset({"application/pdf", "image/jpeg", "image/png"})
UNKNOWN_TYPE = "application/octet-stream"
HEAD_BYTES = 16


def served_type(name: str, head: bytes, stored_type: str | None = None) -> str:
    """The content type to send a stored file with: one of the kinds we take, when its
    bytes and name agree (and agree with the type stored with it); else a plain download."""
    kind = kind_of(name, head)
    if kind is None or (stored_type is not None and stored_type != kind.content_type):
        return UNKNOWN_TYPE
    return kind.content_type


def file_response(file: FieldFile, name: str, stored_type: str | None = None) -> FileResponse:
    """A stored file, for someone the caller has already checked may see it. Shown in the
    browser only if it is a PDF or a picture; never guessed at (nosniff); never kept by a
    shared cache or the browser's history. 404 if the file has gone."""
    if not file:
        raise Http404("No file")
    try:
        handle = file.open("rb")
    except FileNotFoundError:
        raise Http404("The file has gone") from None
    head = handle.read(HEAD_BYTES)
    handle.seek(0)
    content_type = served_type(name, head, stored_type)
    response = FileResponse(
        handle,
        as_attachment=content_type not in INLINE_TYPES,
        filename=name,
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def delete_on_commit(file: FieldFile) -> None:
    """Delete a stored file once the transaction that stops using it commits. If the
    transaction rolls back, the row still points at the file, so the file must stay."""
    name, storage = file.name, file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))
