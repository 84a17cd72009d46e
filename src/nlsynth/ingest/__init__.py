"""Ingest: read and check every raw sheet, read the time phrases, and write ``data/processed/`` (notebook 01).

Nothing here imports from a later stage (analysis, present, pipeline).
"""
