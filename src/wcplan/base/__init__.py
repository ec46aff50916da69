"""What every layer may use: the interface language (i18n), findings and the outcome of
validating them, the exceptions and exit codes, control characters, how a path is shown, where
lines break (linebreak), and the closest names for a misspelt one (suggest).

Imports nothing else of wcplan, and no third-party package when it is imported (pandas only inside
`plain.frame`): every other layer builds on it.
"""
