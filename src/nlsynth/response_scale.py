"""The response scale that the sheets, the vocabularies and the processed tables share.

A module of its own, with nothing to import, so that what needs only the scale (the vocabularies, which make reads
before every build: :mod:`nlsynth.pipeline.makefrag`) does not load pandera with the tables' schemas
(:mod:`nlsynth.schemas`, which checks the tables against it).
"""

#: The ordinal response scale, worst to best.
RESPONSE_GRADES = ("none", "minimal", "partial", "marked", "complete")
#: Outside the scale: the source states no outcome. Never counted as a failure or a response.
NOT_REPORTED = "not reported"
