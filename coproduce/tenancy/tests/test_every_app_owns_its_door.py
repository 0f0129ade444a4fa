"""Each domain app keeps the door to its own tenant data beside its models, and the tenancy
core names no other app (ADR 6)."""

import ast
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parents[2]
# Apps whose models are not organisations' tenant data served by their own pages.
NO_DOOR = {
    "accounts": "sign-in records: the user's own, reached through the session",
    "notifications": "messages: no pages of their own, written and read by other apps' actions",
    "pages": "no models",
    "lib": "one-time form tokens: no tenant data, no pages (lib/views.py is helpers)",
    "demo": "no models",
}


def app_folders() -> list[Path]:
    return [
        Path(config.path)
        for config in apps.get_app_configs()
        if config.name.startswith("coproduce.")
    ]


def serves_pages(folder: Path) -> bool:
    return any(folder.glob("*views.py")) or (folder / "feeds.py").exists()


def test_every_app_with_models_and_pages_has_its_own_access_module() -> None:
    missing = [
        folder.name
        for folder in app_folders()
        if folder.name not in NO_DOOR
        and (folder / "models.py").exists()
        and serves_pages(folder)
        and not (folder / "access.py").exists()
    ]
    assert missing == []


def test_the_tenancy_core_imports_no_other_app_but_lib() -> None:
    others = []
    for path in (ROOT / "tenancy").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("coproduce."):
                app = node.module.split(".")[1]  # type: ignore[union-attr]
                if app not in ("tenancy", "lib") and node.col_offset == 0:
                    others.append(f"{path.name}: {node.module}")
    assert others == []
