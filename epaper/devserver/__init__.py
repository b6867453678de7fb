"""The pieces of ``build.py serve``: watch the sources, rebuild, serve the preview, reload the browser."""
