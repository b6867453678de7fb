"""Browser tests: the built site served over HTTP and driven with Chromium."""
