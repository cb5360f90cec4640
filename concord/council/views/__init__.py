"""The council's pages, one module per part of its work."""
