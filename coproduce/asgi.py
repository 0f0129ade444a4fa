import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coproduce.settings")
application = get_asgi_application()

# Django runs no system checks under an ASGI server: in production, refuse to serve with
# a setting that would stop people hearing from the service (coproduce/lib/checks.py).
from coproduce.lib.checks import require_ready  # noqa: E402

require_ready()
