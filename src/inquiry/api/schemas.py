from __future__ import annotations

from ninja import Schema


class ErrorOut(Schema):
    code: str
    message: str
    field: str | None = None


class SourceOut(Schema):
    id: int
    code: str
    kind: str
    title: str
    language: str
    date: str
    confidential: bool
    witness: str | None
    partner: str | None

    @staticmethod
    def resolve_date(obj) -> str:
        return obj.date_edtf

    @staticmethod
    def resolve_witness(obj) -> str | None:
        return obj.witness.code if obj.witness_id else None

    @staticmethod
    def resolve_partner(obj) -> str | None:
        return obj.partner.code if obj.partner_id else None


class SourceDetailOut(SourceOut):
    text: str
    interpreter: str
    hearing_session: str
    video_timecode: str


class ConsentIn(Schema):
    internal_use: bool = False
    anonymous_quotation: bool = False
    share_un: bool = False
    share_prosecutors: bool = False
    public_hearing: bool = False


class SourceIn(Schema):
    kind: str
    title: str
    language: str = ""
    date: str | None = None
    text: str = ""
    confidential: bool = True
    interpreter: str = ""
    hearing_session: str = ""
    video_timecode: str = ""
    url: str = ""
    consent: ConsentIn | None = None


class PersonOut(Schema):
    id: int
    code: str
    names: list[str]
    sex: str
    birth_date: str
    status: str
    nationality: str
    merged_into: str | None

    @staticmethod
    def resolve_names(obj) -> list[str]:
        return [n.original for n in obj.names.all()]

    @staticmethod
    def resolve_birth_date(obj) -> str:
        return obj.date_edtf

    @staticmethod
    def resolve_merged_into(obj) -> str | None:
        return obj.merged_into.code if obj.merged_into_id else None


class PersonIn(Schema):
    names: list[str]
    sex: str = "unknown"
    birth_date: str | None = None
    nationality: str = ""
    status: str = "unknown"


class ActOut(Schema):
    id: int
    act_type: str
    date: str
    place: str | None
    victims: list[str]
    sources: list[str]

    @staticmethod
    def resolve_date(obj) -> str:
        return obj.date_edtf

    @staticmethod
    def resolve_place(obj) -> str | None:
        return obj.place.code if obj.place_id else None

    @staticmethod
    def resolve_victims(obj) -> list[str]:
        return [v.code for v in obj.victims.all()]

    @staticmethod
    def resolve_sources(obj) -> list[str]:
        return [link.source.code for link in obj.links.all()]


class EventOut(Schema):
    id: int
    code: str
    title: str
    date: str
    place: str | None

    @staticmethod
    def resolve_date(obj) -> str:
        return obj.date_edtf

    @staticmethod
    def resolve_place(obj) -> str | None:
        return obj.place.code if obj.place_id else None


class EventDetailOut(EventOut):
    description: str
    acts: list[ActOut]

    @staticmethod
    def resolve_acts(obj) -> list:
        return list(obj.acts.all())


class PlaceOut(Schema):
    id: int
    code: str
    kind: str
    name: str
    name_ko: str
    lat: float | None
    lon: float | None
    precision_km: float | None
