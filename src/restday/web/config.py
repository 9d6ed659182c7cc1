"""What the web app is started with: where the data is, which address it answers on, how much it takes."""

from dataclasses import dataclass

from restday.service import LOCAL_USER

__all__ = ["DEFAULT_PORT", "MAX_UPLOAD_MB", "WebConfig"]

DEFAULT_PORT = 8321
MAX_UPLOAD_MB = 50


@dataclass(frozen=True, slots=True)
class WebConfig:
    """The settings of one running web app; `user` is the person its pages read and write."""

    database_url: str | None = None
    rules_path: str | None = None
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    max_upload_bytes: int = MAX_UPLOAD_MB * 1024 * 1024
    user: str = LOCAL_USER

    @property
    def address(self) -> str:
        """The address to open in a browser."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def allowed_hosts(self) -> frozenset[str] | None:
        """The `Host` headers answered (None: any, when served on every interface)."""
        if self.host in ("0.0.0.0", "::", ""):
            return None
        names = {self.host, f"[{self.host}]"}
        if self.host in ("127.0.0.1", "::1", "localhost"):
            names |= {"127.0.0.1", "localhost", "[::1]"}
        return frozenset(names | {f"{name}:{self.port}" for name in names})
