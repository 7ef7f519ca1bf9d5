"""Readers and writers: bytes on disk <-> plain dicts (and positions, for YAML)."""

__all__: list[str] = []  # a package of modules: import them by name
