"""Hypothesis property tests, and the strategies they (and a few other tests) draw from."""
