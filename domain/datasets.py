"""The datasets of the data contract: their columns, what one import replaces, and their row rules.

This module is the contract in code; `docs/data-contract.md` is the prose.
"""

from __future__ import annotations

from dataclasses import dataclass

# Column kinds; `validation.parsers_for` turns each into a parser with the configuration at hand.
QUARTER, PERIOD, YEAR, UNIT, AREA, KPI, ASSESSMENT = "quarter", "period", "year", "unit", "area", "kpi", "assessment"
DATE, DAY_OR_MONTH, TEXT, COUNT0, COUNT1, NUMBER, PERCENT, YES_NO = (
    "date",
    "day_or_month",
    "text",
    "count0",
    "count1",
    "number",
    "percent",
    "yes_no",
)
DOC_TYPE, DOC_STATUS, DATETIME = "document_type", "document_status", "datetime"
# Follow-up across the organisation: a configured maturity model, its level, a configured survey, an answer
# on that survey's scale, and the worst finding of an accessibility review.
MODEL, LEVEL, SURVEY, ANSWER, FINDING = "maturity_model", "level", "survey", "answer", "finding"
STATUS, TREND, SEVERITY, CATEGORY, REC_STATUS, RATING, STATEMENT, AUDIENCE = (
    "status",
    "trend",
    "severity",
    "category",
    "rec_status",
    "rating",
    "statement",
    "audience",
)


@dataclass(frozen=True)
class Column:
    name: str
    swedish: str
    kind: str
    required: bool = False
    example: str = ""


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    columns: tuple[Column, ...]
    scope_columns: tuple[str, ...]
    scope_text: str
    key_columns: tuple[str, ...]
    period_column: str | None = None
    stored_names: tuple[tuple[str, str], ...] = ()  # a column stored under another name ("id" is the row's)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    def stored(self, column: str) -> str:
        """The store's name of a file's column."""
        return dict(self.stored_names).get(column, column)

    def in_file(self, stored: str) -> str:
        """The file's name of a store's column."""
        return next((c for c, s in self.stored_names if s == stored), stored)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)


