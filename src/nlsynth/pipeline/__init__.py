"""Pipeline: what make runs around the notebooks (one papermill run, the agent list for make, volatile
metadata stripped, HTML and PDF rendering). Nothing in the other stages imports it.
"""
