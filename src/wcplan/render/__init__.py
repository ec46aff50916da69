"""Rendering: results (an assessment, scorecards, tasks, a trend, findings) into text. One module per
format: json, markdown, html, excel, docx (with its layout, docxlayout), github (annotations and
the step summary), and terminal/ (Rich tables, one module per command). What several formats say
alike is text (indicators, numbers, statuses) and tasktext (tasks and commitments); what the Excel
and Word reports share (shades, columns) is office; what a report holds is report.

Imports wcplan.base, wcplan.model and wcplan.rules; never the readers or the command line. Renderers
never read files and never decide a status; the rules never format.
"""
