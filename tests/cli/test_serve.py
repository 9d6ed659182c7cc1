"""`restday serve` says in one line when it cannot listen or open its database, and starts nothing."""

import socket


def test_a_port_in_use_is_one_clear_error(cli):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = cli("serve", "--port", str(port))
    assert result.code == 1
    assert result.out == ""
    assert result.err == (
        f"Error: Cannot listen on http://127.0.0.1:{port}: Address already in use; "
        "is restday already running there? Choose another --port\n"
    )


def test_a_database_that_cannot_be_opened_is_one_clear_error(cli, tmp_path):
    missing = tmp_path / "no" / "such" / "folder" / "r.db"
    result = cli("--database-url", f"sqlite:///{missing}", "serve", "--port", "1")
    assert result.code == 1
    assert result.err.startswith("Error: Cannot open database sqlite:///")
    assert "Traceback" not in result.err and result.out == ""
