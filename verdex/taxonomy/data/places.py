"""UN M49 regions and sub-regions, and the UN LDC and SIDS country groups.

Membership follows the UN Statistics Division's M49 standard and the UN-OHRLLS
lists (LDCs as listed in 2025; SIDS including non-UN-member associates).
Countries themselves come from ISO 3166-1 via pycountry.
"""

REGIONS = {
    "002": ("Africa", {
        "015": ("Northern Africa", "DZ EG LY MA SD TN EH"),
        "014": ("Eastern Africa", "IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW"),
        "017": ("Middle Africa", "AO CM CF TD CG CD GQ GA ST"),
        "018": ("Southern Africa", "BW SZ LS NA ZA"),
        "011": ("Western Africa", "BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG"),
    }),
    "019": ("Americas", {
        "029": ("Caribbean", "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI"),
        "013": ("Central America", "BZ CR SV GT HN MX NI PA"),
        "005": ("South America", "AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE"),
        "021": ("Northern America", "BM CA GL PM US"),
    }),
    "142": ("Asia", {
        "143": ("Central Asia", "KZ KG TJ TM UZ"),
        "030": ("Eastern Asia", "CN HK MO KP JP MN KR TW"),
        "035": ("South-eastern Asia", "BN KH ID LA MY MM PH SG TH TL VN"),
        "034": ("Southern Asia", "AF BD BT IN IR MV NP PK LK"),
        "145": ("Western Asia", "AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE"),
    }),
    "150": ("Europe", {
        "151": ("Eastern Europe", "BY BG CZ HU PL MD RO RU SK UA"),
        "154": ("Northern Europe", "AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB"),
        "039": ("Southern Europe", "AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES"),
        "155": ("Western Europe", "AT BE FR DE LI LU MC NL CH"),
    }),
    "009": ("Oceania", {
        "053": ("Australia and New Zealand", "AU CX CC HM NZ NF"),
        "054": ("Melanesia", "FJ NC PG SB VU"),
        "057": ("Micronesia", "GU KI MH FM NR MP PW UM"),
        "061": ("Polynesia", "AS CK PF NU PN WS TK TO TV WF"),
    }),
}

GROUPS = {
    "LDC": (
        "Least developed countries",
        "AO BJ BF BI CF TD KM CD DJ ER ET GM GN GW LS LR MG MW ML MR MZ NE RW SN SL SO SS SD "
        "TG UG TZ ZM AF BD KH LA MM NP TL YE HT KI SB TV",
    ),
    "SIDS": (
        "Small island developing states",
        "AG BS BH BB BZ CV KM CU DM DO FJ GD GW GY HT JM KI MV MH FM MU NR PW PG WS ST SC SG "
        "KN LC VC SB SR TL TO TT TV VU AI AW BM VG KY CK CW PF GU MS NC NU MP PR SX TC VI AS GP MQ",
    ),
}
