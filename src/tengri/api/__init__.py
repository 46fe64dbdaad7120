"""tengri's REST API: `create_app(settings)` gives the FastAPI application (see app.py)."""

from tengri.api.app import API_PREFIX, create_app
from tengri.api.config import ServerSettings

__all__ = ["API_PREFIX", "ServerSettings", "create_app"]
