"""Cross-article synthesis inside the store: aggregated events, stories, goal consensus."""

from dyads.synthesis.build import synthesize
from dyads.synthesis.options import SynthesisOptions
from dyads.synthesis.queries import (
    actor_ids_matching,
    actor_tone_summary,
    goal_consensus,
    relations,
    stories,
    timeline,
)

__all__ = ["SynthesisOptions", "actor_ids_matching", "actor_tone_summary", "goal_consensus", "relations",
           "stories", "synthesize", "timeline"]
