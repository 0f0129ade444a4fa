"""The service as coproduce.wsgi serves it, with CONN_HEALTH_CHECKS on: used by
`benchmarks/faults.py postgres` to compare with the settings as they are."""

from django.conf import settings
from django.core.wsgi import get_wsgi_application

settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
application = get_wsgi_application()
