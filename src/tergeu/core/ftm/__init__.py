"""FollowTheMoney interchange of the forces data: units, officials, postings, relations, incidents.

Pure Python over plain values and the ``followthemoney`` library (no Django): the ``tergeu.forces`` app
hands rows in as dicts and gets entity dicts back (JSON lines for Aleph, OpenSanctions' tools and
``ftm``), and the reverse: entity dicts → rows of the canonical import columns, each with its line.
The mapping is in docs/forces.md ("FollowTheMoney"). Importing this package loads ``followthemoney``
(about 0.7 s), so only the export and import commands import it, inside their functions.

* :func:`to_entities` - forces rows → FtM entity dicts.
* :func:`from_entities` - FtM entity dicts → canonical rows by kind, with problems by line and property.
"""

from .entities import FTM_COLUMNS, ForceRows, to_entities
from .reading import FtmProblem, FtmRow, FtmRows, SourceFacts, from_entities

__all__ = ["FTM_COLUMNS", "ForceRows", "FtmProblem", "FtmRow", "FtmRows", "SourceFacts", "from_entities", "to_entities"]
