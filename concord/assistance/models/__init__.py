"""The models of the assistance app, one module per concern, all imported here."""
