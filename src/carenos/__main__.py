"""``python -m carenos``: the command line."""

from carenos.cli import main

main()
