"""Demo technologies: water supply, wastewater and adaptation to climate change."""

from .schema import concept, v

CONCEPTS = [
    concept(
        "Y02A40 Y02E10 GI-AF-IRR GI-AEP-SOL", "water energy livelihoods greenhouse-gases",
        (1, 2, 6, 7),
        "<p>Solar drip irrigation pairs a solar pump with low-pressure drip lines, delivering "
        "water straight to plant roots during the day, when the sun shines and crops need it. "
        "Farmers stop buying diesel and use 30–60 % less water than with furrow irrigation.</p>",
        ("Brushless DC pump running directly from the panels",
         "Gravity-fed or low-pressure drip laterals and filters",
         "Sized by crop, soil and water source"),
        v("Solar drip irrigation kit for quarter-acre plots", "sunfield", 9, "patented",
          "A kit of one solar pump, a 1,000-litre tank and drip lines that irrigates a quarter "
          "acre of vegetables and pays for itself in two seasons.",
          "<p>More than 9,000 kits sold in Kenya, financed through pay-as-you-go and savings "
          "groups; the pump can be moved between plots.</p>",
          "TZ UG RW ET", avail=("distribution", "sale")),
        v("Solar drip irrigation for women's market gardens", "sahel", 9, "open",
          "A community garden layout with a shared solar borehole pump and drip lines, managed by "
          "women's groups.",
          "<p>Running in 85 villages in the Thiès and Louga regions; each garden feeds 40 to 60 "
          "families and sells surplus at local markets.</p>",
          "ML BF NE MR", avail=("free", "technical-assistance")),
        v("Solar-powered drip for orchards on terraces", "agrisol", 9, "know_how",
          "Pressure-compensated drip with solar pumping and a hilltop tank for terraced almond "
          "and olive groves.",
          "<p>Agrisol designs and installs systems of 5–100 hectares in south-eastern Spain, "
          "often alongside agrivoltaic canopies.</p>",
          "MA TN PT"),
        v("Solar pump and drip package for cotton and chilli farmers", "prakriti", 8, "know_how",
          "A 3 HP solar pump with drip irrigation and a remote pump controller for two- to "
          "five-acre farms.",
          "<p>Sold through farmer producer organisations in Karnataka and Andhra Pradesh with "
          "state subsidy.</p>",
          "NP BD"),
    ),
    concept(
        "Y02A20 Y02W10", "water energy", (6, 9),
        "<p>Membrane distillation separates water vapour from salty water through a hydrophobic "
        "membrane, driven by a small temperature difference. It runs on low-grade heat from the "
        "sun or industry and treats brines too salty for reverse osmosis.</p>",
        ("Hydrophobic membranes that block liquid water and salts",
         "Runs on heat at 60–85 °C",
         "Handles high-salinity brines and concentrates"),
        v("Solar membrane distillation for remote villages", "negev", 7, "patented",
          "A container unit producing 5 m³ of drinking water a day from brackish wells using only "
          "solar heat and a small PV panel.",
          "<p>Operating in two Bedouin villages in the Negev since 2022; the membrane modules are "
          "made by the company.</p>",
          "JO EG TN", avail=("licence", "sale")),
        v("Brine concentration by membrane distillation", "alnoor", 6, "pending",
          "A module that concentrates reverse osmosis brine using waste heat, reducing the volume "
          "discharged to sea.",
          "<p>Piloted at a desalination plant in Abu Dhabi using heat from a gas turbine "
          "exhaust.</p>",
          "SA OM"),
        v("Membrane distillation of agricultural drainage water", "niledelta", 5, "open",
          "A research prototype that recovers irrigation water from saline drainage in the "
          "northern Delta.",
          "<p>Published open designs and performance data from two years of field tests.</p>",
          "SD LY", avail=("collaboration", "free")),
    ),
    concept(
        "Y02A20 GI-AEP-SOL", "water health energy", (3, 6, 7),
        "<p>Solar-powered reverse osmosis units push brackish water or seawater through membranes "
        "to produce safe drinking water, with no fuel supply needed. Energy recovery devices and "
        "smart control make them practical for small communities.</p>",
        ("Energy recovery on seawater units",
         "Runs without batteries during daylight",
         "Remote monitoring of water quality"),
        v("Containerised solar seawater desalination", "alnoor", 9, "patented",
          "A 20-foot container producing up to 30 m³/day of drinking water from seawater with "
          "solar power.",
          "<p>Forty units serve islands, resorts and border posts across the Gulf and Red Sea.</p>",
          "YE DJ SO EG", avail=("sale", "distribution")),
        v("Solar desalination kiosks for island communities", "caribres", 8, "know_how",
          "Community-run kiosks that sell desalinated water by the jerrycan, powered by "
          "solar.",
          "<p>Six kiosks in Jamaica and Haiti, set up after hurricanes damaged piped "
          "supplies.</p>",
          "HT DM BS"),
        v("Brackish groundwater RO for outback communities", "southerncross", 9, "know_how",
          "Solar brackish-water RO for Aboriginal communities with high-nitrate bores.",
          "<p>Installed in eight communities in central Australia, managed with local rangers.</p>",
          "PG FJ"),
    ),
    concept(
        "Y02A20", "water health resilience", (3, 6),
        "<p>Atmospheric water generators condense water from the air. Where no clean source "
        "exists, they can provide drinking water for schools and clinics; desiccant-based designs "
        "work at lower humidity than simple condensers.</p>",
        ("Desiccant or refrigeration-based moisture capture",
         "Mineralisation and UV disinfection",
         "Solar operation in off-grid sites"),
        v("Solar desiccant water-from-air unit for clinics", "negev", 7, "patented",
          "A unit that harvests water from desert air at night and releases it using solar heat, "
          "producing 200 litres a day.",
          "<p>Deployed at clinics in the Negev and in northern Kenya with a humanitarian "
          "partner.</p>",
          "KE SO JO"),
        v("Water-from-air for coastal desert schools", "atlas", 6, "pending",
          "A condensing unit tuned for the humid nights of the Atlantic desert coast.",
          "<p>Prototype at a school near Sidi Ifni, supplying drinking water for 300 pupils.</p>",
          "MR EH"),
        v("Low-cost atmospheric water harvester from MOF coatings", "deccan", 3, "pending",
          "A metal–organic framework coating that absorbs water vapour at 20 % humidity.",
          "<p>Laboratory stage; the university seeks partners to test it in Rajasthan.</p>",
          "", avail=("collaboration",)),
    ),
    concept(
        "Y02A20", "water resilience livelihoods", (6, 13, 15),
        "<p>Fog collectors are fine mesh nets that catch droplets from fog and drain them into "
        "tanks. On coastal mountains with frequent fog they supply drinking and irrigation water "
        "with no energy at all.</p>",
        ("Double-layer mesh with high capture efficiency",
         "Frames resistant to strong winds",
         "Community-maintained storage and distribution"),
        v("Fog collectors for Atacama coastal villages", "andes", 9, "open",
          "Large fog collectors that supply drinking water and greenhouse irrigation to coastal "
          "villages in the Atacama.",
          "<p>The university maintains 40 collectors with two fishing villages, each gathering "
          "about 200 litres a day on foggy days.</p>",
          "PE EC", avail=("free", "technical-assistance")),
        v("Fog nets for argan reforestation", "atlas", 8, "know_how",
          "Fog nets on Anti-Atlas slopes that water young argan trees and village gardens.",
          "<p>Thirty nets around Sidi Ifni support reforestation and women's cooperatives.</p>",
          "EH CV"),
        v("Fog and dew harvesting for highland schools", "bluenile", 6, "open",
          "A combined fog and dew collector tested on the Ethiopian highlands.",
          "<p>Two prototypes supply schools near Bahir Dar in the dry season.</p>",
          "ER", avail=("free",)),
    ),
    concept(
        "Y02A20", "water health resilience", (3, 6, 11),
        "<p>Rooftop rainwater harvesting with a first-flush diverter keeps the dirtiest part of "
        "each rainfall out of the tank. With good tanks and simple treatment, it gives homes and "
        "schools a reliable supply through the dry season.</p>",
        ("First-flush diverter that empties itself",
         "Ferrocement, plastic or brick tanks",
         "Household chlorination or ceramic filters"),
        v("Rainwater harvesting for saline coastal villages", "sundarbans", 9, "open",
          "Household and school rainwater systems where groundwater and ponds are too salty to "
          "drink.",
          "<p>Over 11,000 tanks installed in Satkhira and Khulna districts.</p>",
          "MM IN", avail=("free", "technical-assistance")),
        v("Ferrocement rainwater tanks built by local masons", "bluenile", 9, "open",
          "A 10 m³ ferrocement tank design taught to local masons.",
          "<p>Used by 2,000 households and 60 schools in Amhara.</p>",
          "KE UG", avail=("free",)),
        v("Hurricane-resistant rainwater systems for small islands", "caribres", 8, "know_how",
          "Anchored rainwater tanks, gutters and downpipes designed to survive category-4 "
          "hurricane winds and keep supplying water afterwards.",
          "<p>Installed in 300 homes in Jamaica and Dominica after recent hurricanes.</p>",
          "DM BS BB",
          status="submitted"),
    ),
    concept(
        "Y02A20", "water energy", (6, 9, 11),
        "<p>Water utilities lose between a quarter and half of treated water to leaks. Acoustic "
        "sensors on pipes and valves listen for the sound of escaping water and pinpoint leaks "
        "before they surface.</p>",
        ("Acoustic loggers installed on valves and hydrants",
         "Correlation of signals to locate leaks within a metre",
         "Integration with district-metered areas"),
        v("Acoustic leak detection for city water mains", "zjwater", 9, "patented",
          "Acoustic loggers and correlation software that locate leaks on mains from 50 to "
          "600 mm.",
          "<p>Deployed by utilities in six cities in Zhejiang, reducing non-revenue water by "
          "eight percentage points.</p>",
          "VN MY PK"),
        v("Leak detection as a service for small utilities", "polder", 8, "know_how",
          "Rented sensors and monthly leak reports for small water utilities.",
          "<p>Used by utilities in the Netherlands and Belgium.</p>",
          "BE RS"),
        v("Smart pressure management for water networks", "northlight", 8, "know_how",
          "Pressure valves controlled by demand forecasts to reduce leakage and bursts at "
          "night.",
          "<p>Installed in two Canadian cities, where night-time pressure reduction cut main "
          "breaks by a third.</p>",
          "US"),
    ),
    concept(
        "Y02W10 Y02A20", "water biodiversity pollution", (6, 11, 15),
        "<p>Constructed wetlands treat wastewater as it flows through gravel beds planted with "
        "reeds, where roots and microbes break down pollutants. They use no energy and little "
        "maintenance and provide habitat.</p>",
        ("Horizontal or vertical subsurface flow beds",
         "Local plant species",
         "Design tools for population size and climate"),
        v("Constructed wetlands for village wastewater", "mekong", 9, "open",
          "A wetland design for villages of 500 to 3,000 people that treats domestic wastewater "
          "before it reaches canals.",
          "<p>Built in twelve villages in the Mekong Delta with provincial authorities.</p>",
          "KH LA", avail=("free", "technical-assistance")),
        v("Wetlands for treating agricultural drainage", "niledelta", 8, "know_how",
          "Wetland cells that remove nitrate and pesticides from drainage before reuse.",
          "<p>A 5-hectare pilot treats drainage from 1,000 hectares of farmland.</p>",
          "SD"),
        v("Floating treatment wetlands for urban canals", "polder", 9, "patented",
          "Floating mats of native plants whose roots take up nutrients and trap sediment in "
          "city canals and ponds.",
          "<p>Installed in canals and harbours of Dutch and Belgian cities, where they also "
          "provide habitat for fish and birds.</p>",
          "BE DE"),
    ),
    concept(
        "Y02W10", "water energy pollution", (6, 9, 11),
        "<p>Membrane-aerated biofilm reactors deliver oxygen through gas-permeable membranes "
        "directly to a biofilm, using far less energy than bubble aeration. Packaged units treat "
        "wastewater for housing estates, hotels and villages with effluent good enough for "
        "irrigation.</p>",
        ("Oxygen transfer efficiency above 60 %",
         "Compact footprint and low noise",
         "Effluent quality suitable for reuse"),
        v("Packaged MABR plant for resorts and housing estates", "negev", 8, "patented",
          "A containerised MABR plant for 500 to 5,000 people whose effluent is reused for "
          "landscape irrigation.",
          "<p>Installed at 14 sites in Israel and Cyprus, using around a quarter of the energy "
          "of activated sludge.</p>",
          "CY GR JO"),
        v("Remote-monitored village wastewater stations", "zjwater", 9, "know_how",
          "Small biofilm treatment stations for villages, all monitored from one control "
          "centre.",
          "<p>More than 2,000 stations serve villages in Zhejiang; the institute trains county "
          "operators.</p>",
          "VN LA"),
        v("MABR modules to upgrade overloaded treatment works", "thames", 8, "patented",
          "Membrane modules dropped into existing aeration tanks to raise capacity without new "
          "concrete.",
          "<p>Listed by Thames; three UK works have gained 30 % capacity.</p>",
          "IE"),
    ),
    concept(
        "Y02W10 Y02E50 Y02C20", "waste greenhouse-gases materials", (6, 12, 13),
        "<p>Pyrolysis of sewage sludge at 500–700 °C destroys pathogens, micro-plastics and most "
        "PFAS and produces biochar, which stores carbon and can be used as a soil amendment or "
        "filter material. It replaces costly sludge transport and spreading.</p>",
        ("Drying with recovered process heat",
         "Continuous pyrolysis kilns with gas afterburning",
         "Biochar tested against soil-use standards"),
        v("Sewage sludge to biochar plant for regional works", "thames", 8, "patented",
          "A drying and pyrolysis plant that turns dewatered sludge from a population of 200,000 "
          "into biochar.",
          "<p>Listed by Thames for a Midlands water company, whose plant has cut sludge haulage "
          "by 80 %.</p>",
          "IE NL"),
        v("Biochar from municipal sludge and crop residues", "prairie", 7, "know_how",
          "A kiln that co-processes sludge with corn stover, producing biochar that qualifies for "
          "carbon removal credits.",
          "<p>A pilot with a Nebraska city's treatment plant produces 600 tonnes of biochar a "
          "year.</p>",
          "CA"),
        v("Phosphorus recovery from sludge biochar", "zjwater", 6, "pending",
          "An acid-leaching step that recovers phosphorus from sludge biochar as a fertiliser "
          "salt.",
          "<p>Tested at laboratory and pilot scale with a Hangzhou treatment plant.</p>",
          "VN"),
    ),
]
