"""WHERE clauses built one condition at a time, always with `?` parameters."""

from __future__ import annotations

from ovpm.domain.rules import fold


def like_pattern(text: str) -> str:
    """An accent-folded `%text%` pattern; LIKE wildcards typed by the user match literally."""
    cleaned = fold(text.strip()).replace("\\", "").replace("%", "").replace("_", " ")
    return f"%{cleaned}%"


class Filters:
    """Collects conditions; `where` gives the clause, `params` its values in order."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list[object] = []

    def add(self, clause: str, *params: object) -> Filters:
        self.clauses.append(clause)
        self.params.extend(params)
        return self

    def matching_text(self, columns: list[str], text: str) -> Filters:
        """Any of the columns contains the text, accents and case ignored (no-op when empty)."""
        if text and text.strip():
            pattern = like_pattern(text)
            self.add(
                "(" + " OR ".join(f"strip_accents(lower({c})) LIKE ?" for c in columns) + ")",
                *[pattern] * len(columns),
            )
        return self

    def one_of(self, column: str, values: list | tuple | None) -> Filters:
        """The column's value is in the list (no-op when the list is empty)."""
        if values:
            self.add(f"list_contains(?, {column})", list(values))
        return self

    def equal(self, column: str, value: object) -> Filters:
        """The column equals the value (no-op when the value is None)."""
        if value is not None:
            self.add(f"{column} = ?", value)
        return self

    @property
    def where(self) -> str:
        return ("WHERE " + " AND ".join(self.clauses) + " ") if self.clauses else ""
