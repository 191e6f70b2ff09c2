"""A public release's bookkeeping: the manifest of its files and what changed since the previous one.

* :func:`manifest`, :func:`verify` - SHA-256 and size of every file of a release folder, and the check.
* :func:`category` - the circumstances of a death as a fixed category (never the free text).
* :func:`forbidden`, :func:`leaks` - the last check of the written files (IINs, dates of birth, withheld names).
* :func:`compare` - added, corrected (which fields) and removed (with the reason) people between two releases.
"""

from .changes import MERGED, REASONS, UNLISTED, Changes, Fate, Removal, compare
from .circumstances import CATEGORIES, category
from .circumstances import label as circumstance_label
from .manifest import MANIFEST, ManifestError, manifest, verify
from .scan import Forbidden, forbidden, leaks

__all__ = ["CATEGORIES", "MANIFEST", "MERGED", "REASONS", "UNLISTED", "Changes", "Fate", "Forbidden", "ManifestError",
           "Removal", "category", "circumstance_label", "compare", "forbidden", "leaks", "manifest", "verify"]
