"""Load the fictional demo dataset: one transaction, seeded, and a no-op when already loaded."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from pathlib import Path

import yaml
from django.db import transaction

from inquiry.accounts.models import Partner
from inquiry.audit.services import audit_record
from inquiry.cases.models import Act, Consent, Event, InformationLink, Perpetration, Source
from inquiry.dates import parse_uncertain_date
from inquiry.demo import texts
from inquiry.demo.places import DemoPlace, demo_places
from inquiry.people.models import Organisation, OrganisationName, Person, PersonName, Relationship
from inquiry.vault.models import RiskLevel, Witness
from inquiry.vault.services import witness_create

SEED = 20140217  # the date the 2014 report was published; any fixed number would do
PREFIX = "DEMO-"
MARKER_CODE = f"{PREFIX}S0001"
RECORDER = "demo-recorder"

N_KOREAN, N_JAPANESE, N_PERPETRATORS, N_RELATIVES = 240, 40, 40, 80
N_EVENTS = 250
SOURCE_PLAN = [("interview", 150), ("public_hearing", 30), ("document", 50), ("open_source", 30),
               ("partner_submission", 40)]

# Event kinds and the act types (profile codes) that make them up, most typical first.
EVENT_KINDS = {
    "arrest": ["ARBITRARY_ARREST", "TORTURE", "BEATING", "ARBITRARY_DETENTION"],
    "camp": ["POLITICAL_PRISON_CAMP_IMPRISONMENT", "FORCED_LABOUR", "STARVATION", "DEATH_IN_CUSTODY"],
    "execution": ["PUBLIC_EXECUTION"],
    "repatriation": ["FORCED_REPATRIATION", "BEATING", "SEXUAL_VIOLENCE", "FORCED_ABORTION"],
    "disappearance": ["ARBITRARY_ARREST", "ENFORCED_DISAPPEARANCE"],
    "abduction": ["ABDUCTION", "ENFORCED_DISAPPEARANCE"],
}
EVENT_DATES = ["1997", "1997-21", "1996-05", "1999-10-12", "../2004", "199X", "2001~", "1998/2000", "2003?",
               "1988", "2006-23", "2009-03", "1994/1996", "2011", "198X"]
ABDUCTION_DATES = ["1977", "1978-22", "1980-06", "../1983", "197X", "1979~"]
BIRTH_DATES = ["1962", "196X", "1970-05", "1958~", "1975", "1981-03", "194X", "1955/1957", "1968"]
SCOPE_SETS = [
    dict(internal_use=True),
    dict(internal_use=True, anonymous_quotation=True),
    dict(internal_use=True, anonymous_quotation=True, share_un=True),
    dict(internal_use=True, anonymous_quotation=True, share_un=True, share_prosecutors=True),
    dict(internal_use=True, share_prosecutors=True),
]
WITHDRAWN_EVERY = 12  # one consent in twelve is withdrawn

Progress = Callable[[int, int], None] | None


@dataclass
class _Built:
    persons: dict[str, list[Person]] = field(default_factory=dict)
    names: dict[int, dict] = field(default_factory=dict)   # person id -> {"ko","ja","en"} display names
    acts: list[tuple[Act, str, Person]] = field(default_factory=list)  # act, event kind, victim


def profile_act_types() -> dict[str, dict]:
    """The profile's act-type vocabulary: code -> {"code", "label": {lang: text}}."""
    try:
        from inquiry.profiles import load_profile
    except ImportError:  # the profile package is optional for the demo; its YAML is enough
        path = Path(__file__).resolve().parents[1] / "profiles" / "dprk" / "act_types.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return {a["code"]: {"code": a["code"], "label": dict(a["label"])} for a in data["act_types"]}
    profile = load_profile("dprk")
    return {code: {"code": code, "label": dict(act.label)} for code, act in profile.act_types.items()}


def demo_loaded() -> bool:
    """Whether this database holds the demo dataset (the web shows a banner when it does)."""
    return Source.objects.filter(code=MARKER_CODE).exists()


