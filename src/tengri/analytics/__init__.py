"""Analyses over the store, for the CLI and the API alike: dyad and actor profiles, timelines
with an intensity index and spikes, interaction networks, and claims that disagree with the KB."""

from tengri.analytics.actors import ActorProfile, Counterpart, actor_filter, actor_profile
from tengri.analytics.conflicts import ClaimConflict, claim_conflicts
from tengri.analytics.dyads import DyadProfile, dyad_profile
from tengri.analytics.naming import ActorRef, resolve_actor
from tengri.analytics.network import Network, NetworkLevel, interaction_network
from tengri.analytics.periods import Granularity
from tengri.analytics.reads import Selection
from tengri.analytics.spikes import SpikeRule, find_spikes
from tengri.analytics.timeline import Spike, Timeline, timeline

__all__ = [
    "ActorProfile",
    "ActorRef",
    "ClaimConflict",
    "Counterpart",
    "DyadProfile",
    "Granularity",
    "Network",
    "NetworkLevel",
    "Selection",
    "Spike",
    "SpikeRule",
    "Timeline",
    "actor_filter",
    "actor_profile",
    "claim_conflicts",
    "dyad_profile",
    "find_spikes",
    "interaction_network",
    "resolve_actor",
    "timeline",
]
