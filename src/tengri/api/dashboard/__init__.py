"""The analysts' web dashboard: static pages, scripts, styles, map shapes and fonts served by
tengri itself (no CDN, no tile server), reading the REST API of the same process."""

from tengri.api.dashboard.mount import DASHBOARD_POLICY, STATIC_PREFIX, mount_dashboard

__all__ = ["DASHBOARD_POLICY", "STATIC_PREFIX", "mount_dashboard"]
