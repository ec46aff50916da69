"""wcplan: progress checker for the Wangcheng District advanced-manufacturing action plan."""

__version__ = "0.1.0"
