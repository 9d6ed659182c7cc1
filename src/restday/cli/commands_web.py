"""`restday serve`: the web app on this computer."""

from typing import Annotated

import typer

from restday.cli.context import _settings

__all__ = ["serve"]


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8321,
    max_upload_mb: Annotated[
        int, typer.Option(help="Largest upload accepted, in MB.", min=1, max=4096)
    ] = 50,
) -> None:
    """Start the web app (today, body map, log, check-in, plan, history, load, import).

    Example: restday serve --port 8321
    """
    from restday.web.app import serve as run_server
    from restday.web.config import WebConfig

    settings = _settings(ctx)
    config = WebConfig(
        database_url=settings.database_url,
        rules_path=settings.rules_path,
        host=host,
        port=port,
        max_upload_bytes=max_upload_mb * 1024 * 1024,
        user=settings.user,
    )

    def ready() -> None:
        print(f"restday is running at {config.address} (press Ctrl+C to stop)", flush=True)
        if config.allowed_hosts() is None:
            print("Warning: listening on every interface; anyone on your network can reach it.")

    run_server(config, ready)
