"""The rules of the methodology (docs/methodology.md): the one comparison at a threshold (compare),
an indicator's status for a year (status), the year-end and period rules (yearend), the plan so
far and the outlook (outlook), one indicator over the plan (trend), scorecards by unit
(scorecards), and the commitments and lines of work of the tasks (commitments). Every result
turns into plain records (`to_records`, `to_frame`), which the JSON output prints.

Imports wcplan.base and wcplan.model only; never the readers, the renderers or the command line.
Pure: no printing, no files, no colour.
"""
