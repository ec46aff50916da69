"""The terminal (Rich): one module per command's output (status, targets, units, tasks, trend,
findings), on the shapes and colours they share (tables) and columns that fit the terminal
(layout)."""
