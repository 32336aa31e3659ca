"""Demo technologies: heavy industry, chemicals, carbon capture and transport."""

from .schema import concept, v

CONCEPTS = [
    concept(
        "Y02P40", "greenhouse-gases materials energy", (9, 12, 13),
        "<p>Cement clinker is responsible for most of the CO2 from cement. Limestone calcined "
        "clay cement (LC3) and similar blends replace up to half of the clinker with calcined "
        "clay and ground limestone, cutting emissions by about 40 % with the same strength.</p>",
        ("Uses abundant kaolinitic clays, including mine waste",
         "Calcination at 750–850 °C, far below clinker temperatures",
         "Meets common structural cement standards"),
        v("Limestone calcined clay cement for ready-mix concrete", "anadolu", 9, "know_how",
          "An LC3 blend produced at an Anatolian plant and supplied to ready-mix concrete "
          "producers, with 40 % less CO2 per tonne.",
          "<p>More than 300,000 tonnes sold since 2022, used in housing and a motorway "
          "viaduct.</p>",
          "AZ GE EG", avail=("technical-assistance", "joint-venture")),
        v("Flash calciner for clay in existing cement plants", "anadolu", 7, "patented",
          "A compact flash calciner that fits beside an existing kiln line and calcines clay "
          "using kiln exhaust heat.",
          "<p>A 500 tonne-per-day unit is commissioning at the group's plant near Ankara.</p>",
          "PK IN", avail=("licence", "joint-venture")),
        v("Low-clinker masonry cement from brick-kiln waste", "deccan", 6, "pending",
          "A cement blend that uses crushed rejected bricks as the calcined clay component.",
          "<p>Tested by the civil engineering department with a Hyderabad brick cluster; the "
          "blocks meet Indian masonry standards.</p>",
          "BD NP"),
    ),
    concept(
        "Y02P10", "greenhouse-gases pollution", (9, 12, 13),
        "<p>Hydrogen direct reduction replaces coke with hydrogen to remove oxygen from iron ore, "
        "so the by-product is water instead of CO2. With an electric arc furnace and renewable "
        "power, steel emissions can fall by over 90 %.</p>",
        ("Shaft furnace designed for hydrogen-rich gas",
         "Electrolyser integration and hydrogen storage",
         "Suitable for pellet-grade ores"),
        v("Hydrogen shaft furnace for direct reduced iron", "botnia", 8, "patented",
          "A direct-reduction shaft furnace running on 100 % hydrogen, producing sponge iron for "
          "electric arc furnaces.",
          "<p>A 1 Mt/year line is being built at Luleå after a pilot ran since 2021.</p>",
          "FI NO DE", avail=("licence", "joint-venture")),
        v("Hydrogen-ready pelletising of magnetite ore", "botnia", 7, "know_how",
          "A pelletising process that replaces fuel oil in induration furnaces with hydrogen "
          "burners.",
          "<p>Pilot burners have run in a Norrbotten pellet plant.</p>",
          "AU CA"),
        v("Direct reduction using steppe wind power", "steppe", 5, "open",
          "A feasibility model pairing large wind farms with green iron production in central "
          "Kazakhstan.",
          "<p>Published with a national research centre; seeking steel partners.</p>",
          "UZ", avail=("collaboration",)),
    ),
    concept(
        "Y02P10 Y02W30", "energy greenhouse-gases materials", (9, 12),
        "<p>Electric arc furnaces melt scrap steel with electricity. Sensors and optimisation "
        "software that adjust power, chemical energy and scrap mix for each heat cut "
        "electricity use and raise the share of scrap that can be used.</p>",
        ("Off-gas analysis and camera monitoring",
         "Machine learning on historical heats",
         "Scrap classification by sensors"),
        v("AI-assisted arc furnace control", "botnia", 8, "know_how",
          "Control software that tunes power input and oxygen injection to save 5 % of "
          "electricity per tonne.",
          "<p>Running on two arc furnaces in Sweden.</p>",
          "FI TR"),
        v("Scrap sorting by laser spectroscopy", "xinneng", 7, "pending",
          "A sorting line that uses laser spectroscopy to separate copper-contaminated pieces "
          "from steel scrap.",
          "<p>A pilot line in Guangdong processes 10 tonnes an hour, helping mills take higher "
          "proportions of recycled steel.</p>",
          "VN TH"),
        v("Foamy-slag optimisation for electric furnaces", "kansai", 8, "patented",
          "Carbon and oxygen injection control that keeps foamy slag covering the arc.",
          "<p>Licensed by Kansai's industrial division to two Japanese mini-mills.</p>",
          "KR"),
    ),
    concept(
        "Y02P40 Y02C20", "greenhouse-gases materials", (9, 12, 13),
        "<p>CO2 can be injected into fresh concrete, where it reacts with calcium to form "
        "limestone. This permanently stores the CO2 and increases strength, allowing less cement "
        "per cubic metre.</p>",
        ("Retrofit to ready-mix and precast plants",
         "CO2 supplied from industrial sources",
         "Measured strength gain"),
        v("CO2 injection for ready-mix concrete", "prairie", 9, "patented",
          "A dosing system that injects captured CO2 into ready-mix trucks.",
          "<p>Installed at 30 plants in the Midwest, saving 4 % of cement per cubic metre.</p>",
          "CA MX"),
        v("Carbonation curing of concrete blocks", "anadolu", 8, "patented",
          "A curing chamber that hardens blocks with CO2 from kiln exhaust instead of steam.",
          "<p>A pilot at a block plant near Ankara stores 20 kg of CO2 per tonne of blocks.</p>",
          "AZ"),
        v("Recycled aggregate carbonation", "thames", 7, "pending",
          "A process that carbonates crushed concrete to improve recycled aggregates.",
          "<p>Listed by Thames for a London demolition contractor.</p>",
          "IE NL"),
    ),
    concept(
        "Y02C20", "greenhouse-gases", (9, 13),
        "<p>Direct air capture removes CO2 from ambient air with sorbents that are regenerated "
        "with heat, producing a concentrated CO2 stream for permanent storage or use. It is "
        "expensive today, so cheap heat and low-cost sorbents are the focus of development.</p>",
        ("Solid amine sorbents regenerated at 80–100 °C",
         "Modular contactors that can be stacked",
         "Geological storage or mineralisation partners"),
        v("Modular direct air capture with geological storage", "prairie", 7, "patented",
          "Container-sized contactors that capture 500 tonnes of CO2 a year each, coupled with "
          "saline-aquifer storage.",
          "<p>A ten-module plant runs in Nebraska using waste heat from an ethanol plant.</p>",
          "CA", avail=("joint-venture",)),
        v("Passive air capture with mineral sorbents", "prairie", 4, "pending",
          "A low-energy process using calcium oxide trays that absorb CO2 from air "
          "passively.",
          "<p>Laboratory and small field tests; seeking partners with limestone and "
          "storage.</p>",
          "", avail=("collaboration",),
          status="rejected", reason=("Please explain how the captured CO2 is measured and where it is "
                  "stored; claims of permanent removal need a described method.")),
        v("Solar-heated direct air capture in the desert", "alnoor", 5, "pending",
          "A DAC design that uses solar thermal heat to regenerate sorbents.",
          "<p>A 100 tonne/year pilot in Abu Dhabi, near CO2 storage sites.</p>",
          "SA OM"),
    ),
    concept(
        "Y02C20 Y02W30 GI-AEP-WTE", "greenhouse-gases waste energy", (11, 12, 13),
        "<p>Landfills release methane as organic waste decomposes. Gas collection wells and "
        "engines or flares capture this methane, cutting emissions and producing electricity "
        "from a site that already exists.</p>",
        ("Vertical and horizontal collection wells",
         "Gas engines or enclosed flares",
         "Monitoring of surface emissions"),
        v("Landfill gas to power for mid-sized cities", "pampa", 9, "know_how",
          "Collection, engines and operation for landfills of 500 to 2,000 tonnes a day.",
          "<p>Three sites in Argentina generate 12 MW.</p>",
          "UY PY"),
        v("Drone methane surveys of landfills", "thames", 8, "know_how",
          "Drone-mounted laser surveys that find methane leaks on landfill surfaces.",
          "<p>Listed by Thames; used by UK waste companies.</p>",
          "IE"),
        v("Solar-powered flare for small dumpsites", "siam", 7, "pending",
          "A low-flow flare with solar ignition for dumpsites too small for engines.",
          "<p>Piloted at two municipal dumpsites in Isan.</p>",
          "LA KH"),
    ),
    concept(
        "Y02C20 Y02E40", "greenhouse-gases", (9, 13),
        "<p>Sulphur hexafluoride (SF6), used to insulate electrical switchgear, is the "
        "strongest greenhouse gas known, 24,000 times more potent than CO2. Alternatives use "
        "vacuum interrupters, clean dry air or low-GWP gas mixtures and now cover most "
        "medium-voltage applications.</p>",
        ("Vacuum interrupters and dry-air insulation",
         "Same footprint as SF6 switchgear",
         "Gas handling and recovery for retired equipment"),
        v("SF6-free ring main unit for distribution grids", "rheinneckar", 8, "patented",
          "A 24 kV ring main unit with vacuum switching and dry-air insulation that fits the "
          "footprint of existing SF6 units.",
          "<p>Listed by the institute on behalf of its industry partner; 600 units are in "
          "service with German distribution operators.</p>",
          "PL AT CZ"),
        v("SF6 recovery and recycling for retired switchgear", "kansai", 9, "know_how",
          "A service that recovers, cleans and reuses SF6 from switchgear at the end of its "
          "life, with a certificate for every cylinder.",
          "<p>Operated by Kansai's service division for three Japanese utilities.</p>",
          "KR TW"),
        v("Dry-air gas-insulated switchgear for 36 kV", "hanbit", 7, "pending",
          "Compact gas-insulated switchgear that uses dried air instead of SF6 for wind farm "
          "and industrial substations.",
          "<p>Type tests are under way with a Korean network operator.</p>",
          "VN PH"),
    ),
    concept(
        "Y02P80", "energy greenhouse-gases", (7, 9, 12),
        "<p>Industrial heat pumps can now supply steam up to 150–200 °C, covering much of the "
        "process heat needed by food, paper and chemical plants. Driven by renewable "
        "electricity and fed with waste heat, they replace gas boilers with three times the "
        "efficiency.</p>",
        ("Steam output up to 150–200 °C",
         "Uses waste heat from cooling water or exhaust air",
         "Natural refrigerants"),
        v("High-temperature steam heat pump for food factories", "kansai", 9, "patented",
          "A heat pump producing 165 °C steam from 60 °C wastewater in food and beverage "
          "plants.",
          "<p>Running in twelve Japanese factories, including a soy sauce brewery that "
          "replaced its oil boiler.</p>",
          "KR TH"),
        v("Heat pump recovering heat from pulp drying hoods", "botnia", 7, "know_how",
          "A heat pump that recovers humid exhaust heat from pulp and paper drying hoods and "
          "returns it as process steam.",
          "<p>Tested with a pulp mill near Luleå, where it covers a fifth of drying steam.</p>",
          "FI"),
        v("Heat pumps with aquifer storage for greenhouses", "polder", 9, "know_how",
          "Heat pumps that store summer surplus heat from greenhouses in aquifers and use it "
          "in winter.",
          "<p>Used by greenhouse growers in the Westland, cutting gas use by up to 70 %.</p>",
          "BE ES"),
    ),
    concept(
        "Y02P20 Y02E60", "greenhouse-gases pollution", (2, 7, 13),
        "<p>Most ammonia, the basis of nitrogen fertiliser and mining explosives, is made from "
        "natural gas. Small electrolytic ammonia plants driven by solar or wind can make it "
        "close to where it is used, avoiding both emissions and long supply chains.</p>",
        ("Containerised plants of 1–20 tonnes per day",
         "Operates flexibly with variable renewables",
         "Produces ammonia or ammonium nitrate"),
        v("Solar green ammonia for mining explosives", "andes", 6, "patented",
          "A small plant that turns solar power, air and desalinated water into ammonia for "
          "the ammonium nitrate used in mining.",
          "<p>Designed with a mining company near Antofagasta; a 5 tonne-per-day "
          "demonstration is in engineering.</p>",
          "PE AU", avail=("licence", "joint-venture")),
        v("Village-scale green fertiliser from wind", "niledelta", 4, "open",
          "A feasibility design for fertiliser plants serving irrigation districts, using "
          "wind power from the Gulf of Suez.",
          "<p>Studies are shared with the Ministry of Agriculture and farmer unions.</p>",
          "SD", avail=("collaboration", "free")),
        v("Distributed green ammonia for dairy regions", "aotearoa", 5, "pending",
          "Small ammonia plants that supply nitrogen fertiliser to a region's dairy farms "
          "from local wind and hydro power.",
          "<p>A 1 tonne-per-day pilot is being designed with a farmer-owned cooperative.</p>",
          "AU"),
    ),
    concept(
        "Y02P20 Y02W90", "greenhouse-gases pollution materials", (9, 12),
        "<p>Bio-based chemicals made from sugars, starch and crop residues can replace fossil "
        "solvents and intermediates in paints, cleaning products and plastics, often with lower "
        "toxicity and a smaller carbon footprint.</p>",
        ("Fermentation or catalytic conversion of residues",
         "Drop-in replacements for existing chemicals",
         "Life-cycle assessment data for customers"),
        v("Bio-based ethyl lactate solvent from cassava", "siam", 8, "patented",
          "A biodegradable solvent made from cassava sugar that replaces toxic solvents in "
          "industrial cleaning, inks and coatings.",
          "<p>Produced at 3,000 tonnes a year in Khon Kaen and sold to printers and electronics "
          "manufacturers in Thailand and Vietnam.</p>",
          "VN MY"),
        v("Furfural chemicals from sugar cane bagasse", "cerrado", 7, "pending",
          "A continuous process that turns bagasse hemicellulose into furfural, a building block "
          "for resins and solvents.",
          "<p>A pilot reactor runs at a sugar mill in Goiás, using steam the mill already "
          "produces.</p>",
          "AR CO"),
        v("Rapeseed-based surfactants for detergents", "thames", 8, "know_how",
          "Mild surfactants made from rapeseed oil for household and industrial detergents.",
          "<p>Listed by Thames for a Norfolk company that buys oil from local farms and supplies "
          "three detergent brands.</p>",
          "IE FR"),
    ),
    concept(
        "Y02P70", "water pollution energy", (6, 9, 12),
        "<p>Textile dyeing uses enormous quantities of water, heat and chemicals. Waterless and "
        "low-liquor dyeing methods, such as supercritical CO2 dyeing and foam dyeing, reduce "
        "water use by up to 90 % and shrink the effluent that reaches rivers.</p>",
        ("Supercritical CO2 or foam-based dye application",
         "Dye and CO2 recovery and reuse",
         "Compatible with existing finishing lines"),
        v("Foam dyeing of cotton yarn", "deccan", 6, "pending",
          "A process that applies reactive dyes to cotton yarn as a foam, using a tenth of the "
          "water of conventional package dyeing.",
          "<p>Trials with two mills in Tiruppur matched colour-fastness standards for export "
          "knitwear.</p>",
          "BD PK LK"),
        v("Supercritical CO2 dyeing line for polyester", "siam", 8, "patented",
          "A dyeing machine that uses pressurised CO2 instead of water, recovering over 95 % of "
          "the CO2 after each batch.",
          "<p>A commercial line near Bangkok dyes sportswear fabric for export brands without "
          "any wastewater.</p>",
          "VN KH",
          status="unpublished", reason=("Unpublished while the owner confirms the licensing terms; resubmit "
                  "once the listing is updated.")),
        v("Fermentation-made indigo for denim", "thames", 5, "pending",
          "Indigo dye produced by engineered microbes, replacing the aniline-based synthesis of "
          "conventional indigo.",
          "<p>Listed by Thames for a Cambridge start-up seeking denim mills for trials.</p>",
          "BD TR", avail=("collaboration",)),
    ),
    concept(
        "Y02P80 Y02P90", "energy greenhouse-gases", (7, 9),
        "<p>Compressed air and electric motors consume around two-thirds of industrial "
        "electricity, and much of it is wasted through leaks, oversized motors and valves that "
        "throttle fans and pumps. Finding leaks, fitting variable speed drives and replacing old "
        "motors typically save 20–30 %.</p>",
        ("Ultrasonic leak detection while the plant runs",
         "Variable speed drives for fans, pumps and compressors",
         "Measured savings before and after"),
        v("Acoustic camera for compressed-air leaks", "rheinneckar", 9, "know_how",
          "A handheld camera with 64 microphones that shows leaks as coloured spots on a live "
          "image, even in noisy factory halls.",
          "<p>Listed by the institute for its spin-off; used in over 400 German factories, where "
          "a typical survey finds leaks worth 15 % of compressor power.</p>",
          "AT PL CZ"),
        v("Motor system audits for small manufacturers", "hanbit", 8, "know_how",
          "Clamp-on loggers and a one-week audit that size each motor, pump and fan against "
          "its real load and rank replacements by payback.",
          "<p>Delivered to 300 small manufacturers in Korea under a government efficiency "
          "programme.</p>",
          "VN MN"),
        v("Variable speed drives for cement mill fans", "anadolu", 9, "know_how",
          "Drive retrofits for kiln and mill fans that replace damper control.",
          "<p>Installed at four Turkish plants by the group's engineering team, saving around "
          "6 kWh per tonne of cement.</p>",
          "EG AZ"),
    ),
    concept(
        "Y02P90", "energy greenhouse-gases", (9, 12),
        "<p>A digital twin is a live model of a plant fed by its own sensor data. Used for energy, "
        "it shows where heat, steam and electricity are lost and lets engineers test schedule and "
        "set-point changes on the model before touching the real process.</p>",
        ("Connects to historians, meters and process control",
         "Physics-based models calibrated with live data",
         "What-if analysis of schedules and set points"),
        v("Energy digital twin for electronics factories", "straits", 8, "know_how",
          "A twin of clean-room air handling, chillers and production lines that finds savings "
          "in semiconductor and electronics plants.",
          "<p>Listed by Straits for a Singapore software company; a wafer-test plant cut "
          "electricity use by 9 % in its first year.</p>",
          "MY VN TH"),
        v("Steam network twin for chemical parks", "rheinneckar", 7, "know_how",
          "A model of the shared steam and condensate network of a chemical park that balances "
          "boilers, waste-heat boilers and consumers.",
          "<p>Developed with operators of a chemical park on the Rhine; it is offered to other "
          "multi-company industrial sites.</p>",
          "NL BE"),
        v("Production scheduling around electricity prices", "kansai", 8, "patented",
          "A scheduler that moves energy-intensive production steps to hours of low prices and "
          "high renewable supply without missing delivery dates.",
          "<p>Used in Kansai's own compressor factories and licensed to two Japanese food "
          "manufacturers.</p>",
          "KR TW"),
    ),
]
