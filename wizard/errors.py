"""Errors the engine raises, each carrying the field at fault and a message in both languages.

Hierarchy (callers already catch ``ValueError``)::

    ValueError
     └── WizardError              base of everything the engine raises on purpose
          └── InvalidCase         the case cannot be checked: bad JSON, unknown key, wrong type, ...

``InvalidCase.field`` is the dotted path of the offending value (``"answers.certificate_issue_date"``)
or ``None`` when the input as a whole is at fault (not JSON, not an object).
``InvalidCase.message`` is ``{"zh": ..., "en": ...}``.
"""
from __future__ import annotations


class WizardError(ValueError):
    """Base class for errors raised on purpose by the engine."""


class InvalidCase(WizardError):
    """The case cannot be checked; ``field`` names the culprit, ``message`` says why in zh and en.

    >>> e = InvalidCase("province", {"zh": "未知省份", "en": "unknown province"})
    >>> e.field, e.message["en"]
    ('province', 'unknown province')
    """

    def __init__(self, field: str | None, message: dict[str, str]):
        super().__init__(message.get("en", ""))
        self.field = field
        self.message = message

    def to_json(self) -> dict:
        """The error object of the command-line contract."""
        return {"error": "invalid_case", "field": self.field, "message": dict(self.message)}
