# No `from __future__ import annotations`: django-ninja reads the annotations at request time.

from ninja import Router

router = Router(tags=["federation"])
