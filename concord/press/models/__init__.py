"""The models of the press app, one module per concern, all imported here."""
