"""Raw-text importer: turns the extracted text of printed pages into article files."""
