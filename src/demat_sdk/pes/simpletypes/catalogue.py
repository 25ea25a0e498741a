"""The simple types of the v5.17 schema set, each with its facets written once.

Each constant is one ``Base_*`` type of ``PES_V2/Simple_Type.xsd`` (or, for the digit strings
the return path holds as whole numbers, ``*_ENTIER``), named after it.
"""

from __future__ import annotations

from decimal import Decimal

from demat_sdk.pes.simpletypes.kinds import Annee, Booleen, Date, Nombre, Texte

__all__ = [
    "ALPHANUM1_LIGHT",
    "ALPHANUM2",
    "ALPHANUM2_LIGHT",
    "ALPHANUM3",
    "ALPHANUM4",
    "ALPHANUM5",
    "ALPHANUM5_LIGHT",
    "ALPHANUM9_LIGHT",
    "ALPHANUM10",
    "ALPHANUM11",
    "ALPHANUM13",
    "ALPHANUM15",
    "ALPHANUM18",
    "ALPHANUM20",
    "ALPHANUM20_LIGHT",
    "ALPHANUM50",
    "ALPHANUM50_LIGHT",
    "ALPHANUM80",
    "ANNEE",
    "BOOLEEN",
    "CODEBUD2",
    "CODECOL3",
    "DATE",
    "DATEMOISANNEE",
    "DECIMAL14_4",
    "ENTIER3_RELATIF",
    "IDENTIFIANTPJ20",
    "MONTANT",
    "MONTANT_LIGHT",
    "MONTANT_RELATIF",
    "NOMPJ",
    "NUM1",
    "NUM1_LIGHT",
    "NUM2",
    "NUM2_2LIGHT",
    "NUM2_LIGHT",
    "NUM3",
    "NUM3_LIGHT",
    "NUM4",
    "NUM4_LIGHT_ENTIER",
    "NUM4_TEXTE1_10",
    "NUM5",
    "NUM5_LIGHT",
    "NUM6",
    "NUM6_NONVIDE",
    "NUM7",
    "NUM7_LIGHT",
    "NUM7_LIGHT_ENTIER",
    "NUM8",
    "NUM8_NUM1",
    "NUM10_LIGHT",
    "NUM12",
    "NUM13",
    "NUM13_LIGHT_ENTIER",
    "NUM14",
    "NUM14_14_LIGHT",
    "NUM14_LIGHT",
    "NUM15",
    "NUM60TALONOPTIQUE",
    "NUMFACTURECPP20",
    "NUMORDRE2_LIGHT",
    "QUANTITE",
    "TAUX",
    "TAUX_HIGHT",
    "TAUX_LIGHT",
    "TEXTE2",
    "TEXTE5",
    "TEXTE5_14",
    "TEXTE9_100",
    "TEXTE10",
    "TEXTE11",
    "TEXTE11BIC",
    "TEXTE15",
    "TEXTE18_LIGHT",
    "TEXTE20",
    "TEXTE20_LIGHT",
    "TEXTE24",
    "TEXTE25",
    "TEXTE27",
    "TEXTE30",
    "TEXTE32",
    "TEXTE34",
    "TEXTE34IBAN",
    "TEXTE35SEPA",
    "TEXTE38",
    "TEXTE50",
    "TEXTE64",
    "TEXTE70",
    "TEXTE70SEPA",
    "TEXTE100",
    "TEXTE100_LIGHT",
    "TEXTE140",
    "TEXTE140SEPA",
    "TEXTE160",
    "TEXTE160_LIGHT",
    "TEXTE200",
    "TEXTE250",
    "TEXTE256",
    "TEXTE420",
    "TEXTE500_LIGHT",
    "TEXTECODIQUE7",
    "TEXTE_CODECOMMUNE_2_3",
    "TEXTE_CODEDEPARTEMENT_2_3",
    "TEXTE_CODEPAYS_3",
    "TEXTE_LIBELLE_NAISSANCE_70",
    "XS_ID",
]


XS_ID = Texte("xs:ID", max_length=None, min_length=1, patterns=(r"[A-Za-z_][A-Za-z0-9_.\-]*",))

