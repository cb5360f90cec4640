"""The models of the forces app, one module per concern, all imported here."""
