"""Pure domain: models, enums and the rules of SPEC.md. Imports no Streamlit and no DuckDB."""


def N_(message: str) -> str:
    """Mark a message for translation; it is translated where it is shown (ovpm.i18n)."""
    return message
