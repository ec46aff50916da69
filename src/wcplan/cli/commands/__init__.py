"""One module per command. Each builds its inputs (wcplan.cli.inputs), calls the API once, then renders.

Heavy modules (pandas, pydantic) are imported inside the command functions, so that
`wcplan --help` does not pay for them.
"""
