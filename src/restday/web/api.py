"""The JSON API under /api/: the CLI's JSON contract over HTTP."""

from fastapi import APIRouter

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["api"])
