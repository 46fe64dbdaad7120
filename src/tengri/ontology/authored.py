"""tengri's own decisions on top of the reference files (build time only).

The reference files disagree with each other in places, have gaps (the crosswalk has no row for
CAMEO 01x and 02x) and carry typos. Every choice made about them is here, with its reason, so that
`build.py` stays mechanical and `data/NOTICE.md` can point to one place. Nothing here runs when
tengri codes events: the choices reach run time only through the generated CSV files.
"""

from __future__ import annotations

# --- CAMEO descriptions -----------------------------------------------------------------------

# code -> (description, source tag, why). GDELT's lookup table is the source of descriptions except
# here. For 101 and 105-108 GDELT prints the wording of an older CAMEO draft ("106 Demand
# withdrawal", "108 Demand meeting, negotiation"), while the crosswalk, the Phoenix/PETRARCH verb
# dictionary ("WITHDRAWAL [105]", "MEETING [106]") and tengri follow CAMEO 1.1b3, whose 10x
# family mirrors the 02x APPEAL family. The code means what 1.1b3 says, so the description does too.
DESCRIPTION_FIXES: dict[str, tuple[str, str, str]] = {
    "033": (
        "Express intent to provide material aid, not specified below",
        "gdelt-fixed",
        "typo 'matyerial'",
    ),
    "044": ("Meet at a 'third' location", "gdelt-fixed", "quotes garbled and a letter lost"),
    "2041": ("Use chemical, biological, or radiological weapons", "gdelt-fixed", "missing space"),
    "101": (
        "Demand material cooperation, not specified below",
        "cameo-1.1b3",
        "GDELT: 'Demand information, investigation' (older CAMEO draft)",
    ),
    "105": (
        "Demand that target yields, not specified below",
        "cameo-1.1b3",
        "GDELT: 'Demand mediation' (older CAMEO draft)",
    ),
    "106": (
        "Demand meeting, negotiation",
        "cameo-1.1b3",
        "GDELT: 'Demand withdrawal', run into the 1056 row (older CAMEO draft)",
    ),
    "107": (
        "Demand settling of dispute",
        "cameo-1.1b3",
        "GDELT: 'Demand ceasefire' (older CAMEO draft)",
    ),
    "108": (
        "Demand mediation",
        "cameo-1.1b3",
        "GDELT: 'Demand meeting, negotiation' (older CAMEO draft)",
    ),
}

# --- CAMEO codes the crosswalk does not map ---------------------------------------------------

# 01x MAKE PUBLIC STATEMENT: no PLOVER type; tengri does not code bare statements (CODING.md §1).
STATEMENT_ROOT = "01"

# 02x APPEAL -> REQUEST. The mode follows the kind of appeal; the contexts are those the crosswalk
# gives the parallel 10x DEMAND code (0211 <-> 1011, 026 <-> 106 ...), since CAMEO builds the two
# families alike. Keys are 3-digit codes; 4-digit codes take their parent's mode.
APPEAL_ROOT = "02"
APPEAL_TYPE = "REQUEST"
APPEAL_MODES: dict[str, str] = {
    "020": "",
    "021": "assist",
    "022": "assist",
    "023": "assist",
    "024": "change",
    "025": "yield",
    "026": "meet",
    "027": "meet",
    "028": "meet",
}
APPEAL_PARALLEL_ROOT = "10"

# --- crosswalk clean-up -----------------------------------------------------------------------

# Context names the crosswalk spells differently from the manual.
CONTEXT_RENAMES: dict[str, str] = {"democracy": "pro_democracy"}

# Contexts the crosswalk uses that the manual's table lacks: kept, so no crosswalk fact is lost.
EXTRA_CONTEXTS: tuple[str, ...] = ("humanitarian",)

