"""Pool workers that end with the process that started them.

A process pool's workers wait on a queue their parent feeds. When the parent is killed with
SIGKILL (`kill -9`, the OOM killer) nobody closes that queue, so the workers would wait for ever,
each holding a knowledge base in memory. A worker started with `exit_with_parent` watches its
parent and leaves as soon as the parent is gone.
"""

from __future__ import annotations

import os
import threading
import time

CHECK_EVERY = 1.0  # seconds between looks at the parent


def exit_with_parent(every: float = CHECK_EVERY) -> None:
    """In a pool worker: end this process once its parent has died (it is then re-parented,
    so its parent id changes). Call it from the pool's initializer, never in a main process."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(every)
            if os.getppid() != parent:
                os._exit(1)  # no clean-up to run: the work it held belongs to a dead run

    threading.Thread(target=watch, name="tengri-lifeline", daemon=True).start()