def demo_counts() -> dict[str, int]:
    return {
        "sources": Source.objects.filter(code__startswith=PREFIX).count(),
        "persons": Person.objects.filter(code__startswith=PREFIX).count(),
        "events": Event.objects.filter(code__startswith=PREFIX).count(),
        "acts": Act.objects.filter(event__code__startswith=PREFIX).count(),
        "links": InformationLink.objects.filter(source__code__startswith=PREFIX).count(),
        "consents": Consent.objects.filter(source__code__startswith=PREFIX).count(),
        "witnesses": Witness.objects.filter(sources__code__startswith=PREFIX).distinct().count(),
        "partners": Partner.objects.filter(code__startswith="demo-").count(),
    }


@lru_cache(maxsize=256)
def _parsed(text: str) -> tuple[str, date, date]:
    parsed = parse_uncertain_date(text)  # the EDTF grammar is slow: the demo reuses a few dozen strings
    return parsed.edtf, parsed.earliest, parsed.latest


def _dates(text: str) -> dict:
    edtf, earliest, latest = _parsed(text)
    return {"date_edtf": edtf, "date_earliest": earliest, "date_latest": latest}


def _exact(day: date) -> dict:
    return {"date_edtf": day.isoformat(), "date_earliest": day, "date_latest": day}


def _witness_create(*, actor, identity: dict, risk_level: str, relatives_inside: bool) -> Witness:
    """Store a fictional identity through the vault service; the case tables only see the code."""
    return witness_create(actor=actor, identity=identity, risk_level=risk_level, relatives_inside=relatives_inside)


def _person_names(person: Person, forms: list[tuple[str, str, str, str]]) -> list[PersonName]:
    search = " ".join(f[0].casefold() for f in forms)
    return [PersonName(person=person, original=o, script=s, romanization=r, lang=lang, search_text=search)
            for o, s, r, lang in forms]


def _make_people(rng: random.Random, built: _Built, camps, provinces) -> None:
    persons: list[Person] = []
    forms: list[list[tuple[str, str, str, str]]] = []
    groups: list[tuple[str, int]] = [("victim_ko", N_KOREAN), ("victim_ja", N_JAPANESE),
                                     ("perpetrator", N_PERPETRATORS), ("relative", N_RELATIVES)]
    display: list[dict] = []
    number = 0
    for group, count in groups:
        for _ in range(count):
            number += 1
            if group == "victim_ja":
                name = texts.japanese_name(rng)
                sex, nationality = name["sex"], "JP"
                f = [(name["kanji"], "han", "", "ja"), (name["kana"], "kana", "", "ja"),
                     (name["romaji"], "latin", "hepburn", "ja"), (name["romaji_western"], "latin", "hepburn", "en")]
                shown = {"ko": name["kanji"], "ja": name["kanji"], "en": name["romaji"]}
                status = rng.choice([Person.Status.DISAPPEARED, Person.Status.DISAPPEARED, Person.Status.RETURNED])
            else:
                name = texts.korean_name(rng)
                sex, nationality = rng.choice([Person.Sex.FEMALE, Person.Sex.MALE]), "KP"
                f = [(name["hangul"], "hangul", "", "ko"), (name["mr"], "latin", "mr", "ko"),
                     (name["rr"], "latin", "rr", "ko")]
                if rng.random() < 0.4:
                    f.append((name["hanja"], "han", "", "ko"))
                if rng.random() < 0.3:
                    f.append((name["common"], "latin", "", "en"))
                if name["dprk"]:
                    f.append((name["dprk"], "hangul", "dprk", "ko"))
                shown = {"ko": name["hangul"], "ja": name["hanja"], "en": name["mr"]}
                status = rng.choice(list(Person.Status)) if group == "victim_ko" else Person.Status.UNKNOWN
            person = Person(code=f"{PREFIX}P{number:04d}", sex=sex, nationality=nationality, status=status,
                            notes=f"{texts.PERSON_NOTE} ({group})",
                            birth_place=rng.choice(provinces).place if nationality == "KP" else None,
                            last_seen_place=rng.choice(camps).place if status == "detained" else None,
                            **_dates(rng.choice(BIRTH_DATES)))
            persons.append(person)
            forms.append(f)
            display.append(shown)
    Person.objects.bulk_create(persons)
    PersonName.objects.bulk_create([n for p, f in zip(persons, forms, strict=True) for n in _person_names(p, f)])
    for person, shown in zip(persons, display, strict=True):
        built.names[person.id] = shown
    bounds = {}
    start = 0
    for group, count in groups:
        bounds[group] = persons[start:start + count]
        start += count
    built.persons = bounds
    victims = bounds["victim_ko"]
    kinds = [Relationship.Kind.PARENT, Relationship.Kind.CHILD, Relationship.Kind.SPOUSE, Relationship.Kind.SIBLING]
    Relationship.objects.bulk_create([
        Relationship(person=victims[i % len(victims)], relative=rel, kind=rng.choice(kinds))
        for i, rel in enumerate(bounds["relative"])])