# Mode names from older PLOVER drafts, the crosswalk and the gold file, mapped to the manual's
# modes: (current type, old mode, current mode or "" for none, where the old mode occurs, why).
# build.py uses the crosswalk's rows to clean the crosswalk; at run time `normalise_mode` uses all.
LEGACY_MODES: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "RETREAT",
        "ease",
        "",
        "CAMEO2PLOVER-2021",
        "the crosswalk's own note: 'ease' is no longer a mode",
    ),
    (
        "RETREAT",
        "return",
        "",
        "CAMEO2PLOVER-2021",
        "dropped from the manual's RETREAT modes (returning property is not 'release' of captives)",
    ),
    (
        "THREATEN",
        "ban",
        "restrict",
        "CAMEO2PLOVER-2021",
        "the manual's 'restrict' covers banning parties or persons; 'ban' left the score table",
    ),
    (
        "THREATEN",
        "political",
        "restrict",
        "CAMEO2PLOVER-2021; PLOVER_GSR_CAMEO",
        "restrictions on political activity are 'restrict'",
    ),
    ("THREATEN", "curfew", "restrict", "PLOVER_GSR_CAMEO", "the manual's 'restrict' names curfews"),
    (
        "THREATEN",
        "martial-law",
        "restrict",
        "PLOVER_GSR_CAMEO",
        "THREATEN has no martial-law mode; the threat restricts movement",
    ),
    (
        "COERCE",
        "ban",
        "restrict",
        "CAMEO2PLOVER-2021; PLOVER_GSR_CAMEO",
        "the manual's 'restrict' covers banning individuals or organisations from political life",
    ),
    ("COERCE", "confiscate", "seize", "PLOVER_GSR_CAMEO", "the manual's 'seize' is confiscation"),
    ("COERCE", "detain", "arrest", "PLOVER_GSR_CAMEO", "the manual's 'arrest' is arrest, detain"),
    (
        "ASSAULT",
        "seize",
        "destroy",
        "CAMEO2PLOVER-2021",
        "ASSAULT has no 'seize'; the row is CAMEO 1712 'Destroy property'",
    ),
    (
        "ASSAULT",
        "assassinate",
        "targeted",
        "CAMEO2PLOVER-2021; PLOVER_GSR_CAMEO",
        "the manual's 'targeted' includes assassinations and attempts",
    ),
    (
        "ASSAULT",
        "execute",
        "targeted",
        "PLOVER manual before 2023-12",
        "the manual's 'targeted' includes executions",
    ),
    (
        "ASSAULT",
        "massacre",
        "targeted",
        "CAMEO2PLOVER-2021",
        "the manual's 'targeted' includes deliberate mass killings of defenceless people",
    ),
    (
        "ASSAULT",
        "cleansing",
        "",
        "CAMEO2PLOVER-2021",
        "commented out of the manual's ASSAULT modes, with no successor",
    ),
    (
        "CONSULT",
        "host",
        "visit",
        "PLOVER_GSR_CAMEO",
        "the manual's 'visit' covers both sides of a visit",
    ),
    ("PROTEST", "demo-org", "demo", "PLOVER_GSR_CAMEO", "organised demonstration"),
    ("PROTEST", "demo-spon", "demo", "PLOVER_GSR_CAMEO", "spontaneous demonstration"),
    ("PROTEST", "riot-spon", "riot", "PLOVER_GSR_CAMEO", "spontaneous riot"),
    ("PROTEST", "strike-gen", "strike", "PLOVER_GSR_CAMEO", "general strike"),
    ("PROTEST", "strike-hun", "hunger", "PLOVER_GSR_CAMEO", "hunger strike"),
)

# Event type names of older PLOVER drafts (the gold file, version 0.5b1): (old, current, mode).
LEGACY_TYPES: tuple[tuple[str, str, str, str], ...] = (
    ("DEMAND", "REQUEST", "", "PLOVER_GSR_CAMEO"),
    ("DISAPPROVE", "ACCUSE", "disapprove", "PLOVER_GSR_CAMEO"),
    ("FIGHT", "ASSAULT", "", "PLOVER_GSR_CAMEO"),
    ("INVESTIGATE", "ACCUSE", "investigate", "PLOVER_GSR_CAMEO"),
)

