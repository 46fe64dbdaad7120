"""The Russian pipeline: the same records as the English one, read from Russian text.

Registered for documents whose `lang` is "ru" when `tengri.extract` is imported. Steps that do not
depend on the language are the English ones (segmentation, merging, records); the others are
Russian versions in this package, with the same reads and writes, so store, exports and
evaluation see no difference. See docs/CODING.md for what is coded and gold/ru/ for how well.
"""

from __future__ import annotations

from tengri.extract.pipeline import (
    LanguageSteps,
    Step,
    _step,
    coding_steps,
    register_language,
)
from tengri.extract.ru.actors import find_actors
from tengri.extract.ru.dating import assign_dates, find_date_mentions
from tengri.extract.ru.embedding import fold_russian
from tengri.extract.ru.facts import find_facts
from tengri.extract.ru.gatherings import shape_gatherings
from tengri.extract.ru.kazakh import STEPS as KAZAKH_STEPS
from tengri.extract.ru.locate import assign_locations
from tengri.extract.ru.memberships import find_memberships
from tengri.extract.ru.quantities import assign_quantities
from tengri.extract.ru.roles import assign_roles
from tengri.extract.ru.status import assign_status
from tengri.extract.ru.triggers import find_triggers

RULES = "ru-2026.1"  # version of the Russian rules and lexicon


STEPS: tuple[Step, ...] = coding_steps(
    LanguageSteps(
        actors=find_actors,
        date_mentions=find_date_mentions,
        triggers=find_triggers,
        roles=assign_roles,
        gatherings=shape_gatherings,
        status=assign_status,
        dating=assign_dates,
        places=assign_locations,
        quantities=assign_quantities,
        facts=find_facts,
        memberships=find_memberships,
        folds=(_step("settings", fold_russian, "candidates sentences", "candidates"),),
    )
)

register_language("ru", STEPS)
# Kazakh is read (actors, dates) and then skipped with a reason: see extract/ru/kazakh.py.
register_language("kk", KAZAKH_STEPS, coded=False)
