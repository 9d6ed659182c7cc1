"""The pages, one module per page kind; each has a `router`."""
