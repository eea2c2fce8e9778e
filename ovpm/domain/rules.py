"""The input rules of SPEC.md as plain functions that return field errors (empty list: valid)."""

from __future__ import annotations

import re
import unicodedata
from importlib import resources

from ovpm.domain import N_
from ovpm.domain.errors import FieldError
from ovpm.domain.models import (
    CONTACT_LANGUAGES,
    LANGUAGES,
    UNESCO_REGIONS,
    City,
    Contact,
    ContactKind,
    Person,
    Role,
)
from ovpm.domain.stages import STAGE_LABELS
from ovpm.domain.times import is_zone

EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{2,39}$")
PHONE_PATTERN = re.compile(r"^\+?[0-9 ().-]{6,25}$")
PASSWORD_MIN, PASSWORD_MAX = 12, 128
NAME_MAX = 120
TEXT_MAX = 200
EXPERTISE_MAX_TAGS, EXPERTISE_TAG_MAX = 10, 60

FIELD_LABELS = {
    # Mission4City
    "situation": N_("Description of the situation"),
    "global_project": N_("Global project or action plan"),
    "expertise_profiles": N_("Expertise requested: profiles"),
    "main_skills": N_("Main skills"),
    "wished_to": N_("Period wished: to"),
    "step": N_("Step"),
    "experts": N_("Candidate experts"),
    "days": N_("Programme by day"),
    "logistics": N_("Logistics"),
    "cost_sharing": N_("Cost sharing"),
    "done_on": N_("Done on"),
    "files": N_("Files"),
    "reason": N_("Reason"),
    "initial_issue": N_("Initial issue"),
    "actors": N_("Actors involved"),
    "help_obtained": N_("Help obtained"),
    "name": N_("Name"),
    "local_name": N_("Local name"),
    "country": N_("Country"),
    "iso2": N_("Country code (ISO)"),
    "region": N_("UNESCO region"),
    "lat": N_("Latitude"),
    "lon": N_("Longitude"),
    "language": N_("Preferred language"),
    "good_standing": N_("Member in good standing"),
    "timezone": N_("Time zone"),
    "title": N_("Title"),
    "email": N_("E-mail"),
    "phone": N_("Phone"),
    "city": N_("City"),
    "organisation": N_("Organisation"),
    "kind": N_("Kind"),
    "languages": N_("Languages"),
    "expertise": N_("Fields of expertise"),
    "username": N_("User name"),
    "role": N_("Role"),
    "password": N_("Password"),
    # forms of step 1 (theme sheet, expression of interest)
    "elected_official": N_("Elected official"),
    "strategic_lead": N_("Strategic lead"),
    "interservice_coordinator": N_("Inter-service coordinator"),
    "administrative_supervisor": N_("Administrative supervisor"),
    "others[]": N_("Other staff member {n}"),
    "challenges": N_("Situation and main challenges"),
    "actions": N_("Actions under way or completed"),
    "themes": N_("Identified themes"),
    "themes[]": N_("Theme {n}"),
    "themes[].title": N_("Short title"),
    "description": N_("Description"),
    "axis": N_("Strategic axis"),
    "priority": N_("Priority theme"),
    "priority_description": N_("Priority theme: description and relation to its axis"),
    "letter_date": N_("Date"),
    "contact": N_("Contact person"),
    "text": N_("Text"),
    "letter": N_("Letter signed by the mayor (PDF)"),
    # networks and action plans
    "concept": N_("Concept and objectives"),
    "network_challenges": N_("Challenges the network will address"),
    "collective_work": N_("How the collective work runs until the 17th Congress"),
    "activities": N_("Calendar"),
    "activities[]": N_("Activity {n}"),
    "activities[].kind": N_("Type"),
    "starts": N_("Start"),
    "ends": N_("End"),
    "place": N_("Place"),
    "status": N_("Status"),
    "budget[]": N_("Budget line {n}"),
    "category": N_("Category"),
    "amount": N_("Amount"),
    "currency": N_("Currency"),
    "funder": N_("Funder"),
    "funder_city": N_("Participating city"),
    "funder_name": N_("Other source (name)"),
    "duration": N_("Duration (minutes)"),
    "link": N_("Meeting link"),
    "notes": N_("Notes"),
    "number": N_("Number"),
    "theme": N_("Theme"),
    "host_name": N_("Host"),
    "starts_at": N_("Date and time"),
    "recording_url": N_("Recording link"),
    "pilot_city": N_("Pilot city"),
    "network_name": N_("Network name"),
    "rows": N_("Rows"),
    "rate": N_("Exchange rate"),
    "envelope": N_("Envelope of the General Secretariat"),
    "entry_kind": N_("Type of entry"),
    "entry_date": N_("Date"),
    "entry_amount": N_("Amount"),
    "reference": N_("Reference"),
    "receipt": N_("Receipt"),
    "reporting_currency": N_("Reporting currency"),
    "valid_from": N_("Valid from"),
    "milestones[]": N_("Milestone {n}"),
    "label_fr": N_("Label (French)"),
    "label_en": N_("Label (English)"),
    "label_es": N_("Label (Spanish)"),
    "last_advisory_meeting": N_("Last Advisory Group meeting"),
    # workshops and their deliverables
    "first_day": N_("First day"),
    "last_day": N_("Last day"),
    "provides_room": N_("The pilot city provides the meeting room"),
    "provides_meals": N_("The pilot city provides the meals"),
    "provides_other": N_("The pilot city also provides"),
    "programme[]": N_("Half-day {n}"),
    "day": N_("Day"),
    "half": N_("Half-day"),
    "activity": N_("What is done"),
    "lead": N_("Led by"),
    "activity_key": N_("Activity of the action plan"),
    "funded": N_("Funded by the General Secretariat"),
    "agreement": N_("Funding agreement"),
    "deliverables_due": N_("Deliverables due on"),
    "theme_sheet_not_needed": N_("Revised theme sheet not needed: reason"),
    "members": N_("Members and their roles"),
    "members[]": N_("Member {n}"),
    "coordination": N_("Coordination by the pilot city"),
    "decisions": N_("How decisions are taken"),
    "meetings": N_("How often the network meets"),
    "problems": N_("Common problems identified"),
    "problems[]": N_("Problem {n}"),
    "problems[].title": N_("Short title"),
    "programme[].title": N_("Short title"),
    "project_title": N_("Project title"),
    "priority_problem": N_("Priority problem"),
    "questions": N_("Questions the network must answer"),
    "objectives": N_("Objectives"),
    "expected_results": N_("Expected results"),
    "indicators": N_("First indicators"),
    "indicators[]": N_("Indicator {n}"),
    "unit": N_("Unit"),
    "target": N_("Target"),
    "partners": N_("Partners"),
    "timeline": N_("Rough timeline"),
    "timeline[]": N_("Step {n}"),
    "what": N_("What"),
    "by": N_("By"),
    "cost_estimate": N_("Cost estimate"),
    # meetings, their minutes and actions
    "time_zone": N_("Time zone of the host"),
    "agenda": N_("Agenda"),
    "agenda[]": N_("Agenda item {n}"),
    "group": N_("Group"),
    "minutes_text": N_("Minutes"),
    "decisions[]": N_("Decision {n}"),
    "actions[]": N_("Action {n}"),
    "owner": N_("Owner"),
    "owner_name": N_("Owner"),
    "due": N_("Due date"),
    "note": N_("Note"),
    "attendees[]": N_("Attendee {n}"),
    "attendance": N_("Attendance"),
    "meeting_title": N_("Title of the meeting"),
    "meeting_day": N_("Date"),
    # the shared diagnosis and the project seeds
    "merged": N_("Entries to merge"),
    "merged_into": N_("Merged into"),
    "tags": N_("Tags"),
    "brought_by": N_("Brought by"),
    "brought_by_city_id": N_("City"),
    "seed_title": N_("Title of the seed"),
    "need": N_("Need it answers"),
    "plan": N_("What the action group will do"),
    "diagnosis_ids": N_("Diagnosis entries it answers"),
    "group_people": N_("Action group"),
    "contact_person": N_("Contact person of the group"),
    "decision_note": N_("Decision"),
    "facilitator": N_("Facilitator"),
    "spokesperson": N_("Spokesperson"),
    "achieved": N_("What was achieved"),
    "lessons": N_("Lessons learned"),
    "decision": N_("Decision"),
    "how": N_("How to go on"),
    # pilot projects, their indicators and progress reports
    "indicator_name": N_("Indicator"),
    "indicator": N_("Indicator"),
    "baseline": N_("Baseline"),
    "direction": N_("Direction"),
    "measured_on": N_("Date measured"),
    "value": N_("Value"),
    "source": N_("Source"),
    "every_months": N_("Every N months"),
    "report_dates": N_("Given dates"),
    "schedule": N_("Report schedule"),
    "period_start": N_("Start of the period"),
    "period_end": N_("End of the period"),
    "done": N_("What was done"),
    "difficulties": N_("Difficulties"),
    "next_steps": N_("Next steps"),
    "values": N_("Indicator values of the period"),
    "values[]": N_("Value {n}"),
    "file": N_("File"),
    # what the audit trail shows of a record
    "revision": N_("Revision"),
    "approved_revision": N_("Approved revision"),
    "comment": N_("Comment"),
    "active": N_("Active"),
    "advisors": N_("Advisory Group members"),
    "duration_minutes": N_("Duration (minutes)"),
    "host_title": N_("Title"),
    "participants": N_("Participants"),
    "planned": N_("Planned"),
    "synthesis": N_("Synthesis sheet"),
    "targets": N_("Target date of each stage"),
}
# Identifiers and technical values that mean nothing to a reader of a record.
TECHNICAL_FIELDS = frozenset(
    {"id", "version", "sha256", "size", "created_at", "sessions_valid_after", "in_plan"}
)