ALPHANUM10 = Texte(
    "Base_Alphanum10",
    max_length=10,
    min_length=1,
    patterns=("[0-9a-zA-Z]*",),
    base_string=True,
    not_all_zeros=True,
)
ALPHANUM11 = Texte(
    "Base_Alphanum11",
    max_length=11,
    min_length=1,
    patterns=("[0-9a-zA-Z]*",),
    base_string=True,
    not_all_zeros=True,
)
ALPHANUM13 = Texte(
    "Base_Alphanum13",
    max_length=13,
    min_length=1,
    patterns=("[0-9a-zA-Z]*",),
    base_string=True,
    not_all_zeros=True,
)
ALPHANUM15 = Texte(
    "Base_Alphanum15",
    max_length=15,
    min_length=1,
    patterns=("[0-9a-zA-Z]*",),
    base_string=True,
    not_all_zeros=True,
)
ALPHANUM18 = Texte(
    "Base_Alphanum18",
    max_length=18,
    min_length=1,
    patterns=("[0-9a-zA-Z]*",),
    base_string=True,
    not_all_zeros=True,
)
ALPHANUM1_LIGHT = Texte("Base_Alphanum1_Light", max_length=1, patterns=("[0-9a-zA-Z]*",))
ALPHANUM2 = Texte(
    "Base_Alphanum2",
    max_length=2,
    min_length=1,
    patterns=("[0-9a-zA-Z]*",),
    base_string=True,
    not_all_zeros=True,
)
ALPHANUM20 = Texte(
    "Base_Alphanum20",
    max_length=20,
    min_length=1,
    patterns=("[0-9a-zA-Z]*",),
    base_string=True,
    not_all_zeros=True,
)
ALPHANUM20_LIGHT = Texte("Base_Alphanum20_Light", max_length=20, patterns=("[0-9a-zA-Z]*",))
ALPHANUM2_LIGHT = Texte("Base_Alphanum2_Light", max_length=2, patterns=("[0-9a-zA-Z]*",))
ALPHANUM3 = Texte(
    "Base_Alphanum3",
    max_length=3,
    min_length=1,
    patterns=("[0-9a-zA-Z]*",),
    base_string=True,
    not_all_zeros=True,
)
ALPHANUM4 = Texte(
    "Base_Alphanum4",
    max_length=4,
    min_length=1,
    patterns=("[0-9a-zA-Z]*",),
    base_string=True,
    not_all_zeros=True,
)
ALPHANUM5 = Texte(
    "Base_Alphanum5",
    max_length=5,
    min_length=1,
    patterns=("[0-9a-zA-Z]*",),
    base_string=True,
    not_all_zeros=True,
)
ALPHANUM50 = Texte(
    "Base_Alphanum50",
    max_length=50,
    min_length=1,
    patterns=("[0-9a-zA-Z]*",),
    base_string=True,
    not_all_zeros=True,
)
ALPHANUM5_LIGHT = Texte("Base_Alphanum5_Light", max_length=5, patterns=("[0-9a-zA-Z]*",))
ALPHANUM80 = Texte(
    "Base_Alphanum80",
    max_length=80,
    min_length=1,
    patterns=("[0-9a-zA-Z]*",),
    base_string=True,
    not_all_zeros=True,
)
ALPHANUM9_LIGHT = Texte("Base_Alphanum9_Light", max_length=9, patterns=("[0-9a-zA-Z]*",))
ANNEE = Annee()
BOOLEEN = Booleen()
CODEBUD2 = Texte("Base_CodeBud2", max_length=2, min_length=2, patterns=("[0-9A-Z][0-9]",))
CODECOL3 = Texte(
    "Base_CodeCol3",
    max_length=3,
    min_length=3,
    patterns=("[0-9]{3}",),
    base_string=True,
    not_all_zeros=True,
)
DATE = Date()
DATEMOISANNEE = Texte(
    "Base_DateMoisAnnee", max_length=None, patterns=("(0[1-9]|1[0-2])\\-[0-9]{4}",)
)
DECIMAL14_4 = Nombre(
    "Base_Decimal14_4", total_digits=14, fraction_digits=4, min_inclusive=Decimal("0")
)
ENTIER3_RELATIF = Nombre("Base_Entier3_Relatif", total_digits=3, fraction_digits=0)
IDENTIFIANTPJ20 = Texte(
    "Base_IdentifiantPJ20",
    max_length=20,
    min_length=1,
    patterns=("[0-9a-zA-Z/_]*",),
    base_string=True,
    not_all_zeros=True,
)
MONTANT = Nombre("Base_Montant", total_digits=14, fraction_digits=2, min_exclusive=Decimal("0"))
MONTANT_LIGHT = Nombre(
    "Base_Montant_Light", total_digits=14, fraction_digits=2, min_inclusive=Decimal("0")
)
MONTANT_RELATIF = Nombre("Base_Montant_Relatif", total_digits=14, fraction_digits=2)
NOMPJ = Texte("Base_NomPJ", max_length=100, patterns=(".+\\.[A-Za-z0-9]{2,4}",), base_string=True)
NUM1 = Nombre("Base_Num1", total_digits=1, fraction_digits=0, min_exclusive=Decimal("0"))
NUM10_LIGHT = Texte("Base_Num10_Light", max_length=10, patterns=("[0-9]*",))
NUM12 = Nombre("Base_Num12", total_digits=12, fraction_digits=0, min_exclusive=Decimal("0"))
NUM13 = Nombre("Base_Num13", total_digits=13, fraction_digits=0, min_exclusive=Decimal("0"))
NUM14 = Nombre("Base_Num14", total_digits=14, fraction_digits=0, min_exclusive=Decimal("0"))
NUM14_14_LIGHT = Texte("Base_Num14_14_Light", max_length=14, min_length=14, patterns=("[0-9]*",))
NUM14_LIGHT = Texte("Base_Num14_Light", max_length=14, patterns=("[0-9]*",))
NUM15 = Nombre("Base_Num15", total_digits=15, fraction_digits=0, min_exclusive=Decimal("0"))
NUM1_LIGHT = Texte("Base_Num1_Light", max_length=1, patterns=("[0-9]*",))
NUM2 = Nombre("Base_Num2", total_digits=2, fraction_digits=0, min_exclusive=Decimal("0"))
NUM2_2LIGHT = Texte(
    "Base_Num2_2Light", max_length=2, min_length=2, patterns=("(0[1-9]*|[1-9][0-9]*)",)
)
NUM2_LIGHT = Texte("Base_Num2_Light", max_length=2, patterns=("[0-9]*",))
NUM3 = Nombre("Base_Num3", total_digits=3, fraction_digits=0, min_exclusive=Decimal("0"))
NUM3_LIGHT = Texte("Base_Num3_Light", max_length=3, patterns=("[0-9]*",))
NUM4 = Nombre("Base_Num4", total_digits=4, fraction_digits=0, min_exclusive=Decimal("0"))
NUM4_TEXTE1_10 = Texte(
    "Base_Num4_Texte1_10",
    max_length=14,
    min_length=5,
    patterns=("(20[0-4]{1}[0-9]{1}|2050).*",),
    base_string=True,
    not_all_zeros=True,
)
NUM5 = Nombre("Base_Num5", total_digits=5, fraction_digits=0, min_exclusive=Decimal("0"))
NUM5_LIGHT = Texte("Base_Num5_Light", max_length=5, patterns=("[0-9]*",))
NUM6 = Nombre("Base_Num6", total_digits=6, fraction_digits=0, min_exclusive=Decimal("0"))
NUM60TALONOPTIQUE = Texte(
    "Base_Num60TalonOptique", max_length=60, min_length=1, patterns=("[0-9A-Z\\s]*",)
)
NUM6_NONVIDE = Texte("Base_Num6_NonVide", max_length=6, min_length=1, patterns=("[0-9]*",))
NUM7 = Nombre("Base_Num7", total_digits=7, fraction_digits=0, min_exclusive=Decimal("0"))
NUM7_LIGHT = Texte("Base_Num7_Light", max_length=7, patterns=("[0-9]*",))
NUM8 = Nombre("Base_Num8", total_digits=8, fraction_digits=0, min_exclusive=Decimal("0"))
NUM8_NUM1 = Texte("Base_Num8_Num1", max_length=None, patterns=("[0-9]{8,8}(\\-[0-9])?",))
NUMFACTURECPP20 = Texte(
    "Base_NumFactureCPP20",
    max_length=20,
    min_length=1,
    patterns=("[ \\-/_+0-9a-zA-Z]*",),
    base_string=True,
    not_all_zeros=True,
)
NUMORDRE2_LIGHT = Texte("Base_NumOrdre2_Light", max_length=2, min_length=2)
QUANTITE = Nombre("Base_Quantite", total_digits=6, fraction_digits=4, min_exclusive=Decimal("0"))
TAUX = Nombre("Base_Taux", total_digits=5, fraction_digits=2, min_exclusive=Decimal("0"))
TAUX_HIGHT = Nombre(
    "Base_Taux_Hight",
    total_digits=None,
    fraction_digits=2,
    min_exclusive=Decimal("0"),
    max_exclusive=Decimal("100.00"),
)
TAUX_LIGHT = Nombre(
    "Base_Taux_Light", total_digits=5, fraction_digits=2, min_inclusive=Decimal("0")
)
TEXTE10 = Texte("Base_Texte10", max_length=10, min_length=1, base_string=True, not_all_zeros=True)
TEXTE100 = Texte(
    "Base_Texte100", max_length=100, min_length=1, base_string=True, not_all_zeros=True
)
TEXTE100_LIGHT = Texte("Base_Texte100_Light", max_length=100)
TEXTE11 = Texte("Base_Texte11", max_length=11, min_length=1, base_string=True, not_all_zeros=True)
TEXTE11BIC = Texte(
    "Base_Texte11BIC",
    max_length=11,
    min_length=8,
    patterns=("[A-Z]{6,6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3,3}){0,1}",),
)
TEXTE140 = Texte(
    "Base_Texte140", max_length=140, min_length=1, base_string=True, not_all_zeros=True
)
TEXTE140SEPA = Texte(
    "Base_Texte140SEPA", max_length=140, min_length=1, patterns=("[0-9a-zA-Z/?:()\\., \\-+']*",)
)
TEXTE15 = Texte("Base_Texte15", max_length=15, min_length=1, base_string=True, not_all_zeros=True)
TEXTE160 = Texte(
    "Base_Texte160", max_length=160, min_length=1, base_string=True, not_all_zeros=True
)
TEXTE160_LIGHT = Texte("Base_Texte160_Light", max_length=160)
TEXTE2 = Texte("Base_Texte2", max_length=2, min_length=1, base_string=True, not_all_zeros=True)
TEXTE20 = Texte("Base_Texte20", max_length=20, min_length=1, base_string=True, not_all_zeros=True)
TEXTE200 = Texte(
    "Base_Texte200", max_length=200, min_length=1, base_string=True, not_all_zeros=True
)
TEXTE20_LIGHT = Texte("Base_Texte20_Light", max_length=20)
TEXTE24 = Texte("Base_Texte24", max_length=24, min_length=1, base_string=True, not_all_zeros=True)
TEXTE25 = Texte("Base_Texte25", max_length=25, min_length=1, base_string=True, not_all_zeros=True)
TEXTE250 = Texte(
    "Base_Texte250", max_length=250, min_length=1, base_string=True, not_all_zeros=True
)
TEXTE256 = Texte(
    "Base_Texte256", max_length=256, min_length=1, base_string=True, not_all_zeros=True
)
TEXTE27 = Texte("Base_Texte27", max_length=27, min_length=1, base_string=True, not_all_zeros=True)
TEXTE30 = Texte("Base_Texte30", max_length=30, min_length=1, base_string=True, not_all_zeros=True)
TEXTE32 = Texte("Base_Texte32", max_length=32, min_length=1, base_string=True, not_all_zeros=True)
TEXTE34 = Texte("Base_Texte34", max_length=34, min_length=1, base_string=True, not_all_zeros=True)
TEXTE34IBAN = Texte(
    "Base_Texte34IBAN",
    max_length=34,
    min_length=1,
    patterns=("[A-Z]{2,2}[0-9]{2,2}[a-zA-Z0-9]{1,30}",),
)
TEXTE35SEPA = Texte(
    "Base_Texte35SEPA", max_length=35, min_length=1, patterns=("[0-9a-zA-Z/?:()\\., \\-+']*",)
)
TEXTE38 = Texte("Base_Texte38", max_length=38, min_length=1, base_string=True, not_all_zeros=True)
TEXTE420 = Texte(
    "Base_Texte420", max_length=420, min_length=1, base_string=True, not_all_zeros=True
)
TEXTE5 = Texte("Base_Texte5", max_length=5, min_length=1, base_string=True, not_all_zeros=True)
TEXTE50 = Texte("Base_Texte50", max_length=50, min_length=1, base_string=True, not_all_zeros=True)
TEXTE500_LIGHT = Texte("Base_Texte500_Light", max_length=500)
TEXTE5_14 = Texte(
    "Base_Texte5_14", max_length=14, min_length=5, base_string=True, not_all_zeros=True
)
TEXTE64 = Texte("Base_Texte64", max_length=64, min_length=1, base_string=True, not_all_zeros=True)
TEXTE70 = Texte("Base_Texte70", max_length=70, min_length=1, base_string=True, not_all_zeros=True)
TEXTE70SEPA = Texte(
    "Base_Texte70SEPA", max_length=70, min_length=1, patterns=("[0-9a-zA-Z/?:()\\., \\-+']*",)
)
TEXTE9_100 = Texte(
    "Base_Texte9_100", max_length=100, min_length=9, base_string=True, not_all_zeros=True
)
TEXTECODIQUE7 = Texte(
    "Base_TexteCodique7",
    max_length=7,
    min_length=6,
    patterns=("(02[A-B][0-9]{3,4}|[0-9]{6,7})",),
    base_string=True,
    not_all_zeros=True,
)
TEXTE_CODECOMMUNE_2_3 = Texte(
    "Base_Texte_CodeCommune_2_3",
    max_length=3,
    min_length=2,
    patterns=("[0-9]{2,3}",),
    base_string=True,
    not_all_zeros=True,
)
TEXTE_CODEDEPARTEMENT_2_3 = Texte(
    "Base_Texte_CodeDepartement_2_3",
    max_length=3,
    min_length=2,
    patterns=("2[A-B]|[0-8][0-9]|9[0-5]|97[1-8]|98[6-8]",),
    base_string=True,
    not_all_zeros=True,
)
TEXTE_CODEPAYS_3 = Texte(
    "Base_Texte_CodePays_3",
    max_length=3,
    min_length=3,
    patterns=("[1-5][0-9]{2}",),
    base_string=True,
    not_all_zeros=True,
)
TEXTE_LIBELLE_NAISSANCE_70 = Texte(
    "Base_Texte_Libelle_Naissance_70",
    max_length=70,
    min_length=1,
    patterns=("[A-Z 0-9'\\-Œ\\(\\)]*",),
    base_string=True,
    not_all_zeros=True,
)

TEXTE18_LIGHT = Texte("Base_Texte18_Light", max_length=18)
ALPHANUM50_LIGHT = Texte("Base_Alphanum50_Light", max_length=50, patterns=("[0-9a-zA-Z]*",))

# --- digit strings (``Base_NumX_Light``) the return path holds as whole numbers -------------
# ``NumBord``, ``NumPiece``… of an ACK are written as digits but mean numbers: the models hold
# an ``int`` (0 or more, at most X digits), written without leading zeros.

NUM4_LIGHT_ENTIER = Nombre(
    "Base_Num4_Light", total_digits=4, fraction_digits=0, min_inclusive=Decimal("0")
)
NUM7_LIGHT_ENTIER = Nombre(
    "Base_Num7_Light", total_digits=7, fraction_digits=0, min_inclusive=Decimal("0")
)
NUM13_LIGHT_ENTIER = Nombre(
    "Base_Num13_Light", total_digits=13, fraction_digits=0, min_inclusive=Decimal("0")
)
