"""{{description}}"""

from .registry import Agent, load_agents

__all__ = ["Agent", "load_agents"]
