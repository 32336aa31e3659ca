"""Demo technologies: coasts, floods, climate monitoring and health."""

from .schema import concept, v

CONCEPTS = [
    concept(
        "Y02A40 Y02A90 GI-AF-FOR", "biodiversity resilience greenhouse-gases livelihoods",
        (13, 14, 15),
        "<p>Mangroves protect coasts from storm surge, store large amounts of carbon and shelter "
        "young fish, but many restoration projects fail because seedlings are planted in the "
        "wrong place. Monitoring survival, hydrology and canopy growth shows what works and keeps "
        "funders informed.</p>",
        ("Drone and satellite mapping of canopy cover",
         "Tide and sediment loggers at planting sites",
         "Community data collection on mobile phones"),
        v("Drone monitoring of mangrove restoration", "nusantara", 9, "know_how",
          "A monitoring service combining drone surveys and field plots to track mangrove "
          "survival and canopy growth.",
          "<p>Used on 4,000 hectares of restoration in South Sulawesi, where community teams fly "
          "the drones and maintain the plots.</p>",
          "PH MY TL", avail=("technical-assistance",)),
        v("Hydrology-first mangrove restoration planning", "nusantara", 8, "open",
          "A field method and app for assessing tidal flow before planting, so that abandoned "
          "shrimp ponds are reconnected to the sea first.",
          "<p>Survival of mangroves rose from 20 % to over 70 % at sites planned with the "
          "method.</p>",
          "VN TH BD", avail=("free", "technical-assistance")),
        v("Community mangrove monitoring network", "sundarbans", 8, "open",
          "A citizen science programme in which fishing families record mangrove health and "
          "illegal cutting on a simple app.",
          "<p>Two hundred volunteers monitor buffer zones around the Sundarbans reserve.</p>",
          "IN MM", avail=("free",)),
        v("Satellite alerts for mangrove loss in the Caribbean", "caribres", 7, "know_how",
          "An early-warning service that detects mangrove clearing and storm damage from "
          "satellite radar.",
          "<p>Covers the coastlines of Jamaica, Belize and the Bahamas for the trust's partner "
          "agencies.</p>",
          "BZ BS HT"),
    ),
    concept(
        "Y02A40 Y02A10", "biodiversity resilience livelihoods", (13, 14),
        "<p>Coral reefs break waves before they reach the shore and support fisheries and "
        "tourism. Restoration grows heat-tolerant corals in nurseries and outplants them onto "
        "degraded reefs, while artificial structures help reefs recover faster.</p>",
        ("Land or ocean nurseries for coral fragments",
         "Selection of heat-tolerant genotypes",
         "Structures that encourage natural settlement"),
        v("Heat-tolerant coral nurseries", "caribres", 8, "know_how",
          "Floating coral nurseries and outplanting protocols using genotypes that survived "
          "recent bleaching events.",
          "<p>Over 60,000 corals outplanted on Jamaica's north coast.</p>",
          "BZ DO BS"),
        v("Reef stars for rubble stabilisation", "nusantara", 9, "know_how",
          "Hexagonal steel frames coated with sand that stabilise rubble fields so corals can "
          "grow.",
          "<p>Installed by island communities in the Spermonde archipelago.</p>",
          "PH FJ"),
        v("Oyster reef breakwaters for estuaries", "southerncross", 7, "pending",
          "Living oyster reefs built on biodegradable frames that reduce wave energy on "
          "estuary shores and filter the water.",
          "<p>Pilot reefs in Gulf St Vincent have grown naturally since 2022 and reduced "
          "shoreline erosion behind them.</p>",
          "NZ"),
    ),
    concept(
        "Y02A30 Y02A10", "resilience health", (11, 13),
        "<p>Where land floods regularly, buildings and neighbourhoods can be designed to live "
        "with water rather than fight it: floating and amphibious houses, raised plinths, and "
        "barriers that are put up only when a flood is coming.</p>",
        ("Buoyant foundations guided by vertical posts",
         "Utilities with flexible connections",
         "Designs accepted by building authorities"),
        v("Amphibious house foundations", "polder", 9, "patented",
          "A buoyant concrete foundation that lets a house float up with floodwater and settle "
          "back as the water recedes.",
          "<p>Used in 70 homes along the Maas river and in pilot projects in Bangladesh and "
          "Vietnam.</p>",
          "BD VN US"),
        v("Demountable flood barriers for historic towns", "polder", 9, "know_how",
          "Aluminium barriers that slot into permanent posts along river fronts and are put "
          "up by volunteers in two hours.",
          "<p>They protect riverside quarters in Dutch, German and Polish towns without "
          "blocking views for the rest of the year.</p>",
          "DE PL CZ"),
        v("Raised plinth houses for cyclone-prone villages", "sundarbans", 9, "open",
          "A low-cost house design on compacted earth plinths above storm-surge level, with a "
          "reinforced room for sheltering.",
          "<p>Built with 3,000 families in Satkhira and Khulna; the drawings are in Bangla "
          "and English.</p>",
          "MM IN", avail=("free", "technical-assistance")),
    ),
    concept(
        "Y02A90 Y02A10", "resilience health", (11, 13),
        "<p>Flood forecasting combines rainfall forecasts, river gauges and hydraulic models to "
        "warn people hours or days before the water arrives. Warnings that reach every household "
        "in its own language save lives and property.</p>",
        ("Hydrological and hydraulic models",
         "Automatic gauges and rainfall radar",
         "Alerts by SMS, sirens and local radio"),
        v("Flood early warning for river deltas", "polder", 9, "know_how",
          "A forecasting platform and alert service for deltas and estuaries that combines "
          "river, tide and storm-surge forecasts.",
          "<p>Used by water boards in the Netherlands and by provincial authorities in "
          "Vietnam.</p>",
          "VN BD MZ"),
        v("Community flood alerts for delta provinces", "mekong", 8, "open",
          "An SMS service that warns farmers and households of high tides and river floods "
          "two to five days ahead.",
          "<p>Reaches 200,000 subscribers in the Mekong Delta, with messages reviewed by "
          "provincial disaster committees.</p>",
          "KH", avail=("free",)),
        v("Urban flash-flood forecasting from radar rainfall", "zjwater", 8, "patented",
          "A city-scale model that forecasts street flooding an hour ahead from radar "
          "rainfall and drainage data.",
          "<p>Used by Hangzhou's drainage department to send pumps and crews before streets "
          "flood.</p>",
          "VN TH"),
    ),
    concept(
        "Y02A50 Y02A90", "health resilience", (3, 11, 13),
        "<p>Heat waves kill more people than any other weather hazard, mostly older people and "
        "outdoor workers. Heat-health warning systems combine forecasts with local health data "
        "and trigger actions such as cooling centres and changed working hours.</p>",
        ("City-specific temperature thresholds from health data",
         "Action plans for hospitals and employers",
         "Heat maps of vulnerable neighbourhoods"),
        v("Heat action planning toolkit for cities", "deccan", 8, "open",
          "Methods, data templates and software for preparing city heat action plans, from "
          "thresholds to ward-level response.",
          "<p>Used by three municipal corporations in Telangana since 2022.</p>",
          "PK BD NP", avail=("free", "technical-assistance")),
        v("Heat stress alerts for mine workers", "andes", 7, "know_how",
          "Wearable sensors that estimate core body temperature and alert supervisors before "
          "workers reach dangerous heat strain.",
          "<p>Piloted at two open-pit mines in the Atacama with 400 workers.</p>",
          "PE"),
        v("Urban heat mapping from sensors on buses", "southerncross", 8, "know_how",
          "Temperature sensors on city buses that map hot streets and suburbs block by block.",
          "<p>Adelaide councils use the maps to decide where to plant trees and open cooling "
          "centres.</p>",
          "NZ"),
    ),
    concept(
        "Y02A50 GI-AEP-SOL", "health energy", (3, 7),
        "<p>Vaccines spoil if they get too warm or freeze. Solar direct-drive refrigerators store "
        "cold in an ice lining or phase-change bank instead of a battery, so clinics without "
        "reliable power can keep vaccines safe through several cloudy days.</p>",
        ("Ice-lined cabinet with at least three days of autonomy",
         "Remote temperature monitoring with SMS alarms",
         "Built to WHO performance standards"),
        v("Battery-free solar vaccine refrigerator", "sunfield", 9, "patented",
          "A solar direct-drive vaccine fridge with a 100-litre ice-lined cabinet and a "
          "temperature logger that texts the district cold-chain officer.",
          "<p>More than 700 units are installed in rural health centres in Kenya, most procured "
          "through county health departments.</p>",
          "UG TZ SS", avail=("sale", "distribution")),
        v("Phase-change vaccine carrier for outreach days", "prakriti", 8, "pending",
          "A carrier that keeps vaccines between 2 and 8 °C for five days using a plant-based "
          "phase-change material instead of ice packs.",
          "<p>Used by health workers on outreach rounds in Karnataka, where it has removed the "
          "risk of freezing vaccines.</p>",
          "NP BD"),
        v("Solar cooler for storing insulin at home", "chinedu", 6, "pending",
          "A small evaporative and solar-assisted cooler that keeps insulin below 25 °C in homes "
          "without electricity.",
          "<p>Its inventor is testing it with 40 patients and a diabetes clinic in Enugu.</p>",
          "GH CM", avail=("collaboration", "licence"),
          status="submitted"),
    ),
    concept(
        "Y02A50", "health resilience", (3, 13),
        "<p>Changing temperatures and rainfall are spreading mosquito-borne diseases such as "
        "dengue and malaria to new areas and seasons. Surveillance that combines climate data, "
        "mosquito traps and clinic reports lets health authorities act before outbreaks "
        "peak.</p>",
        ("Smart traps that count and identify mosquitoes",
         "Outbreak forecasts driven by climate data",
         "Dashboards and alerts for health officers"),
        v("Dengue outbreak forecasting for Caribbean islands", "caribres", 7, "open",
          "A model that forecasts dengue risk two months ahead from rainfall, temperature and "
          "case reports.",
          "<p>Developed with regional health agencies and now used by two ministries of health "
          "to time clean-up campaigns.</p>",
          "DO TT BB", avail=("free", "technical-assistance")),
        v("Malaria early warning for highland districts", "bluenile", 7, "open",
          "A warning system for highland districts where rising temperatures bring malaria to "
          "communities with little immunity.",
          "<p>Regional health bureaus in Amhara receive monthly risk maps and pre-position "
          "tests and bed nets.</p>",
          "KE UG RW", avail=("free",)),
        v("Optical traps that count mosquitoes automatically", "deccan", 6, "pending",
          "Traps with an optical sensor that identifies mosquito species from wing-beat "
          "frequency and uploads counts every hour.",
          "<p>Forty traps are being tested with Hyderabad's vector control unit.</p>",
          "LK BD"),
    ),
]
