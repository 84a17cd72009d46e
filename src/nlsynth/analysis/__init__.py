"""Analysis: the estimators (Turnbull NPMLE, cumulative incidence with competing failure, bootstrap,
sensitivity), response proportions and pooling, each group's summary, and the changes since a release.

It reads what ingest wrote; nothing here imports from presentation or the pipeline.
"""
