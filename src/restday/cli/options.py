"""Options that pair up in the order they are typed: each --sets and --rpe with the --exercise before it."""

import typer
from typer.core import TyperCommand

__all__ = ["ORDERED", "OrderedOptionsCommand", "ordered_exercises"]

ORDERED = ("--exercise", "-e", "--sets", "-s", "--rpe")
CANONICAL = {"-e": "--exercise", "-s": "--sets"}


class OrderedOptionsCommand(TyperCommand):
    """Keeps the order of --exercise, --sets and --rpe, which Click does not."""

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:  # type: ignore[override]
        """Record (option, value) pairs in typed order before Click parses them."""
        pairs: list[tuple[str, str]] = []
        tokens = iter(args)
        for token in tokens:
            if token == "--":
                break
            name, eq, value = token.partition("=")
            if name in ORDERED:
                value = value if eq else next(tokens, "")
                pairs.append((CANONICAL.get(name, name), value))
        ctx.meta["ordered_options"] = pairs
        return super().parse_args(ctx, args)


def ordered_exercises(
    ctx: typer.Context,
) -> tuple[str | None, list[tuple[str, list[str], str | None]]]:
    """The session RPE (before any --exercise) and each exercise with its set specs and RPE."""
    session_rpe: str | None = None
    exercises: list[tuple[str, list[str], str | None]] = []
    pairs: list[tuple[str, str]] = ctx.meta.get("ordered_options", [])
    for option, value in pairs:
        if option == "--exercise":
            exercises.append((value, [], None))
        elif option == "--rpe" and not exercises:
            session_rpe = value
        elif option == "--rpe":
            name, specs, _ = exercises[-1]
            exercises[-1] = (name, specs, value)
        elif exercises:
            exercises[-1][1].append(value)
        else:
            raise typer.BadParameter(
                f'--sets "{value}" comes before any --exercise: put --exercise NAME first'
            )
    return session_rpe, exercises
