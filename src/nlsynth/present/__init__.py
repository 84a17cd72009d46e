"""Presentation: figures, tables and text for notebooks 02 and 03, the report and the manuscript files.

It shows what the analysis computed; nothing here imports from the pipeline.
"""
