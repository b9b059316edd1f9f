"""Command line: ``python -m {{package}} list``."""

import sys
from pathlib import Path

from .registry import load_agents


def main(argv: list[str]) -> int:
    if argv[:1] != ["list"]:
        print("usage: python -m {{package}} list", file=sys.stderr)
        return 2
    for agent in load_agents(Path("agents")):
        print(f"{agent.name}\t{agent.model}\t{', '.join(agent.tools)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
