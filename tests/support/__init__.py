"""Helpers shared by the tests: data, paths, builders. Nothing here is collected as a test."""
