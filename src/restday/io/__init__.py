"""Importers and exporters, one module per format behind the interface in `restday.io.base`."""