# --- PLOVER scores ----------------------------------------------------------------------------

# (type, mode) -> (what the manual prints, what tengri uses, why).
SCORE_FIXES: dict[tuple[str, str], tuple[float, float, str]] = {
    ("ACCUSE", ""): (
        3.0,
        -3.0,
        "the manual printed -3 up to commit 503cf8e (2023-09-04); the minus sign was "
        "lost when commit d7f1a7e re-laid the score table",
    ),
}

# --- defaults: the CAMEO code for a PLOVER type and mode --------------------------------------

_DOC = "CODING.md §2"
_ONLY = "crosswalk: the code for this type and mode"
# (type, mode, CAMEO code, why). Every type and every mode of the manual has a row; the code's own
# PLOVER type (cameo.csv) is always the row's type.
DEFAULTS: tuple[tuple[str, str, str, str], ...] = (
    ("AGREE", "", "030", _DOC),
    ("CONSULT", "", "040", _DOC),
    ("CONSULT", "visit", "042", _DOC),
    ("CONSULT", "third-party", "044", _DOC),
    ("CONSULT", "multilateral", "040", _DOC + " (043 when a named host state takes part)"),
    ("CONSULT", "phone", "041", _DOC),
    ("SUPPORT", "", "050", _DOC),
    ("CONCEDE", "", "080", _DOC),
    ("COOPERATE", "", "060", _DOC),
    ("AID", "", "070", _DOC),
    ("RETREAT", "", "084", "tengri: the crosswalk's generic RETREAT code without a mode"),
    (
        "RETREAT",
        "withdraw",
        "0874",
        _DOC + " 087x: 'Retreat or surrender militarily' "
        "(the crosswalk's only 'withdraw' code, 0872, eases a blockade)",
    ),
    ("RETREAT", "release", "0841", _DOC),
    ("RETREAT", "disarm", "0873", "tengri: 'Demobilize armed forces'"),
    ("RETREAT", "ceasefire", "0871", _ONLY),
    ("RETREAT", "access", "086", "tengri: the generic 'access' code"),
    ("RETREAT", "resign", "084", "tengri: CAMEO has no RETREAT code for resignations"),
    ("REQUEST", "", "020", _DOC),
    ("REQUEST", "assist", "021", _DOC),
    ("REQUEST", "change", "024", "tengri: the appeal family, like the other REQUEST rows"),
    ("REQUEST", "yield", "025", "tengri: the appeal family, like the other REQUEST rows"),
    ("REQUEST", "meet", "026", _DOC),
    ("ACCUSE", "", "110", "tengri: 'Disapprove, not specified below'"),
    ("ACCUSE", "disapprove", "111", _DOC),
    ("ACCUSE", "investigate", "090", _DOC),
    ("ACCUSE", "allege", "112", _DOC + " (the crosswalk gives 112 'disapprove')"),
    ("REJECT", "", "120", _DOC),
    ("REJECT", "assist", "121", "tengri: the generic 'assist' code"),
    ("REJECT", "change", "123", "tengri: the generic 'change' code"),
    ("REJECT", "yield", "124", "tengri: 'Refuse to yield' (the crosswalk gives 124 'change')"),
    ("REJECT", "meet", "125", "tengri: the generic 'meet' code"),
    ("THREATEN", "", "130", _DOC),
    (
        "THREATEN",
        "restrict",
        "1312",
        "tengri: boycott, embargo or sanctions, the usual international restriction",
    ),
    ("THREATEN", "arrest", "130", "tengri: CAMEO has no THREATEN code for arrests"),
    ("THREATEN", "relations", "1313", "tengri: 'Threaten to reduce or break relations'"),
    ("THREATEN", "expel", "136", _ONLY),
    ("THREATEN", "territory", "1382", _ONLY),
    ("THREATEN", "violence", "138", _DOC),
    ("PROTEST", "", "140", _DOC),
    ("PROTEST", "demo", "141", "tengri: the generic 'demo' code"),
    ("PROTEST", "riot", "145", "tengri: the generic 'riot' code"),
    ("PROTEST", "strike", "143", "tengri: 'Conduct strike or boycott'"),
    ("PROTEST", "hunger", "142", "tengri: the generic 'hunger' code"),
    ("PROTEST", "boycott", "143", "tengri: the generic 'boycott' code"),
    ("PROTEST", "obstruct", "144", "tengri: the generic 'obstruct' code"),
    ("PROTEST", "vandalize", "145", "tengri: property damage is violent protest in CAMEO"),
    ("SANCTION", "", "160", "tengri: 'Reduce relations, not specified below'"),
    ("SANCTION", "convict", "160", "tengri: CAMEO's conviction code 116 is ACCUSE"),
    ("SANCTION", "expel", "166", _DOC),
    ("SANCTION", "withdraw", "161", _DOC),
    ("SANCTION", "discontinue", "162", "tengri: 'Reduce or stop aid'"),
    ("MOBILIZE", "", "150", "tengri: 'Demonstrate military or police power'"),
    ("MOBILIZE", "troops", "154", _DOC),
    ("MOBILIZE", "weapons", "150", "tengri: CAMEO has no code for weapons readiness"),
    ("MOBILIZE", "police", "153", "tengri: 'Mobilize or increase police power'"),
    ("MOBILIZE", "militia", "150", "tengri: CAMEO's 154 is for armed forces"),
    ("COERCE", "", "170", "tengri: 'Coerce, not specified below'"),
    ("COERCE", "seize", "171", "tengri: the generic 'seize' code"),
    ("COERCE", "restrict", "163", _DOC),
    ("COERCE", "censor", "1721", "tengri: restrictions on political freedoms"),
    ("COERCE", "curfew", "1723", _ONLY),
    ("COERCE", "martial-law", "1724", _ONLY),
    ("COERCE", "arrest", "173", _DOC),
    ("COERCE", "deport", "174", _DOC),
    ("COERCE", "withhold", "170", "tengri: CAMEO has no code for withholding public services"),
    ("COERCE", "misinformation", "170", "tengri: CAMEO has no code for misinformation"),
    ("COERCE", "cyber", "170", "tengri: CAMEO has no code for cyber attacks"),
    ("ASSAULT", "", "190", _DOC),
    ("ASSAULT", "abduct", "181", "tengri: 'Abduct, hijack, or take hostage'"),
    ("ASSAULT", "beat", "182", _ONLY),
    ("ASSAULT", "torture", "1822", _ONLY),
    ("ASSAULT", "sexual", "1821", _ONLY),
    ("ASSAULT", "targeted", "186", "tengri: 'Assassinate'"),
    ("ASSAULT", "destroy", "1712", _ONLY),
    ("ASSAULT", "primitive", "180", "tengri: 'Use unconventional violence'"),
    ("ASSAULT", "firearms", "193", _ONLY),
    ("ASSAULT", "explosives", "183", "tengri: non-military bombing, not specified below"),
    ("ASSAULT", "suicide-attack", "1831", "tengri: 'Carry out suicide bombing'"),
    ("ASSAULT", "aerial", "195", "tengri: 'Employ aerial weapons'"),
    ("ASSAULT", "drone", "195", "tengri: 'Employ aerial weapons'"),
    ("ASSAULT", "heavy-weapons", "194", "tengri: 'Fight with artillery and tanks'"),
    ("ASSAULT", "crowd-control", "175", "tengri: 'Use tactics of violent repression'"),
    ("ASSAULT", "unconventional", "204", "tengri: weapons of mass destruction"),
)
