"""A static publishing pipeline for the digital edition (数字报) of a printed newspaper."""

__version__ = "0.1.0"
