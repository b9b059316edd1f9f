"""The first piece of {{project_name}}."""


def greet(name: str) -> str:
    """Return a greeting for ``name``; an empty name greets the world."""
    return f"Hello, {name or 'world'}!"