def _make_organisations() -> list[Organisation]:
    orgs = []
    for code, en, ko in texts.ORGANISATIONS:
        org = Organisation.objects.create(code=code, kind=Organisation.Kind.STATE,
                                          notes="[DEMO] Fictional organisation for demonstration.")
        OrganisationName.objects.bulk_create([OrganisationName(organisation=org, name=en, lang="en"),
                                              OrganisationName(organisation=org, name=ko, lang="ko")])
        orgs.append(org)
    return orgs


def _make_events(rng: random.Random, built: _Built, camps, provinces, orgs, act_types: dict) -> None:
    kinds = list(EVENT_KINDS)
    weights = [30, 25, 10, 15, 10, 10]
    events: list[Event] = []
    plans = []
    ko_victims, ja_victims = built.persons["victim_ko"], built.persons["victim_ja"]
    for number in range(1, N_EVENTS + 1):
        kind = rng.choices(kinds, weights)[0]
        if kind == "abduction":
            coast = rng.choice(texts.JA_COASTS)
            place, place_en, date_text = None, coast[1], rng.choice(ABDUCTION_DATES)
            victims = [rng.choice(ja_victims)]
        else:
            demo_place = rng.choice(camps if kind == "camp" else provinces)
            place, place_en, date_text = demo_place.place, demo_place.en, rng.choice(EVENT_DATES)
            victims = rng.sample(ko_victims, rng.choice([1, 1, 1, 2]))
        steps = [c for c in EVENT_KINDS[kind] if c in act_types]
        # A camp event is at least imprisonment plus what happened there.
        n_acts = max(2 if kind == "camp" else 1, round(rng.gauss(2.6, 0.9)))
        events.append(Event(code=f"{PREFIX}E{number:04d}",
                            title=f"[DEMO] {texts.EVENT_TITLE[kind].format(place=place_en)}",
                            description=texts.DISCLAIMER["en"], place=place, **_dates(date_text)))
        plans.append((kind, steps[:n_acts], victims, date_text, place))
    Event.objects.bulk_create(events)
    acts: list[Act] = []
    meta: list[tuple[str, list[Person]]] = []
    for event, (kind, steps, victims, date_text, place) in zip(events, plans, strict=True):
        for code in steps:
            acts.append(Act(event=event, act_type=code, place=place,
                            description=f"[DEMO] Fictional {act_types[code]['label']['en']}.", **_dates(date_text)))
            meta.append((kind, victims))
    Act.objects.bulk_create(acts)
    through = Act.victims.through
    through.objects.bulk_create([through(act_id=a.id, person_id=v.id) for a, (_, vs) in zip(acts, meta, strict=True)
                                 for v in vs])
    perpetrators = built.persons["perpetrator"]
    perps = []
    for act in acts:
        if rng.random() < 0.6:
            perps.append(Perpetration(act=act, organisation=rng.choice(orgs),
                                      involvement=rng.choice(["direct", "ordered", "unknown"])))
        if rng.random() < 0.2:
            perps.append(Perpetration(act=act, person=rng.choice(perpetrators),
                                      involvement=rng.choice(["direct", "command"])))
    Perpetration.objects.bulk_create(perps)
    built.acts = [(a, kind, vs[0]) for a, (kind, vs) in zip(acts, meta, strict=True)]


def _sentence(lang: str, mode: str, act: Act, victim_name: str, place: str, act_types: dict) -> str:
    label = act_types[act.act_type]["label"].get(lang) or act_types[act.act_type]["label"]["en"]
    template = {"direct": texts.ACT_SENTENCE, "hearsay": texts.HEARSAY_SENTENCE,
                "documentary": texts.DOCUMENT_SENTENCE}[mode][lang]
    return template.format(date=texts.human_date(act.date_edtf, lang), place=place, victim=victim_name, act=label,
                           informant=texts.INFORMANTS[lang])


