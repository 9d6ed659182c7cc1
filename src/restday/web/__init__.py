"""The web app: FastAPI pages and the JSON API over the service layer."""
