"""Reading: files in, one tidy table plus findings out. The bytes of a file decoded (decoding),
CSV and workbook rows (csvrows, workbook, table), the header mapped (headers), each row checked
(rowcheck, values), figures merged across files with their conflicts and jumps (merging), and
two thin users of these pieces: actuals and task progress. Also where the files are found
(locate) and which were read (files).

Imports wcplan.base and wcplan.model only; never the rules, the renderers or the command line.
"""
