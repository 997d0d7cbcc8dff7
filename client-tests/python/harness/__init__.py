"""Harness for the Python real-client suite: the simulator jar, a real livekit-agents worker and a
backend stub, each process in its own group, plus the app logic under test."""
