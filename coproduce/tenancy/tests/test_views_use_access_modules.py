"""Views reach tenant data only through access modules.

Every view module (`views.py`, `*_views.py`, `feeds.py`, `exports.py`, and the open API's
handlers in `endpoints.py`) of every app is read
with `ast`; a model manager (`Person.objects`), a model's `DoesNotExist` or
`get_object_or_404` in one fails the test, naming the file and line. The query belongs in
an access module (a function taking an object that already came through access) or in a
report over an authorised object. `accounts` is left out: signing in reads User and TOTP
rows, which are not any organisation's data.

Which apps' access modules a view may use follows the layers, which import-linter checks
for every module (the contracts in pyproject.toml).
"""

import ast
from pathlib import Path

import coproduce

PACKAGE = Path(coproduce.__file__).parent
NOT_TENANT_DATA = {"accounts"}
MANAGERS = {"objects", "_default_manager", "_base_manager"}
FETCH_OR_404 = {"get_object_or_404", "get_list_or_404"}


def is_view_module(path: Path) -> bool:
    name = path.name
    return name in ("views.py", "feeds.py", "exports.py", "endpoints.py") or name.endswith(
        "_views.py"
    )


def view_modules() -> list[Path]:
    apps = [p.parent for p in PACKAGE.glob("*/apps.py") if p.parent.name not in NOT_TENANT_DATA]
    return sorted(path for app in apps for path in app.glob("*.py") if is_view_module(path))


def direct_queries(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, what) for every manager, DoesNotExist and get_object_or_404 in `tree`."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and (
            node.attr in MANAGERS or node.attr == "DoesNotExist" or node.attr in FETCH_OR_404
        ):
            found.append((node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.ImportFrom):
            found += [(node.lineno, a.name) for a in node.names if a.name in FETCH_OR_404]
        elif isinstance(node, ast.Name) and node.id in FETCH_OR_404:
            found.append((node.lineno, node.id))
    return sorted(found)


def where(path: Path, line: int) -> str:
    return f"{path.relative_to(PACKAGE.parent)}:{line}"


def test_the_walk_finds_the_view_modules_of_every_app() -> None:
    found = {str(p.relative_to(PACKAGE)) for p in view_modules()}
    assert {
        "projects/views.py",
        "activities/invitation_views.py",
        "payments/claim_views.py",
        "accountability/feeds.py",
        "surveys/exports.py",
        "api/endpoints.py",
    } <= found
    assert "accounts/views.py" not in found


def test_no_view_queries_a_model_itself() -> None:
    problems = [
        f"{where(path, line)}: {what} (fetch it through an access module)"
        for path in view_modules()
        for line, what in direct_queries(ast.parse(path.read_text(), str(path)))
    ]
    assert not problems, "\n".join(problems)


def test_the_walk_sees_every_way_of_querying_directly() -> None:
    source = """
from django.shortcuts import get_object_or_404
from coproduce.people import models

def view(request, pk):
    person = models.Person.objects.get(pk=pk)
    try:
        Project._default_manager.get(pk=pk)
    except Project.DoesNotExist:
        pass
    return get_object_or_404(Person, pk=pk)
"""
    found = direct_queries(ast.parse(source))
    assert found == [
        (2, "get_object_or_404"),
        (6, "models.Person.objects"),
        (8, "Project._default_manager"),
        (9, "Project.DoesNotExist"),
        (11, "get_object_or_404"),
    ]
