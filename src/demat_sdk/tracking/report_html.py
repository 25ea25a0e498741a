"""The indicators as one self-contained HTML page: a bar chart in inline SVG, tables, details.

No script, no font, no image, no style sheet to fetch: the page opens the same from a disk, an
e-mail or an intranet without network. Every text from the data is escaped.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from demat_sdk.tracking.indicators import Indicator, IndicatorReport

__all__ = ["render"]

MAX_LISTED = 50
"""Items of a detail list shown before "… et N autres"."""

_BAR = 560
_ROW = 66
_GREEN, _ORANGE, _BLUE, _GREY, _RED = "#15803d", "#c2410c", "#3730a3", "#6b7280", "#b91c1c"

_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#111827;
max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem}
.meta{color:#4b5563;margin-top:0}table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border-bottom:1px solid #e5e7eb;padding:.35rem .5rem;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}.ok{color:#15803d;font-weight:600}
.ko{color:#c2410c;font-weight:600}ul{margin:.3rem 0}footer{margin-top:2rem;color:#4b5563;
font-size:.9rem}@media print{body{margin:0}}
"""


def render(report: IndicatorReport) -> str:
    """The page of ``report``."""
    title = "Indicateurs de dématérialisation"
    if report.etablissement:
        title += f" — {report.etablissement}"
    meta = [f"Période : {report.periode}"] if report.periode else []
    meta.append(f"Établi le {report.genere_le:%d/%m/%Y à %H:%M}")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="fr"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta">{escape(" · ".join(meta))}</p>',
    ]
    if not report.indicateurs:
        parts.append("<p>Aucune mesure.</p>")
    else:
        parts += [_chart(report.indicateurs), _table(report.indicateurs)]
    parts += _details(report)
    parts.append(
        "<footer><p>Une facture est <em>traitée dans Chorus Pro</em> quand le destinataire lui a "
        "donné un statut (service fait, mandatée et suites comptables, suspendue, complétée, à "
        "recycler, rejetée). Un mandat compte comme accompagné de PJ dématérialisées quand une "
        "de ses références sur support électronique désigne une PJ transmise (dans un flux "
        "mesuré ou déclarée envoyée à part). Un bordereau est signé s'il porte sa signature ou "
        "si le flux est signé globalement.</p></footer>"
    )
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _percent(value: float | None) -> str:
    if value is None:
        return "non mesuré"
    return f"{value * 100:.1f}".replace(".", ",") + "\u202f%"


def _color(indicator: Indicator) -> str:
    if indicator.atteint is True:
        return _GREEN
    if indicator.atteint is False:
        return _ORANGE
    return _GREY if indicator.plus_bas_mieux else _BLUE


def _chart(indicators: tuple[Indicator, ...]) -> str:
    height = 16 + _ROW * len(indicators)
    width = _BAR + 110
    rows = []
    for index, indicator in enumerate(indicators):
        top = 8 + index * _ROW
        taux = indicator.taux
        filled = round(_BAR * min(max(taux or 0.0, 0.0), 1.0), 1)
        rows.append(
            f'<text x="0" y="{top + 14}" font-size="13" fill="#111827">'
            f"{escape(indicator.libelle)}</text>"
            f'<rect x="0" y="{top + 22}" width="{_BAR}" height="22" rx="3" fill="#e5e7eb"/>'
            f'<rect x="0" y="{top + 22}" width="{filled}" height="22" rx="3" '
            f'fill="{_color(indicator)}"/>'
            f'<text x="{_BAR + 8}" y="{top + 38}" font-size="14" font-weight="600" '
            f'fill="#111827">{escape(_percent(taux))}</text>'
        )
        if indicator.seuil is not None:
            x = round(_BAR * indicator.seuil, 1)
            rows.append(
                f'<line x1="{x}" y1="{top + 18}" x2="{x}" y2="{top + 48}" stroke="{_RED}" '
                'stroke-width="2" stroke-dasharray="4 3"/>'
                f'<text x="{x}" y="{top + 60}" font-size="11" fill="{_RED}" '
                f'text-anchor="middle">seuil {escape(_percent(indicator.seuil))}</text>'
            )
    label = "; ".join(f"{i.libelle} : {_percent(i.taux)}" for i in indicators)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}">'
        + "".join(rows)
        + "</svg>"
    )


def _table(indicators: tuple[Indicator, ...]) -> str:
    lines = [
        "<table><thead><tr><th>Indicateur</th><th>Mesure</th><th>Taux</th><th>Seuil</th>"
        "<th>Atteint</th></tr></thead><tbody>"
    ]
    for indicator in indicators:
        atteint = "—"
        if indicator.atteint is not None:
            atteint = (
                '<span class="ok">oui</span>'
                if indicator.atteint
                else '<span class="ko">non</span>'
            )
        seuil = _percent(indicator.seuil) if indicator.seuil is not None else "—"
        lines.append(
            f"<tr><td>{escape(indicator.libelle)}</td>"
            f'<td class="n">{indicator.numerateur} / {indicator.denominateur}</td>'
            f'<td class="n">{escape(_percent(indicator.taux))}</td>'
            f'<td class="n">{escape(seuil)}</td><td>{atteint}</td></tr>'
        )
    lines.append("</tbody></table>")
    return "".join(lines)


def _details(report: IndicatorReport) -> list[str]:
    parts: list[str] = []
    if report.pes is not None:
        pes = report.pes
        parts.append(
            f"<h2>Flux PES</h2><p>{pes.fichiers} fichier(s) lu(s) : {pes.mandats} mandat(s), "
            f"{pes.bordereaux} bordereau(x).</p>"
        )
        parts += _listed("Mandats sans PJ dématérialisées", pes.mandats_sans_pj)
        parts += _listed(
            "PJ référencées mais absentes des flux mesurés (transmises à part ?)",
            pes.pj_introuvables,
        )
        parts += _listed("Bordereaux non signés", pes.bordereaux_non_signes)
    if report.chorus is not None:
        chorus = report.chorus
        parts.append(
            f"<h2>Factures reçues dans Chorus Pro</h2><p>{chorus.recues} facture(s) reçue(s), "
            f"{chorus.traitees} traitée(s) dans Chorus Pro, {chorus.telechargees} "
            "téléchargée(s) par le destinataire"
            + (
                f" ; {chorus.hors_chorus} reçue(s) hors Chorus Pro"
                if chorus.hors_chorus is not None
                else ""
            )
            + ".</p>"
        )
        if chorus.par_statut:
            rows = "".join(
                f'<tr><td>{escape(statut)}</td><td class="n">{nombre}</td></tr>'
                for statut, nombre in chorus.par_statut.items()
            )
            parts.append(
                "<table><thead><tr><th>Statut actuel</th><th>Factures</th></tr></thead>"
                f"<tbody>{rows}</tbody></table>"
            )
    return parts


def _listed(title: str, items: tuple[str, ...]) -> list[str]:
    if not items:
        return []
    shown = "".join(f"<li>{escape(item)}</li>" for item in items[:MAX_LISTED])
    more = f"<li>… et {len(items) - MAX_LISTED} autre(s)</li>" if len(items) > MAX_LISTED else ""
    return [f"<h3>{escape(title)} ({len(items)})</h3><ul>{shown}{more}</ul>"]
