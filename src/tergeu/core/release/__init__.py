"""A public release's bookkeeping: the manifest of its files and what changed since the previous one.

* :func:`manifest`, :func:`verify` - SHA-256 and size of every file of a release folder, and the check.
* :func:`compare` - added, corrected (which fields) and removed (with the reason) people between two releases.
"""

from .changes import DELETED, MERGED, REASONS, WITHHELD, Changes, Fate, Removal, compare
from .manifest import MANIFEST, manifest, verify

__all__ = ["DELETED", "MANIFEST", "MERGED", "REASONS", "WITHHELD", "Changes", "Fate", "Removal", "compare", "manifest",
           "verify"]
