from {{package}} import greet


def test_greet_names_the_person():
    assert greet("Ada") == "Hello, Ada!"


def test_greet_without_a_name_greets_the_world():
    assert greet("") == "Hello, world!"
