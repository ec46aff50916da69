"""Renderers: turn results (an assessment, the plan, findings) into text, tables or JSON.

They never read files and never decide a status; the core never formats.
"""
