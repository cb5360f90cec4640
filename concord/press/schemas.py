"""The API's shapes of the press service: IPTC ninjs 2.0 documents."""

from datetime import datetime

from ninja import Schema


class NinjsStandard(Schema):
    name: str
    version: str


class NinjsText(Schema):
    role: str
    value: str
    contenttype: str | None = None


class NinjsAltId(Schema):
    role: str
    value: str


class NinjsRendition(Schema):
    name: str
    href: str
    contenttype: str


class NinjsAssociation(Schema):
    name: str
    uri: str
    language: str
    headlines: list[NinjsText]


class NinjsOut(Schema):
    uri: str
    standard: NinjsStandard
    type: str
    profile: str
    version: str
    firstcreated: datetime
    versioncreated: datetime
    pubstatus: str
    language: str
    headlines: list[NinjsText]
    descriptions: list[NinjsText]
    bodies: list[NinjsText]
    altids: list[NinjsAltId]
    renditions: list[NinjsRendition]
    associations: list[NinjsAssociation]
