"""Typographic characters as text copied from a PDF has them, and the plain ones every reader of the sheets compares.

A module of its own, with nothing to import, so that what needs only these tables (the vocabularies' keys, which
make reads before every build: :mod:`nlsynth.pipeline.makefrag`) does not load the time reader that shares them.

>>> "didn\u2019t \u2013 6\u20138 weeks".translate(APOSTROPHES).translate(DASHES)
"didn't - 6-8 weeks"
"""

#: Apostrophes as typeset (U+2019, U+2018, U+02BC, as text copied from a PDF has them) as "'": "didn’t" is "didn't"
#: in the time phrases (:mod:`nlsynth.timeparse`) and in the keys of the researcher-editable files
#: (:func:`nlsynth.ingest.vocab.phrase_key`).
APOSTROPHES = str.maketrans(dict.fromkeys(["\u2019", "\u2018", "\u02bc"], "'"))
#: Hyphens and dashes as typeset (U+2010 to U+2015, as text copied from a PDF has them, and the minus sign U+2212)
#: as "-": one kind of dash for the time phrases and for the cells :mod:`nlsynth.ingest.cells` reads.
DASHES = str.maketrans(dict.fromkeys([*map(chr, range(0x2010, 0x2016)), "\u2212"], "-"))
