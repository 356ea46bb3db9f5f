"""Helpers the tests share (imported as ``support.<module>``; tests/ is on sys.path through its
conftest). Tests import helpers from here, never from another test module."""