def field_label_parts(field: str) -> list[tuple[str, dict]]:
    """A field key ('themes.2.title') as translatable label parts ([('Theme {n}', {n: 3}), ...])."""
    parts, names = [], field.split(".")
    for position, name in enumerate(names):
        if name.isdigit():
            continue
        following = names[position + 1] if position + 1 < len(names) else ""
        if following.isdigit():
            parts.append((FIELD_LABELS.get(name + "[]", name), {"n": int(following) + 1}))
        else:
            in_row = position >= 2 and names[position - 1].isdigit()
            contextual = f"{names[position - 2]}[].{name}" if in_row else ""
            if position and names[position - 1] == "targets" and name in STAGE_LABELS:
                parts.append((STAGE_LABELS[name], {}))
                continue
            parts.append((FIELD_LABELS.get(contextual) or FIELD_LABELS.get(name, name), {}))
    return parts


URL_PATTERN = re.compile(r"^https?://[^\s/$.?#].[^\s]*$", re.IGNORECASE)
REQUIRED = N_("is required.")
TOO_LONG = N_("must be at most {max} characters.")


def _required(field: str, value: str, max_length: int = NAME_MAX) -> list[FieldError]:
    if not (value or "").strip():
        return [FieldError(field, REQUIRED)]
    if len(value) > max_length:
        return [FieldError(field, TOO_LONG, {"max": max_length})]
    return []