C = Column
DATASETS: dict[str, Dataset] = {
    d.name: d
    for d in (
        Dataset(
            "status",
            "Kvartalsstatus",
            (
                C("period", "period", QUARTER, True, "2025Q3"),
                C("unit", "enhet", UNIT, True, "Servicenämnden"),
                C("area", "område", AREA, True, "Incidenthantering"),
                C("status", "status", STATUS, True, "Gul"),
                C("trend", "trend", TREND, False, "Upp"),
                C("comment", "kommentar", TEXT, False, "Ny kommunikationsplan för kritiska incidenter"),
            ),
            scope_columns=("period", "unit"),
            scope_text="kvartal × enhet",
            key_columns=("period", "unit", "area"),
            period_column="period",
        ),
        Dataset(
            "kpis",
            "Nyckeltal",
            (
                C("period", "period", PERIOD, True, "2025Q2"),
                C("unit", "enhet", UNIT, True, "Servicenämnden"),
                C("kpi", "nyckeltal", KPI, True, "phishing_click_rate"),
                C("value", "värde", NUMBER, False, ""),
                C("numerator", "täljare", COUNT0, False, "320"),
                C("denominator", "nämnare", COUNT0, False, "1000"),
                C("comment", "kommentar", TEXT, False, "Simuleringen avbröts efter 27 av 72 timmar"),
            ),
            scope_columns=("period", "unit", "kpi"),  # a file replaces exactly the KPIs it names
            scope_text="period × enhet × nyckeltal",
            key_columns=("period", "unit", "kpi"),
            period_column="period",
        ),
        Dataset(
            "incidents",
            "Incidenter",
            (
                C("date", "datum", DAY_OR_MONTH, True, "2025-03-14"),
                C("unit", "enhet", UNIT, True, "Servicenämnden"),
                C("severity", "allvarlighetsgrad", SEVERITY, True, "Kritisk"),
                C("category", "kategori", CATEGORY, True, "IT-incident"),
                C("count", "antal", COUNT1, False, "1"),
                C("reference", "ärendenummer", TEXT, False, "INC-2025-0042"),
                C("title", "rubrik", TEXT, False, "Avbrott i e-posttjänsten"),
                C("reported_to_authority", "anmäld_till_imy", YES_NO, False, "Nej"),
                C("incident_manager", "incidentansvarig", TEXT, False, "Anna Andersson"),
                C("responsible_manager", "ansvarig_chef", TEXT, False, "Bertil Berg"),
                C("report_date", "rapportdatum", DATE, False, "2025-03-20"),
                C("resolved_date", "åtgärdad_datum", DATE, False, "2025-03-15"),
                # Reporting under the Cybersecurity Act (SFS 2025:1506) and to IMY: optional columns.
                C("detected_at", "upptäckt", DATETIME, False, "2025-03-14 07:40"),
                C("significant", "betydande", YES_NO, False, "Ja"),
                C("early_warning_at", "tidig_varning", DATETIME, False, "2025-03-14 15:00"),
                C("notification_at", "incidentanmälan", DATETIME, False, "2025-03-16 10:00"),
                C("final_report_at", "slutrapport", DATETIME, False, "2025-04-10 12:00"),
                C("imy_reported_at", "anmäld_imy", DATETIME, False, ""),
            ),
            scope_columns=("month", "unit"),
            scope_text="månad × enhet",
            key_columns=("reference",),
            period_column="month",
        ),
        Dataset(
            "recommendations",
            "Granskningsrekommendationer",
            (
                C("id", "id", TEXT, True, "ITS-2025-1"),
                C("audit", "granskning", TEXT, True, "Granskning av IT-säkerhet"),
                C("auditor", "granskare", TEXT, True, "Malmö stadsrevision"),
                C("audit_date", "granskningsdatum", DATE, True, "2025-01-28"),
                C("addressee", "mottagare", UNIT, True, "Servicenämnden"),
                C("area", "område", TEXT, False, "Incidenthantering"),
                C("recommendation", "rekommendation", TEXT, True, "Komplettera rutinerna med datering"),
                C("committed", "åtagande", YES_NO, False, "Ja"),
                C("owner", "ansvarig", TEXT, False, "IT-chef"),
                C("due_date", "slutdatum", DATE, False, "2025-12-31"),
                C("response", "yttrande", TEXT, False, "Nämnden åtar sig att genomföra rekommendationen"),
                C("response_date", "yttrandedatum", DATE, False, "2025-03-20"),
                C("decision_ref", "beslut", TEXT, False, "SN 2025-03-20 § 45"),
            ),
            scope_columns=("recommendation_id",),
            scope_text="rekommendation (id)",
            key_columns=("id",),
            stored_names=(("id", "recommendation_id"),),
        ),
        Dataset(
            "recommendation_updates",
            "Uppföljning av rekommendationer",
            (
                C("recommendation_id", "rekommendation_id", TEXT, True, "ITS-2025-1"),
                C("date", "datum", DATE, True, "2025-06-30"),
                C("status", "status", REC_STATUS, True, "Pågår"),
                C("progress", "andel_klar", PERCENT, False, "50"),
                C("comment", "kommentar", TEXT, False, "Rutinerna dateras under hösten"),
            ),
            scope_columns=("recommendation_id", "date"),
            scope_text="rekommendation × datum",
            key_columns=("recommendation_id", "date"),
        ),
        Dataset(
            "self_assessments",
            "Självskattningar",
            (
                C("year", "år", YEAR, True, "2024"),
                C("unit", "enhet", UNIT, True, "Servicenämnden"),
                C("assessment", "självskattning", ASSESSMENT, True, "internal_control"),
                C("statement", "påstående", STATEMENT, True, "IK1"),
                C("rating", "bedömning", RATING, True, "Tillfredsställande"),
                C("comment", "kommentar", TEXT, False, ""),
            ),
            scope_columns=("year", "unit", "assessment"),
            scope_text="år × enhet × självskattning",
            key_columns=("year", "unit", "assessment", "statement"),
            period_column="year",
        ),
        Dataset(
            "phishing_campaigns",
            "Phishingövningar",
            (
                C("campaign", "kampanj", TEXT, True, "PH-2025-1"),
                C("start_date", "startdatum", DATE, True, "2025-05-12"),
                C("unit", "enhet", UNIT, True, "Servicenämnden"),
                C("planned_hours", "planerade_timmar", NUMBER, False, "72"),
                C("actual_hours", "faktiska_timmar", NUMBER, False, "27"),
                C("recipients", "mottagare", COUNT1, True, "1000"),
                C("clicked", "klickade", COUNT0, True, "320"),
                C("reported", "rapporterade", COUNT0, False, "95"),
                C("comment", "kommentar", TEXT, False, "Avbröts efter 27 av 72 timmar"),
            ),
            scope_columns=("campaign", "unit"),
            scope_text="kampanj × enhet",
            key_columns=("campaign", "unit"),
        ),
        Dataset(
            "training",
            "Utbildning",
            (
                C("period", "period", PERIOD, True, "2025"),
                C("unit", "enhet", UNIT, True, "Servicenämnden"),
                C("audience", "målgrupp", AUDIENCE, True, "Förtroendevalda"),
                C("course", "utbildning", TEXT, True, "Informationssäkerhet för förtroendevalda"),
                C("population", "antal_i_målgruppen", COUNT0, True, "13"),
                C("completed", "genomförda", COUNT0, True, "9"),
            ),
            scope_columns=("period", "unit", "audience", "course"),
            scope_text="period × enhet × målgrupp × utbildning",
            key_columns=("period", "unit", "audience", "course"),
            period_column="period",
        ),
        Dataset(
            "documents",
            "Styrdokument",
            (
                C("id", "id", TEXT, True, "KS-IT-2010-1"),
                C("title", "titel", TEXT, True, "IT-säkerhetsplan"),
                C("type", "typ", DOC_TYPE, False, "Plan"),
                C("owner_unit", "ägare", UNIT, True, "Kommunstyrelsen"),
                C("decided_by", "beslutad_av", TEXT, False, "Kommunstyrelsen"),
                C("decided_date", "beslutsdatum", DATE, False, "2010-06-14"),
                C("revision_owner", "revideringsansvarig", TEXT, False, "IT-chef"),
                C("next_revision", "nästa_revision", DATE, False, "2012-06-30"),
                C("status", "status", DOC_STATUS, False, "Gällande"),
            ),
            scope_columns=("document_id",),
            scope_text="styrdokument (id)",
            key_columns=("id",),
            stored_names=(("id", "document_id"),),
        ),
        Dataset(
            "classifications",
            "Informationsklassning",
            (
                C("unit", "enhet", UNIT, True, "Servicenämnden"),
                C("system", "system", TEXT, True, "Ekonomisystemet"),
                C("classified_date", "klassningsdatum", DATE, False, "2023-04-12"),
                C("risk_analysis_date", "riskanalysdatum", DATE, False, "2023-05-03"),
                C("measures_followed_up_date", "åtgärder_uppföljda", DATE, False, "2024-02-20"),
            ),
            scope_columns=("unit", "system"),
            scope_text="enhet × system",
            key_columns=("unit", "system"),
        ),
        Dataset(
            "maturity",
            "Mognadsnivåer",
            (
                C("year", "år", YEAR, True, "2024"),
                C("unit", "enhet", UNIT, True, "Servicenämnden"),
                C("model", "modell", MODEL, True, "ai_sweden"),
                C("level", "nivå", LEVEL, True, "2"),
            ),
            scope_columns=("year", "unit", "model"),
            scope_text="år × enhet × modell",
            key_columns=("year", "unit", "model"),
            period_column="year",
        ),
        Dataset(
            "survey_results",
            "Enkätsvar",
            (
                C("survey", "enkät", SURVEY, True, "sekretess"),
                C("year", "år", YEAR, True, "2020"),
                C("unit", "enhet", UNIT, True, "Servicenämnden"),
                C("question", "fråga", TEXT, True, "Anser du att det är lätt att göra rätt?"),
                C("answer", "svar", ANSWER, True, "Ja"),
                C("respondents", "antal", COUNT0, True, "4"),
            ),
            scope_columns=("survey", "year", "unit"),
            scope_text="enkät × år × enhet",
            key_columns=("survey", "year", "unit", "question", "answer"),
            period_column="year",
        ),
        Dataset(
            "accessibility_reviews",
            "Tillgänglighetsgranskningar",
            (
                C("year", "år", YEAR, True, "2024"),
                C("unit", "enhet", UNIT, True, "Servicenämnden"),
                C("service", "tjänst", TEXT, True, "Felanmälan gata och park"),
                C("criteria_tested", "testade_kriterier", COUNT0, True, "12"),
                C("criteria_failed", "underkända_kriterier", COUNT0, True, "2"),
                C("severity", "allvarlighetsgrad", FINDING, False, "Mindre"),
                C("videos_reviewed", "granskade_filmer", COUNT0, False, "4"),
                C("videos_deficient", "filmer_med_brister", COUNT0, False, "1"),
            ),
            scope_columns=("year", "unit", "service"),
            scope_text="år × enhet × tjänst",
            key_columns=("year", "unit", "service"),
            period_column="year",
        ),
    )
}
