"""`python -m wcplan`: the command line, as the `wcplan` script runs it."""

from wcplan.cli import run

if __name__ == "__main__":
    run()
