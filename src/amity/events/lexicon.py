"""The event lexicon (data file beside this module)."""
LEXICON_VERSION = "0.1.0"
