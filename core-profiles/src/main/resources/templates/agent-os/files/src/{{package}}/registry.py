"""Finds the agents of the workspace: one folder per agent under ``agents/``."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Agent:
    name: str
    model: str
    prompt: str
    tools: list[str] = field(default_factory=list)


def load_agents(root: Path) -> list[Agent]:
    """Every ``agents/NAME/agent.json`` with its ``PROMPT.md``, sorted by name."""
    agents = []
    for config in sorted(root.glob("*/agent.json")):
        data = json.loads(config.read_text(encoding="utf-8"))
        prompt_file = config.parent / "PROMPT.md"
        prompt = prompt_file.read_text(encoding="utf-8") if prompt_file.exists() else ""
        agents.append(Agent(data["name"], data.get("model", ""), prompt, list(data.get("tools", []))))
    return agents
