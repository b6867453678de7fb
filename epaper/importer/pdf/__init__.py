"""Import printed pages from the PDFs the newsroom's layout system exports.

The PDF keeps what a text dump loses: each character's position and size. From them the reader
rebuilds text lines, columns, headlines and article blocks, then reads bylines, datelines and jump
lines with the same convention tables and functions as the text importer.
"""