def _place_name(act: Act, lang: str, by_place: dict[int, DemoPlace]) -> str:
    if act.place_id and act.place_id in by_place:
        return getattr(by_place[act.place_id], lang)
    return {"ko": "일본 해안", "ja": "日本の海岸", "en": "the Japanese coast"}[lang]


def _make_sources(rng: random.Random, built: _Built, camps, provinces, partners, act_types, actor) -> dict:
    by_place = {p.place.id: p for p in [*camps, *provinces]}
    acts = built.acts
    plan = [kind for kind, count in SOURCE_PLAN for _ in range(count)]
    # Each act is told by one or two sources; Japanese abductions mostly in Japanese.
    assignment: dict[int, list[int]] = {i: [] for i in range(len(plan))}
    for index in range(len(acts)):
        for s in rng.sample(range(len(plan)), rng.choice([1, 1, 2])):
            assignment[s].append(index)
    sources: list[Source] = []
    links: list[tuple[int, int, str, str]] = []  # source index, act index, mode, passage
    witnesses: list[Witness | None] = []
    hearing_seconds = 0
    for s_index, kind in enumerate(plan):
        told = [acts[i] for i in assignment[s_index]]
        if told and any(k == "abduction" for _, k, _ in told):
            lang = rng.choice(["ja", "ja", "en"])
        else:
            lang = rng.choices(["ko", "en", "ja"], [60, 30, 10])[0]
        number = s_index + 1
        sentences, modes = [], []
        for act, _kind, victim in told:
            if kind in ("document", "open_source"):
                mode = "documentary"
            else:
                mode = "hearsay" if rng.random() < 0.3 else "direct"
            sentence = _sentence(lang, mode, act, built.names[victim.id][lang], _place_name(act, lang, by_place),
                                 act_types)
            sentences.append(sentence)
            modes.append(mode)
        first = told[0][0] if told else None
        label = act_types[first.act_type]["label"].get(lang, "") if first else ""
        place = _place_name(first, lang, by_place) if first else getattr(rng.choice(provinces), lang)
        partner_index = number % 2
        partner = partners[partner_index] if kind == "partner_submission" else None
        title = texts.TITLES[kind][lang].format(place=place, act=label or place,
                                                partner=texts.PARTNERS[partner_index][2])
        text = "\n".join([texts.DISCLAIMER[lang], *sentences]) if sentences else texts.DISCLAIMER[lang]
        interviewed = datetime(2013, 7, 1, tzinfo=UTC) + timedelta(days=rng.randint(0, 300))
        source = Source(
            code=f"{PREFIX}S{number:04d}", kind=kind, title=f"{texts.PREFIX[lang]} {title}", language=lang,
            text=text, confidential=kind not in ("public_hearing", "open_source"), partner=partner,
            reliability=rng.choice(["high", "medium", "low", "unknown"]),
            created_by=actor if getattr(actor, "pk", None) else None,
            **_exact(interviewed.date()))
        if kind == "public_hearing":
            source.hearing_session = rng.choice(texts.HEARING_SESSIONS).format(day=rng.randint(1, 4))
            hearing_seconds += rng.randint(300, 2400)
            h, rem = divmod(hearing_seconds % 36000, 3600)
            source.video_timecode = f"{h:02d}:{rem // 60:02d}:{rem % 60:02d}"
        if kind == "open_source":
            source.url = f"https://example.org/demo/item-{number:04d}"
        witness = None
        if kind in ("interview", "public_hearing"):
            identity = texts.witness_identity(rng, number)
            witness = _witness_create(
                actor=actor, identity=identity,
                risk_level=rng.choice([RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH, RiskLevel.SEVERE])
                if kind == "interview" else RiskLevel.LOW,
                relatives_inside=kind == "interview" and rng.random() < 0.6)
            source.witness = witness
        sources.append(source)
        witnesses.append(witness)
        for act_index, mode, sentence in zip(assignment[s_index], modes, sentences, strict=True):
            links.append((s_index, act_index, mode, sentence))
    Source.objects.bulk_create(sources)
    InformationLink.objects.bulk_create([
        InformationLink(source=sources[s], act=acts[a][0], mode=mode, passage=passage,
                        reliability=rng.choice(["high", "medium", "low"]),
                        informant=f"{PREFIX}INF{s:03d}" if mode == "hearsay" else "")
        for s, a, mode, passage in links])
    consents = []
    base = datetime(2013, 7, 1, 9, 0, tzinfo=UTC)
    for i, (source, witness) in enumerate(zip(sources, witnesses, strict=True)):
        if witness is None:
            continue
        scopes = dict(rng.choice(SCOPE_SETS))
        if source.kind == "public_hearing":
            scopes.update(anonymous_quotation=True, share_un=True, public_hearing=True)
        given = base + timedelta(days=i)
        consents.append(Consent(source=source, given_at=given,
                                withdrawn_at=given + timedelta(days=400) if i % WITHDRAWN_EVERY == 5 else None,
                                recorded_by=actor if getattr(actor, "pk", None) else None, **scopes))
    Consent.objects.bulk_create(consents)
    # A few hearsay sources retell an earlier interview (corroboration must not count them twice).
    interviews = [s for s in sources if s.kind == "interview"]
    retold = 0
    for source in sources:
        if source.kind == "partner_submission" and rng.random() < 0.4:
            source.derived_from.add(rng.choice(interviews))
            retold += 1
    return {"links": len(links), "consents": len(consents), "witnesses": sum(w is not None for w in witnesses),
            "withdrawn": sum(c.withdrawn_at is not None for c in consents), "retold": retold}


