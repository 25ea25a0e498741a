"""Property tests: model → XML → XSD-valid → read → the same model, in both encodings."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from decimal import Decimal

from flux_samples import SIRET_CH, en_tete
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as s
from lxml import etree

from demat_sdk import pes
from demat_sdk.pes.totals import bordereau_id, count_pieces, sum_ht, sum_tva

from tests_support import PES_ALLER_XSD, schema

SCHEMA = schema(PES_ALLER_XSD)

LATIN1 = s.characters(
    min_codepoint=0x20,
    max_codepoint=0xFF,
    blacklist_categories=("Cc",),
    blacklist_characters="\xad",
)
ANY = s.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufffe\uffff")


def texts(max_size: int, alphabet: s.SearchStrategy[str] = ANY) -> s.SearchStrategy[str]:
    return s.text(alphabet, min_size=1, max_size=max_size).filter(
        lambda t: t not in (" ", ".", "nc") and t.strip("0") != ""
    )


amounts = s.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999999.99"), places=2)
dates = s.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31))


@s.composite
def lignes_mandat(draw: s.DrawFn, alphabet: s.SearchStrategy[str]) -> pes.LigneMandat:
    return pes.LigneMandat(
        nature_comptable=draw(s.integers(1, 999_999_999_999)),
        numero_facture=draw(s.none() | texts(20, alphabet)),
        libelle_virement1=draw(s.none() | texts(70, alphabet)),
        mode_reglement=pes.ModeReglementDepense.NUMERAIRE,
        tva_intracommunautaire=draw(s.booleans()),
        montant_ht=draw(amounts),
        montant_tva=draw(s.none() | amounts),
    )


@s.composite
def mandats(draw: s.DrawFn, numero: int, alphabet: s.SearchStrategy[str]) -> pes.Mandat:
    return pes.Mandat(
        numero=numero,
        type=draw(s.sampled_from(list(pes.TypeMandat))),
        nature=draw(s.sampled_from(list(pes.NatureMandat))),
        objet=draw(s.none() | texts(100, alphabet)),
        date_echeance=draw(s.none() | dates),
        lignes=draw(s.lists(lignes_mandat(alphabet), min_size=1, max_size=3)),
    )


@s.composite
def titres(draw: s.DrawFn, numero: int, alphabet: s.SearchStrategy[str]) -> pes.Titre:
    debtor = pes.TiersRecette(
        categorie=pes.CategorieTiers.PERSONNE_PHYSIQUE,
        nature_juridique=pes.NatureJuridique.PARTICULIER,
        type=pes.TypeTiers.DEBITEUR_PRINCIPAL,
        nom=draw(texts(38, alphabet)),
        prenom=draw(s.none() | texts(38, alphabet)),
        adresse=pes.Adresse(
            type=pes.TypeAdresse.PRINCIPALE,
            voie=draw(texts(38, alphabet)),
            code_postal=draw(s.from_regex(r"[0-9]{5}", fullmatch=True)),
            ville=draw(texts(38, alphabet)),
            non_resident=False,
        ),
    )
    return pes.Titre(
        numero=numero,
        type=pes.TypeTitre.ORDINAIRE,
        nature=pes.NatureTitre.FONCTIONNEMENT,
        objet=draw(s.none() | texts(160, alphabet)),
        debut_facturation=draw(s.none() | dates),
        lignes=[
            pes.LigneTitre(
                code_produit_local=draw(
                    s.from_regex(r"[A-Z0-9]{1,4}", fullmatch=True).filter(
                        lambda t: t.strip("0") != ""
                    )
                ),
                nature_comptable=draw(s.integers(1, 99999)),
                majorable=False,
                tva_intracommunautaire=False,
                montant_ht=draw(amounts),
                tiers=[debtor],
            )
        ],
    )


@s.composite
def flux(draw: s.DrawFn, alphabet: s.SearchStrategy[str]) -> pes.PesAller:
    numbers = draw(s.lists(s.integers(1, 99_999_999), min_size=1, max_size=4, unique=True))
    depense = pes.DepenseAller(
        bordereaux=[
            pes.BordereauDepense(
                exercice=2025,
                numero=draw(s.integers(1, 9_999_999)),
                date_emission=draw(dates),
                type=pes.TypeBordereauDepense.ORDINAIRE,
                mandats=[draw(mandats(n, alphabet)) for n in numbers],
            )
        ]
    )
    recette = pes.RecetteAller(
        bordereaux=[
            pes.BordereauRecette(
                exercice=2025,
                numero=draw(s.integers(1, 9_999_999)),
                date_emission=draw(dates),
                type=pes.TypeBordereauRecette.ORDINAIRE,
                titres=[draw(titres(n, alphabet)) for n in numbers[:2]],
            )
        ]
    )
    return pes.PesAller(
        enveloppe=pes.Enveloppe(
            nom_fichier=draw(texts(100, alphabet)),
            emetteur=pes.Emetteur(sigle=draw(texts(32, alphabet)), adresse="GEF 1.0"),
        ),
        en_tete=dataclasses.replace(en_tete(), libelle_budget=draw(s.none() | texts(38, alphabet))),
        depense=depense,
        recette=recette,
    )


def completed(model: pes.PesAller) -> pes.PesAller:
    """The model as the writer fills it: computed totals, numbers and ids."""
    for domain, container in (("D", model.depense), ("R", model.recette)):
        if container is None:
            continue
        for b in container.bordereaux:
            b.nombre_pieces = count_pieces(b)
            b.montant_ht = sum_ht(b)
            b.montant_tva = sum_tva(b)
            b.id = bordereau_id(domain)(b)
            for piece in getattr(b, "mandats", None) or getattr(b, "titres", []):
                for number, line in enumerate(piece.lignes, 1):
                    line.numero = number
    return model


def round_trip(model: pes.PesAller, encoding: str) -> None:
    buffer = io.BytesIO()
    pes.write(model, buffer, encoding=encoding)
    data = buffer.getvalue()
    assert SCHEMA.validate(etree.fromstring(data)), SCHEMA.error_log
    assert pes.read(data) == completed(model)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(flux(ANY))
def test_utf8_round_trip_is_the_identity(model: pes.PesAller) -> None:
    round_trip(model, "UTF-8")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(flux(LATIN1))
def test_latin1_round_trip_is_the_identity(model: pes.PesAller) -> None:
    round_trip(model, "ISO-8859-1")


def test_siret_of_the_samples_is_valid() -> None:
    assert pes.validate(completed(pes.read(pes.to_bytes(round_trip_sample())))).ok
    assert round_trip_sample().en_tete.siret == SIRET_CH


def round_trip_sample() -> pes.PesAller:
    from flux_samples import flux_depense

    return flux_depense()
