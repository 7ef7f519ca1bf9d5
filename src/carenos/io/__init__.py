"""Readers and writers: bytes on disk <-> plain dicts (and positions, for YAML)."""
