"""tengri: news about international relations in, a queryable record of coded events out."""

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
