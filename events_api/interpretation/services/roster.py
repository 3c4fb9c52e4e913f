"""The interpreter roster: who interprets which languages, in which modes, when."""

from collections.abc import Iterable

from django.db import IntegrityError, transaction

from events_api.interpretation.errors import (
    InvalidAvailability,
    SignLanguageMismatch,
    UserAlreadyInterpreter,
)
from events_api.interpretation.models import (
    AvailabilityWindow,
    Interpreter,
    InterpreterMode,
    Mode,
)

PROFILE_FIELDS = frozenset({"user", "name", "email", "phone", "agency", "active", "notes"})


def _check_skills(languages: Iterable, modes: Iterable[str]) -> None:
    signs = any(language.is_signed for language in languages)
    if signs != (Mode.SIGN_LANGUAGE in set(modes)):
        raise SignLanguageMismatch()


def _set_availability(interpreter: Interpreter, windows) -> None:
    for starts_at, ends_at in windows:
        if ends_at <= starts_at:
            raise InvalidAvailability()
    interpreter.availability.all().delete()
    AvailabilityWindow.objects.bulk_create(
        AvailabilityWindow(interpreter=interpreter, starts_at=starts_at, ends_at=ends_at)
        for starts_at, ends_at in sorted(windows)
    )


def _set_modes(interpreter: Interpreter, modes) -> None:
    interpreter.modes.exclude(mode__in=modes).delete()
    have = set(interpreter.modes.values_list("mode", flat=True))
    InterpreterMode.objects.bulk_create(
        InterpreterMode(interpreter=interpreter, mode=mode) for mode in sorted(set(modes) - have)
    )


def create_interpreter(*, languages, modes, availability=(), **profile) -> Interpreter:
    """Add someone to the roster. ``availability`` is a list of (starts_at, ends_at).
    Raises SignLanguageMismatch (a sign language without sign-language mode or the
    reverse), InvalidAvailability, UserAlreadyInterpreter."""
    unknown = set(profile) - PROFILE_FIELDS
    if unknown:
        raise TypeError(f"Unknown interpreter fields: {sorted(unknown)}")
    languages = list(languages)
    _check_skills(languages, modes)
    with transaction.atomic():
        interpreter = Interpreter(**profile)
        interpreter.full_clean(exclude=["user"])
        try:
            with transaction.atomic():
                interpreter.save()
        except IntegrityError as exc:
            raise UserAlreadyInterpreter() from exc
        interpreter.languages.set(languages)
        _set_modes(interpreter, modes)
        _set_availability(interpreter, availability)
    return interpreter


def update_interpreter(
    *, interpreter_id: int, languages=None, modes=None, availability=None, **changes
) -> Interpreter:
    """Change a roster entry; ``languages``, ``modes`` and ``availability`` replace the
    current ones when given. Same errors as create_interpreter."""
    unknown = set(changes) - PROFILE_FIELDS
    if unknown:
        raise TypeError(f"Unknown interpreter fields: {sorted(unknown)}")
    with transaction.atomic():
        interpreter = Interpreter.objects.select_for_update().get(pk=interpreter_id)
        for name, value in changes.items():
            setattr(interpreter, name, value)
        interpreter.full_clean(exclude=["user"])
        new_languages = list(languages if languages is not None else interpreter.languages.all())
        new_modes = modes if modes is not None else interpreter.modes.values_list("mode", flat=True)
        _check_skills(new_languages, list(new_modes))
        try:
            with transaction.atomic():
                interpreter.save()
        except IntegrityError as exc:
            raise UserAlreadyInterpreter() from exc
        if languages is not None:
            interpreter.languages.set(new_languages)
        if modes is not None:
            _set_modes(interpreter, modes)
        if availability is not None:
            _set_availability(interpreter, availability)
    return interpreter
