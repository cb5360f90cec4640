"""The substances results are reported in, as the organization keeps them. A tablet's weight is
the conversion UNODC's annual report questionnaire applies to seizures counted in tablets
(0.1 g for the amphetamine-type stimulants). The migration that creates the table writes the
same list; `services.operations.substances_seed` puts back what a database lacks."""

from __future__ import annotations

# (code, Russian name, English name, group, grams per tablet or None)
SUBSTANCES: list[tuple[str, str, str, str, str | None]] = [
    ("heroin", "Героин", "Heroin", "drug", None),
    ("opium", "Опий", "Opium", "drug", None),
    ("hashish", "Гашиш", "Cannabis resin (hashish)", "drug", None),
    ("cannabis", "Марихуана", "Cannabis herb", "drug", None),
    ("cocaine", "Кокаин", "Cocaine", "drug", None),
    ("methamphetamine", "Метамфетамин", "Methamphetamine", "drug", "0.1"),
    ("amphetamine", "Амфетамин", "Amphetamine", "drug", "0.1"),
    ("mdma", "МДМА (экстази)", "MDMA (ecstasy)", "drug", "0.1"),
    ("mephedrone", "Мефедрон", "Mephedrone", "drug", None),
    ("synthetic-cannabinoids", "Синтетические каннабиноиды", "Synthetic cannabinoids", "drug",
     None),
    ("acetic-anhydride", "Уксусный ангидрид", "Acetic anhydride", "precursor", None),
    ("potassium-permanganate", "Перманганат калия", "Potassium permanganate", "precursor",
     None),
    ("ephedrine", "Эфедрин", "Ephedrine", "precursor", None),
]
