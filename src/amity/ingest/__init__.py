"""Reading inputs: files, directories, stdin, JSONL, gzip and WARC become `Page`s."""
from amity.ingest.read import (
    Failure,
    Item,
    Page,
    expand_paths,
    read_bytes,
    read_inputs,
    read_path,
)

__all__ = ["Failure", "Item", "Page", "expand_paths", "read_bytes", "read_inputs", "read_path"]