def _demo_recorder():
    """The fictional investigator the demo is recorded by when no actor is given.

    Witness identities can only enter the vault through an account allowed to write them. This
    one has no usable password and is deactivated again once the load is done.
    """
    from inquiry.accounts.models import User
    from inquiry.accounts.roles import Role

    user, _ = User.objects.get_or_create(username=RECORDER, defaults={
        "role": Role.INVESTIGATOR, "first_name": "[DEMO]", "last_name": "Fictional investigator"})
    user.set_unusable_password()
    user.is_active = True
    user.save()
    return user


def load_demo(*, actor=None, progress: Progress = None) -> dict:
    """Load the fictional demo dataset once. Returns counts; ``created`` is False if it was there.

    ``actor`` must be allowed to write witness identities (investigator or protection officer);
    without one, the demo's own deactivated recorder account is used.
    """
    with transaction.atomic():
        if demo_loaded():
            return {"created": False, **demo_counts()}
        if actor is None:
            actor = _demo_recorder()
        steps = 5
        rng = random.Random(SEED)
        act_types = profile_act_types()
        missing = sorted({c for codes in EVENT_KINDS.values() for c in codes} - set(act_types))
        camps, provinces = demo_places()
        _tick(progress, 1, steps)
        partners = [Partner.objects.get_or_create(code=code, defaults={"name": name})[0]
                    for code, name, _ in texts.PARTNERS]
        orgs = _make_organisations()
        built = _Built()
        _make_people(rng, built, camps, provinces)
        _tick(progress, 2, steps)
        _make_events(rng, built, camps, provinces, orgs, act_types)
        _tick(progress, 3, steps)
        extra = _make_sources(rng, built, camps, provinces, partners, act_types, actor)
        _tick(progress, 4, steps)
        counts = {"created": True, **demo_counts(), **extra}
        counts["findings"] = _load_findings(actor)
        if missing:
            counts["act_types_missing_from_profile"] = missing
        audit_record(actor=actor, action="demo.load", object_type="demo", object_id="demo",
                     detail={k: v for k, v in counts.items() if k != "created"})
        # The recorder may also have written the findings; it never stays able to sign in.
        from inquiry.accounts.models import User

        User.objects.filter(username=RECORDER).update(is_active=False)
        _tick(progress, 5, steps)
        return counts


def _load_findings(actor) -> int:
    """Two draft findings: one that meets the standard of proof and one that does not, with why."""
    from inquiry.accounts.roles import Cap, can
    from inquiry.findings.demo import findings_demo_load

    author = actor if can(actor, Cap.CASES_WRITE) else _demo_recorder()
    return findings_demo_load(actor=author)


def _tick(progress: Progress, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)
