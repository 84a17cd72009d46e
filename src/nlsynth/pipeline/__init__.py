"""Pipeline: what make runs around the notebooks (one papermill run, the agent list for make, volatile
metadata stripped, HTML and PDF rendering). Nothing in the other stages imports it.
"""

from nlsynth import import_jsonschema

# Before nbformat (the notebook runner, the stripper, the HTML renderer) imports jsonschema: see
# nlsynth.import_jsonschema, about 3 s per process.
import_jsonschema()
