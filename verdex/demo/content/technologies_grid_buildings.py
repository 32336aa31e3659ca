"""Demo technologies: smart grids, buildings, lighting, ICT and planning tools."""

from .schema import concept, v

CONCEPTS = [
    concept(
        "Y04S20 Y02B70 GI-ECO-MEAS", "energy livelihoods", (7, 9, 11),
        "<p>Smart meters record consumption at short intervals and talk to the utility, which "
        "makes prepaid billing, time-of-use tariffs and remote fault finding possible. They are "
        "the starting point for most demand-side programmes.</p>",
        ("Two-way communication over cellular, RF mesh or power line",
         "Prepayment with tokens or mobile money",
         "Tamper and theft detection"),
        v("Prepaid smart meter with mobile-money top-up", "hanbit", 9, "patented",
          "A split prepaid meter that customers top up from their phone, with a display unit "
          "inside the home.",
          "<p>Over 400,000 units supplied to utilities in Korea, Ghana and the Philippines.</p>",
          "GH PH KE NG", avail=("sale", "distribution")),
        v("Smart meter data platform for small utilities", "northlight", 9, "know_how",
          "A hosted platform that turns interval meter data into billing, outage maps and load "
          "forecasts for municipal utilities.",
          "<p>Used by 27 municipal and cooperative utilities in Canada and the US.</p>",
          "US"),
        v("Low-cost smart meter for rural cooperatives", "lupita", 6, "pending",
          "A meter built from commodity components with LoRa radio, for cooperatives that cannot "
          "afford commercial smart meters.",
          "<p>Its inventor has installed 150 prototypes in a Oaxaca village cooperative.</p>",
          "GT HN", avail=("licence", "collaboration"),
          status="rejected", reason=("The listing reads as a product announcement without any performance "
                  "data. Please add results from the Oaxaca pilot and say whether the "
                  "meter has been certified.")),
    ),
    concept(
        "Y04S20 GI-ECO-MEAS", "energy", (7, 11, 12),
        "<p>Non-intrusive load monitoring identifies individual appliances from a single "
        "measurement point at the meter, using the electrical signature of each device. Homes and "
        "businesses learn where their energy goes without sub-meters on every circuit.</p>",
        ("High-frequency sampling at the main panel",
         "Machine-learning disaggregation of appliance loads",
         "Advice and alerts in a simple app"),
        v("Appliance-level energy insights from one clamp sensor", "northlight", 9, "patented",
          "A clamp-on sensor and app that shows the consumption of heating, fridges and other "
          "appliances in near real time.",
          "<p>Offered through utilities as part of energy-saving programmes in Manitoba.</p>",
          "US GB"),
        v("Load disaggregation for small shops and restaurants", "rheinneckar", 6, "pending",
          "An algorithm tuned for commercial kitchens and refrigerated display cases.",
          "<p>Trialled in 60 bakeries and restaurants in Mannheim.</p>",
          "AT CH"),
    ),
    concept(
        "Y04S10 Y02E40", "energy resilience", (7, 9),
        "<p>As synchronous generators close, grids lose the inertia and voltage strength they "
        "provided. Grid-forming inverters let batteries, solar and wind plants set the voltage "
        "and frequency themselves, keeping weak and island grids stable.</p>",
        ("Virtual synchronous machine control",
         "Black-start capability",
         "Compliance testing against grid codes"),
        v("Grid-forming battery inverter for island grids", "rheinneckar", 8, "patented",
          "A 2 MVA inverter with grid-forming control that allows island grids to run with "
          "diesel generators switched off.",
          "<p>Licensed to two inverter manufacturers; operating on a Greek island.</p>",
          "GR FJ PH", avail=("licence",)),
        v("Virtual power plant for rooftop solar and home batteries", "southerncross", 9,
          "know_how",
          "Software that aggregates thousands of home batteries to provide frequency services to "
          "the grid operator.",
          "<p>Over 9,000 homes enrolled in South Australia.</p>",
          "NZ"),
        v("Grid-forming converter for wind farms", "hanbit", 6, "pending",
          "Control firmware that gives wind farm converters grid-forming capability.",
          "<p>Tested on a hardware-in-the-loop rig with a Korean utility.</p>"),
    ),
    concept(
        "Y04S50 GI-ARD-ETS", "energy livelihoods", (7, 11, 17),
        "<p>Peer-to-peer energy trading lets households and businesses with solar panels sell "
        "surplus power to neighbours, with the local network operator settling the trades. It "
        "rewards local balancing and keeps more value in the community.</p>",
        ("Metering and settlement through the distribution operator",
         "Price set by automated bidding agents",
         "Compliant with retail market rules"),
        v("Community energy trading platform for apartment blocks", "straits", 8, "know_how",
          "A platform that lets residents of public housing blocks share rooftop solar output "
          "and see their savings.",
          "<p>Listed by Straits; piloted in three Singapore estates.</p>",
          "MY TH"),
        v("Energy trading for farm cooperatives", "andes", 5, "open",
          "An open-source trading engine for rural cooperatives with shared irrigation pumps and "
          "solar.",
          "<p>Released by the university with a pilot in the Elqui valley.</p>",
          "PE BO", avail=("free",)),
    ),
    concept(
        "Y04S10 Y02E40", "energy greenhouse-gases", (7, 9),
        "<p>Dynamic line rating measures the real conditions along overhead lines, such as wind, "
        "temperature and sag, to let more power through than the conservative static rating. "
        "Grids can connect more wind and solar before building new lines.</p>",
        ("Sensors clamped to conductors, installed live",
         "Weather-based forecasting of line capacity",
         "Integration with control-room systems"),
        v("Line-mounted sag and temperature sensor", "northlight", 9, "patented",
          "A self-powered sensor that reports conductor temperature, sag and current every "
          "minute.",
          "<p>Installed on 1,400 km of lines in Canada.</p>",
          "US MX"),
        v("Wind-farm export line rating service", "steppe", 8, "know_how",
          "A rating service for long steppe export lines, where cold winds allow far higher "
          "capacity most of the year.",
          "<p>Allowed 140 MW of extra wind connection without new lines.</p>",
          "UZ MN"),
        v("Offshore cable thermal rating", "nordvind", 7, "patented",
          "Fibre-optic temperature sensing and models for offshore export cables.",
          "<p>Listed by Nordvind for partner wind farms in the North Sea.</p>",
          "GB DE"),
    ),
    concept(
        "Y04S20 Y02B70 Y02A20", "energy water", (6, 7),
        "<p>Water pumping is one of the largest flexible loads: reservoirs and tanks let pumps "
        "run when electricity is cheap or plentiful. Demand response software schedules pumps "
        "around tariffs and renewable output without risking supply.</p>",
        ("Pump scheduling with tank and reservoir limits",
         "Tariff and solar forecasts",
         "Works with existing SCADA"),
        v("Pump scheduling for irrigation districts", "niledelta", 7, "open",
          "Open software that schedules irrigation lift pumps for off-peak hours while meeting "
          "canal water levels.",
          "<p>Tested with two irrigation districts in Beheira.</p>",
          "SD TN", avail=("free", "technical-assistance")),
        v("Demand response for desalination plants", "alnoor", 8, "know_how",
          "Control that ramps reverse osmosis plants with solar output and grid signals.",
          "<p>Reduced peak demand by 18 % at a 20,000 m³/day plant.</p>",
          "SA OM"),
    ),
    concept(
        "Y04S40", "energy", (7, 9),
        "<p>Power line communication sends data over the electricity cables themselves, so "
        "meters, inverters and switches can be reached without a separate radio network. It "
        "works well underground and in dense buildings where radio struggles.</p>",
        ("Narrowband G3 or PRIME compatible modems",
         "Mesh routing over the low-voltage network",
         "Encryption for meter data"),
        v("Power line modem for meters in basements", "hanbit", 9, "patented",
          "A modem chip for smart meters installed in basements and stairwells where cellular "
          "signal is weak.",
          "<p>Supplied to meter makers in Korea and Vietnam.</p>",
          "VN ID"),
        v("Broadband power line links for substations", "rheinneckar", 6, "know_how",
          "A data link over medium-voltage cables for substation automation.",
          "<p>Trialled on 20 substations with a German network operator.</p>"),
        v("Open-source data concentrator for low-voltage grids", "deccan", 5, "open",
          "Open data concentrator software for meters and street-lighting controllers.",
          "<p>Developed with students and a state distribution company in Telangana.</p>",
          "", avail=("free",)),
    ),
    concept(
        "Y02P60 Y02P70 GI-AEP-WH", "energy greenhouse-gases materials", (2, 7, 12),
        "<p>Heat-pump dryers recover the latent heat of moisture removed from the product and "
        "reuse it to heat the drying air. They use a third to a half of the energy of fuel-fired "
        "dryers and dry at gentle temperatures that protect colour and nutrients.</p>",
        ("Closed-loop air circuit with dehumidification",
         "Drying temperatures of 35 to 70 °C",
         "Recipe control for different products"),
        v("Heat-pump dryer for seaweed and fish", "kansai", 9, "patented",
          "An industrial heat-pump dryer for seafood processors that recovers heat and avoids "
          "smoke and odour.",
          "<p>Used by fisheries cooperatives in Hokkaido and Kyushu.</p>",
          "KR ID PH", avail=("sale", "licence")),
        v("Solar-assisted heat-pump dryer for fruit", "mekong", 7, "pending",
          "A dryer for mango, dragon fruit and jackfruit that preheats air with solar collectors.",
          "<p>Two units run at cooperatives in Tiền Giang.</p>",
          "KH TH"),
        v("Heat-pump kiln for timber drying", "aotearoa", 8, "know_how",
          "A heat-pump timber kiln that dries radiata pine with less energy and fewer defects.",
          "<p>Installed at three sawmills in the central North Island, using a third of the "
          "energy of steam kilns.</p>",
          "AU CL"),
    ),
    concept(
        "Y02B30 GI-ECO-TST", "energy greenhouse-gases pollution", (7, 11, 13),
        "<p>Heat pumps move heat from outside air into buildings, giving three to four units of "
        "heat per unit of electricity. Natural refrigerants such as propane and CO2 avoid the "
        "high global warming potential of common synthetic refrigerants.</p>",
        ("Propane or CO2 refrigerant circuit",
         "Hot water up to 70 °C for existing radiators",
         "Smart control for time-of-use tariffs"),
        v("CO2 heat pump water heater for apartments", "kansai", 9, "patented",
          "A CO2 heat pump producing hot water at 90 °C for apartment buildings and hotels.",
          "<p>Hundreds of thousands sold in Japan; available for licence abroad.</p>",
          "CN KR", avail=("licence", "sale")),
        v("Propane heat pump for terraced houses", "polder", 8, "know_how",
          "A compact propane heat pump that replaces gas boilers in Dutch terraced houses with "
          "minimal work.",
          "<p>Installed in 2,500 homes by housing associations.</p>",
          "BE DE"),
        v("Heat pump and thermal battery package", "hanbit", 7, "pending",
          "A heat pump paired with a phase-change store that shifts heating to cheap hours.",
          "<p>Piloted in 60 apartments in Daejeon, where it moved most heating to off-peak "
          "tariff hours.</p>",
          "JP"),
    ),
    concept(
        "Y02B80 Y02A30", "energy resilience health", (3, 11, 13),
        "<p>Radiative cooling surfaces reflect nearly all sunlight and emit heat to the sky "
        "through "
        "the atmospheric window, staying cooler than the air even at midday. On roofs they cut "
        "indoor temperatures and air-conditioning loads.</p>",
        ("Paint or film applied to existing roofs",
         "High solar reflectance and thermal emittance",
         "Weathering and dirt resistance"),
        v("Radiative cooling roof paint", "deccan", 6, "patented",
          "A paint with 96 % solar reflectance that keeps roofs below air temperature.",
          "<p>Applied to 40 homes in Hyderabad slums, cutting indoor peak temperatures by 3 "
          "°C.</p>",
          "BD PK"),
        v("Radiative cooling film for warehouses", "alnoor", 8, "know_how",
          "A polymer film that lowers warehouse roof temperatures by 20 °C.",
          "<p>Installed on logistics centres in Dubai and Abu Dhabi.</p>",
          "SA QA"),
        v("Reflective coating for tin-roof homes", "negev", 7, "pending",
          "A low-cost white coating for corrugated metal roofs that households can apply with "
          "a brush.",
          "<p>Tested in the Negev and in refugee settlements in Jordan.</p>",
          "JO KE"),
    ),
    concept(
        "Y02B80 GI-ECO-TST GI-ECO-INS", "energy materials", (7, 9, 11),
        "<p>Phase-change materials store heat when they melt and release it when they "
        "solidify. Built into walls and ceilings they flatten indoor temperature peaks and let "
        "buildings coast through hot afternoons with less cooling.</p>",
        ("Bio-based or salt-hydrate materials",
         "Encapsulated in plaster, boards or ceiling tiles",
         "Melting point chosen for the local climate"),
        v("Ceiling tiles with bio-based phase change material", "siam", 7, "pending",
          "Ceiling tiles filled with a coconut-oil-derived PCM that absorbs afternoon heat in "
          "classrooms without air conditioning.",
          "<p>Installed in ten classrooms in Khon Kaen, where peak temperatures fell by "
          "about 2 °C.</p>",
          "VN MY"),
        v("PCM-enhanced plaster for concrete homes", "anadolu", 7, "patented",
          "A gypsum plaster with micro-encapsulated PCM that turns ordinary walls into "
          "thermal storage during renovation.",
          "<p>Developed with a Turkish building materials company and tested in apartments in "
          "Ankara and Antalya.</p>",
          "AZ GE"),
        v("Thermal mass panels for prefabricated schools", "atlas", 6, "know_how",
          "Prefabricated wall panels with a salt-hydrate PCM layer for schools in hot desert "
          "regions.",
          "<p>A prototype classroom near Ouarzazate stays below 30 °C in May without "
          "mechanical cooling.</p>",
          "MR DZ"),
    ),
    concept(
        "Y02B80 Y02W90 GI-ECO-INS", "energy materials greenhouse-gases", (9, 11, 12),
        "<p>Bio-based insulation made from wood fibre, straw, hemp or sheep's wool stores carbon "
        "and insulates as well as mineral wool, while regulating humidity. Local supply chains "
        "can turn agricultural and forestry residues into building materials.</p>",
        ("Thermal conductivity of 0.038–0.045 W/mK",
         "Vapour-open, buffering indoor humidity",
         "Fire and pest resistance treatments"),
        v("Wood-fibre insulation boards from sawmill residues", "kuusi", 9, "know_how",
          "Rigid and flexible insulation boards made from sawmill chips with a wet process "
          "that needs no added glue.",
          "<p>Produced at a partner mill in North Karelia and used in Kuusi's timber "
          "buildings.</p>",
          "SE EE"),
        v("Prefabricated straw panels for low-rise housing", "agrisol", 7, "pending",
          "Timber-framed wall panels filled with compressed wheat straw from local farms.",
          "<p>Used in a 24-home social housing scheme in Murcia, whose homes need almost no "
          "heating.</p>",
          "PT FR"),
        v("Hemp-lime blocks for retrofitting solid walls", "thames", 8, "know_how",
          "Blocks of hemp shiv and lime for insulating solid-wall terraced houses from the "
          "inside without trapping moisture.",
          "<p>Listed by Thames for a Yorkshire maker supplying social landlords.</p>",
          "IE"),
    ),
    concept(
        "Y02B20 GI-ECO-LIGHT", "energy greenhouse-gases", (7, 11),
        "<p>LED street lighting uses half the energy of sodium lamps; adaptive controls dim "
        "lights when streets are empty and report failures automatically, roughly doubling the "
        "savings while keeping streets safe.</p>",
        ("Luminaires with replaceable LED modules",
         "Motion-based dimming and schedules",
         "Central management system with fault alerts"),
        v("Adaptive LED street lighting with radar sensors", "hanbit", 9, "patented",
          "Luminaires with radar sensors that brighten ahead of pedestrians and vehicles and "
          "dim to 30 % on empty streets.",
          "<p>Installed on 30,000 street lights in Korean cities, saving 65 % of lighting "
          "energy compared with sodium lamps.</p>",
          "VN MN"),
        v("Solar street lights for rural roads", "sahel", 9, "open",
          "Solar street lights with lithium batteries, built and maintained by trained local "
          "technicians.",
          "<p>Installed along 200 km of village roads in Senegal, where they made evening "
          "markets and school journeys safer.</p>",
          "ML BF", avail=("free", "technical-assistance")),
        v("Street lighting retrofit under energy-saving contracts", "prakriti", 8, "know_how",
          "A service that retrofits municipal street lights to LED and is paid from the "
          "electricity saved.",
          "<p>Covers 120,000 lights in Karnataka towns, with faults reported by residents "
          "through a phone line.</p>",
          "LK"),
    ),
    concept(
        "Y02B20 GI-ECO-LIGHT", "energy health", (7, 11),
        "<p>Tubular daylight devices carry sunlight through a reflective tube from the roof to "
        "rooms below, giving glare-free light to corridors, classrooms and workshops without "
        "electricity during the day.</p>",
        ("Dome collector and highly reflective tube",
         "Diffuser at ceiling level",
         "Optional LED for night use"),
        v("Prismatic daylight tubes for factory halls", "negev", 8, "patented",
          "Daylight tubes with prismatic domes that capture low-angle morning and evening sun and "
          "light production floors without glare.",
          "<p>Installed in 35 Israeli factories and warehouses, where they replaced on average "
          "70 % of daytime lighting energy.</p>",
          "CY GR JO"),
        v("Daylight tubes for classrooms in hot climates", "southerncross", 9, "know_how",
          "Insulated daylight tubes with a heat-blocking dome that bring natural light into "
          "classrooms without adding heat.",
          "<p>Southern Cross has fitted them in 60 schools in South Australia and the Northern "
          "Territory as part of cooling upgrades.</p>",
          "NZ FJ"),
        v("Bottle skylights for homes without electricity", "lupita", 9, "open",
          "A skylight made from a water-filled plastic bottle and a sealed metal collar that "
          "lights a room as brightly as a 50 W bulb on sunny days.",
          "<p>Its inventor has taught community groups in Oaxaca to install them; hundreds of "
          "homes use them, and the instructions are free.</p>",
          "GT HN", avail=("free",)),
    ),
]
