"""The actor dictionary (data files beside this module)."""
DICTIONARY_VERSION = "0.1.0"
