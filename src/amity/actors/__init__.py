"""Who takes part in an article: dictionary actors (time-aware roles), new actors, coreference."""
from amity.actors.dictionary import DICTIONARY_VERSION
from amity.actors.lookup import resolve_actor
from amity.actors.resolve import find_actors
from amity.actors.table import ActorMention, ActorTable

__all__ = ["DICTIONARY_VERSION", "ActorMention", "ActorTable", "find_actors", "resolve_actor"]