def _optional(field: str, value: str, max_length: int = TEXT_MAX) -> list[FieldError]:
    if value and len(value) > max_length:
        return [FieldError(field, TOO_LONG, {"max": max_length})]
    return []


def email_errors(value: str, field: str = "email", required: bool = False) -> list[FieldError]:
    """A well-formed e-mail address (`name@domain.tld`); empty is allowed unless required."""
    value = (value or "").strip()
    if not value:
        return [FieldError(field, REQUIRED)] if required else []
    if len(value) > 254 or not EMAIL_PATTERN.match(value):
        return [FieldError(field, N_("must be an e-mail address such as name@city.org."))]
    return []


def _coordinate_errors(field: str, value: float | None, limit: int) -> list[FieldError]:
    if value is None:
        return []
    if not -limit <= value <= limit:
        return [
            FieldError(
                field, N_("must be between {low} and {high}."), {"low": -limit, "high": limit}
            )
        ]
    return []


def whole_number_errors(field: str, value: object, low: int, high: int) -> list[FieldError]:
    """A whole number from `low` to `high` (the bounds its input shows too)."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        return [
            FieldError(
                field,
                N_("must be a whole number from {low} to {high}."),
                {"low": low, "high": high},
            )
        ]
    return []


def city_errors(city: City) -> list[FieldError]:
    """Rules of a member city record (SPEC.md §4.1)."""
    errors = _required("name", city.name) + _optional("local_name", city.local_name, NAME_MAX)
    errors += _required("country", city.country)
    if not re.fullmatch(r"[A-Z]{2}", city.iso2 or ""):
        errors.append(FieldError("iso2", N_("must be two capital letters, such as FR.")))
    if city.region not in UNESCO_REGIONS:
        errors.append(FieldError("region", N_("must be one of the UNESCO regions.")))
    errors += _coordinate_errors("lat", city.lat, 90) + _coordinate_errors("lon", city.lon, 180)
    if city.language not in LANGUAGES:
        errors.append(FieldError("language", N_("must be French, English or Spanish.")))
    if not is_zone(city.timezone):
        errors.append(FieldError("timezone", N_("must be a time zone such as Europe/Paris.")))
    return errors


def contact_errors(contact: Contact) -> list[FieldError]:
    """Rules of an address-book contact (SPEC.md §4.1)."""
    errors = _required("name", contact.name) + _optional("title", contact.title)
    errors += email_errors(contact.email)
    if contact.phone and not PHONE_PATTERN.match(contact.phone.strip()):
        errors.append(FieldError("phone", N_("may hold only digits, spaces, + ( ) . and -.")))
    if contact.kind not in set(ContactKind):
        errors.append(FieldError("kind", N_("must be one of the listed kinds.")))
    if contact.city_id is None and not (contact.organisation or "").strip():
        errors.append(FieldError("organisation", N_("is required when no city is chosen.")))
    errors += _optional("organisation", contact.organisation)
    if any(code not in CONTACT_LANGUAGES for code in contact.languages):
        errors.append(FieldError("languages", N_("must be chosen from the list.")))
    if len(contact.expertise) > EXPERTISE_MAX_TAGS:
        errors.append(
            FieldError(
                "expertise", N_("may have at most {max} entries."), {"max": EXPERTISE_MAX_TAGS}
            )
        )
    elif any(len(tag) > EXPERTISE_TAG_MAX for tag in contact.expertise):
        errors.append(
            FieldError(
                "expertise",
                N_("each entry must be at most {max} characters."),
                {"max": EXPERTISE_TAG_MAX},
            )
        )
    return errors


def user_errors(
    username: str, name: str, email: str, role: str, city_id: int | None, language: str
) -> list[FieldError]:
    """Rules of a user account: one role, and a city exactly when the role is `city`."""
    errors = []
    if not USERNAME_PATTERN.match(username or ""):
        errors.append(
            FieldError(
                "username",
                N_("must be 3 to 40 lower-case letters, digits, dots, dashes or underscores."),
            )
        )
    errors += _required("name", name) + email_errors(email)
    if role not in set(Role):
        errors.append(FieldError("role", N_("must be one of the listed roles.")))
    elif role == Role.CITY and city_id is None:
        errors.append(FieldError("city", N_("is required for a city user.")))
    elif role != Role.CITY and city_id is not None:
        errors.append(FieldError("city", N_("is only for city users.")))
    if language not in LANGUAGES:
        errors.append(FieldError("language", N_("must be French, English or Spanish.")))
    return errors


def _common_passwords() -> frozenset[str]:
    text = resources.files("ovpm.domain").joinpath("common_passwords.txt").read_text("utf-8")
    return frozenset(
        line.strip().lower()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


COMMON_PASSWORDS = _common_passwords()


def password_errors(password: str, username: str = "") -> list[FieldError]:
    """12 to 128 characters, no composition rules; common or guessable passwords are refused."""
    password = password or ""
    if len(password) < PASSWORD_MIN or len(password) > PASSWORD_MAX:
        return [
            FieldError(
                "password",
                N_("must be {min} to {max} characters long."),
                {"min": PASSWORD_MIN, "max": PASSWORD_MAX},
            )
        ]
    folded = password.lower()
    guessable = (
        folded in COMMON_PASSWORDS
        or len(set(folded)) <= 2
        or (username and username.lower() in folded)
    )
    if guessable:
        return [
            FieldError(
                "password",
                N_("is too common or too easy to guess; choose a longer phrase of your own."),
            )
        ]
    return []


def fold(text: str) -> str:
    """Lower-case text without accents, for accent-insensitive search (é → e)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def person_errors(field: str, person: Person, required: bool) -> list[FieldError]:
    """Name, title and e-mail of a named person (all required for the four named staff)."""
    if not required and person.is_blank():
        return []
    errors = []
    for part in ("name", "title"):
        value = getattr(person, part)
        if not value.strip():
            errors.append(FieldError(f"{field}.{part}", REQUIRED))
        elif len(value) > 200:
            errors.append(FieldError(f"{field}.{part}", TOO_LONG, {"max": 200}))
    return errors + email_errors(person.email, f"{field}.email", required=required)
