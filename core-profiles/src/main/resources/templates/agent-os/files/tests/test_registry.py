from pathlib import Path

from {{package}} import load_agents

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = [{{#agents}}"{{.}}", {{/agents}}]


def test_every_agent_folder_is_found():
    names = [a.name for a in load_agents(ROOT / "agents")]
    assert names == sorted(EXPECTED)


def test_agents_have_a_prompt():
    for agent in load_agents(ROOT / "agents"):
        assert agent.name in agent.prompt
