"""Demo technologies: building controls, lifts, ICT efficiency and planning tools."""

from .schema import concept, v

CONCEPTS = [
    concept(
        "Y02B70 Y04S20", "energy greenhouse-gases", (7, 11, 12),
        "<p>Building energy management systems read meters, room sensors and weather forecasts "
        "and adjust heating, cooling and ventilation automatically. In offices, schools and "
        "hotels they typically save 15–30 % of energy with no change in comfort.</p>",
        ("Connects to existing BACnet or Modbus equipment",
         "Occupancy-based setpoints and ventilation",
         "Monthly savings reports for facility managers"),
        v("Cloud energy management for school districts", "northlight", 9, "know_how",
          "A subscription service that tunes heating schedules in hundreds of schools at once "
          "and flags faulty valves and sensors.",
          "<p>Manitoba school divisions using it cut gas consumption by 19 % in the first "
          "winter, with a payback under two years.</p>",
          "US"),
        v("Smart thermostats for social housing", "polder", 8, "know_how",
          "Thermostats and radiator valves that learn tenants' routines and let housing "
          "associations spot damp and fuel poverty early.",
          "<p>Rolled out in 4,000 homes of two Dutch housing associations, with tenants keeping "
          "full manual control.</p>",
          "BE GB"),
        v("Chiller plant optimisation for tropical buildings", "straits", 9, "patented",
          "Software that sequences chillers, pumps and cooling towers in large air-conditioned "
          "buildings for the lowest kilowatts per tonne of cooling.",
          "<p>Listed by Straits for a Singapore developer; installed in 70 commercial buildings "
          "across South-East Asia.</p>",
          "MY TH ID PH"),
    ),
    concept(
        "Y02B50", "energy", (7, 9, 11),
        "<p>Lifts account for 5–10 % of the electricity of tall buildings. Regenerative drives "
        "return the energy of a descending full car or an ascending empty one to the building, "
        "and standby modes switch off lights and fans in idle cars.</p>",
        ("Regenerative variable-speed drive",
         "Destination dispatch to reduce trips",
         "Retrofit to existing lifts without replacing the car"),
        v("Regenerative drive retrofit for older lifts", "kansai", 9, "patented",
          "A drive replacement kit that makes 20- to 30-year-old traction lifts regenerative and "
          "cuts their electricity use by up to 40 %.",
          "<p>Fitted to 3,500 lifts in Osaka and Kobe apartment blocks during routine "
          "modernisation.</p>",
          "KR TW SG"),
        v("Energy-saving escalator controller for metro stations", "anadolu", 7, "pending",
          "A controller that slows escalators to a crawl when nobody is on them and brings them "
          "to full speed as passengers approach.",
          "<p>Piloted on 24 escalators in an Ankara metro line by the group's engineering "
          "division.</p>",
          "AZ"),
        v("Lift energy monitoring service", "hanbit", 8, "know_how",
          "Sensors and software that measure the energy use of each lift and recommend "
          "dispatch settings for quieter periods.",
          "<p>Used by building managers in Daejeon and Sejong; it also predicts door and brake "
          "faults before they stop a car.</p>",
          "JP"),
    ),
    concept(
        "Y02D10 GI-AEP-WH", "energy water greenhouse-gases", (7, 9, 12),
        "<p>Immersion cooling places servers in a non-conductive liquid that carries heat away "
        "far better than air. Data centres save most of the fan and chiller energy, use no water "
        "for evaporative cooling and can reuse the heat at 50–60 °C.</p>",
        ("Single-phase dielectric fluid in open tanks",
         "Dry coolers instead of evaporative towers",
         "Heat export to district heating or greenhouses"),
        v("Immersion-cooled data halls for the tropics", "straits", 8, "patented",
          "Immersion tanks and dry coolers designed for 32 °C ambient air and high humidity, "
          "reaching a power usage effectiveness of 1.05.",
          "<p>Listed by Straits; a 2 MW hall in Singapore has run since 2022 without any water "
          "for cooling.</p>",
          "MY ID TH VN"),
        v("Data centre heat recovery for district heating", "kuusi", 8, "know_how",
          "Heat pumps that lift immersion-cooling heat to district-heating temperature, sold as "
          "a package to municipal utilities.",
          "<p>A 1 MW pilot in Joensuu supplies about 600 apartments with heat from a regional "
          "data centre.</p>",
          "SE NO DK"),
        v("Immersion-cooled edge servers for telecom cabinets", "northlight", 6, "pending",
          "Sealed immersion enclosures for roadside telecom and edge computing cabinets.",
          "<p>Prototypes withstand prairie summers and winters from −40 to 35 °C without "
          "compressors or filters that need changing.</p>",
          "US"),
    ),
    concept(
        "Y02D30", "energy greenhouse-gases", (7, 9),
        "<p>Mobile networks use most of their energy in radio equipment that stays on at night "
        "when traffic is low. Software that puts carriers and antennas to sleep, and wakes them "
        "in milliseconds, saves energy without users noticing.</p>",
        ("Traffic prediction per cell and hour",
         "Carrier, channel and symbol shutdown",
         "Works with equipment from several vendors"),
        v("AI-driven sleep modes for 4G and 5G base stations", "hanbit", 9, "patented",
          "Software that predicts traffic per cell and switches off capacity layers at quiet "
          "times, saving 15–25 % of radio energy.",
          "<p>Running across 18,000 cells of a Korean operator.</p>",
          "PH VN ID"),
        v("Solar-aware base station power management", "deccan", 6, "pending",
          "A controller for off-grid towers that matches radio capacity to the state of charge "
          "of solar batteries, avoiding diesel top-ups.",
          "<p>Trialled with an Indian tower company on 50 rural sites in Telangana.</p>",
          "BD NP LK"),
        v("Energy benchmarking for network operators", "straits", 8, "know_how",
          "A benchmarking service that compares the energy per gigabyte of cells, sites and "
          "regions and ranks savings projects.",
          "<p>Listed by Straits for a Singapore analytics firm working with four Asian "
          "operators.</p>",
          "MY KH"),
    ),
    concept(
        "Y02D30 Y02A90", "energy resilience biodiversity", (9, 13, 15),
        "<p>Low-power wide-area radio networks such as LoRaWAN let battery-powered sensors send "
        "small readings over many kilometres for years on one battery. They make it affordable to "
        "monitor soils, rivers and forests where there is no mains power or mobile coverage.</p>",
        ("Sensors running five to ten years on one battery",
         "Solar-powered gateways with satellite backhaul",
         "Open data formats and dashboards"),
        v("LoRaWAN fire-weather sensors for boreal forests", "kuusi", 8, "patented",
          "A network of air-humidity, fuel-moisture and smoke sensors that gives early warning of "
          "forest fires.",
          "<p>Two hundred sensors cover 50,000 hectares in North Karelia, reporting every ten "
          "minutes in the fire season.</p>",
          "SE CA"),
        v("Soil moisture sensor network for smallholders", "sunfield", 8, "know_how",
          "Low-cost soil moisture probes that send readings to farmers' phones and tell them when "
          "to switch on their solar pumps.",
          "<p>Used by 1,500 farmers in Nakuru and Laikipia together with Sunfield's irrigation "
          "kits.</p>",
          "TZ UG",
          status="draft"),
        v("Salinity sensors for Mekong Delta canals", "mekong", 7, "open",
          "Conductivity sensors on canal gates that warn farmers and water managers when "
          "saltwater intrudes.",
          "<p>Forty sensors along the Hàm Luông river feed an SMS alert service used by 20,000 "
          "households.</p>",
          "KH BD", avail=("free", "technical-assistance")),
    ),
    concept(
        "Y02D10 GI-ARD-COM", "energy greenhouse-gases", (9, 12, 13),
        "<p>The carbon intensity of grid electricity changes hour by hour and place by place. "
        "Carbon-aware software shifts flexible computing jobs, such as batch processing and model "
        "training, to times and regions where power is cleanest.</p>",
        ("Grid carbon intensity forecasts",
         "Job scheduler plug-ins for common cloud platforms",
         "Reporting of avoided emissions"),
        v("Carbon-aware batch scheduler for cloud workloads", "thames", 8, "open",
          "An open-source scheduler plug-in that delays flexible jobs to low-carbon hours, "
          "listed by Thames for a London university spin-out.",
          "<p>Reduced the emissions of nightly data processing at two UK councils by about a "
          "third with no missed deadlines.</p>",
          "IE NL", avail=("free", "technical-assistance")),
        v("Carbon-aware charging of company laptops and phones", "straits", 7, "know_how",
          "An agent for office devices that charges them when grid carbon intensity is lowest.",
          "<p>Listed by Straits; trialled across 5,000 devices in a Singapore bank.</p>",
          "MY"),
        v("Carbon-aware placement for edge data centres", "northlight", 5, "pending",
          "An orchestration layer that moves workloads between edge sites powered by hydro, "
          "wind or gas.",
          "<p>Under test in a research partnership with a Canadian provincial utility.</p>",
          "US", avail=("collaboration",)),
    ),
    concept(
        "GI-ARD-DES Y02B80", "greenhouse-gases materials", (9, 11, 12, 13),
        "<p>Mass timber — cross-laminated timber panels and glulam beams — lets buildings of ten "
        "storeys or more be built from wood that stores carbon, with light foundations and fast, "
        "quiet construction on site.</p>",
        ("Prefabricated panels cut by CNC from digital models",
         "Fire design using charring and encapsulation",
         "Timber from certified, regenerating forests"),
        v("CLT building system for mid-rise housing", "kuusi", 9, "know_how",
          "A catalogue of cross-laminated timber wall, floor and stair elements and a design "
          "guide for four- to eight-storey apartment blocks.",
          "<p>Used in 30 apartment projects in Finland; structural calculations are shared with "
          "licensed designers.</p>",
          "SE EE LV"),
        v("Hybrid timber–concrete floor for offices", "thames", 8, "patented",
          "A composite floor with timber joists and a thin concrete topping that spans 9 m with "
          "half the embodied carbon of a concrete slab.",
          "<p>Listed by Thames for a Manchester engineering practice; used in four office "
          "buildings.</p>",
          "IE"),
        v("Plantation-pine CLT for earthquake regions", "southerncross", 7, "pending",
          "Cross-laminated panels from fast-grown plantation pine, with ductile steel "
          "connectors tested for strong earthquakes.",
          "<p>A three-storey demonstration building in Adelaide was completed in 2024.</p>",
          "NZ CL"),
    ),
    concept(
        "GI-ARD-COM", "greenhouse-gases pollution health", (3, 11, 13),
        "<p>Commuting by car is one of the largest sources of an organisation's emissions. "
        "Commute-planning platforms help employers offer carpooling, shuttle routes, cycling "
        "incentives and remote-work days, and measure the effect.</p>",
        ("Anonymous matching of colleagues for carpooling",
         "Shuttle route optimisation from home postcodes",
         "Dashboards of avoided kilometres and emissions"),
        v("Employer carpool and shuttle planner", "straits", 9, "know_how",
          "A platform that matches colleagues for carpools and designs company shuttle routes "
          "from anonymised home locations.",
          "<p>Listed by Straits for a Singapore start-up; used by 40 employers in industrial "
          "parks across Malaysia and Singapore.</p>",
          "MY ID"),
        v("Hybrid work scheduler that closes office floors", "thames", 8, "know_how",
          "A desk-booking tool that concentrates staff on fewer floors on quiet days so that "
          "heating and lighting can be switched off elsewhere.",
          "<p>Listed by Thames; three London councils cut office energy use by 12 %.</p>",
          "IE GB"),
        v("Bicycle commuting incentives by SMS", "lupita", 7, "open",
          "A simple SMS system that records cycling trips and rewards factory workers with "
          "airtime.",
          "<p>Its inventor ran it with two factories in Oaxaca, where cycling to work doubled "
          "in six months.</p>",
          "GT CO", avail=("free",)),
    ),
    concept(
        "GI-ARD-ETS Y02A40", "greenhouse-gases biodiversity livelihoods", (13, 14, 15),
        "<p>Measurement, reporting and verification (MRV) is what turns forest, soil or mangrove "
        "carbon into credible credits. Remote sensing and field plots together can estimate "
        "carbon stocks more cheaply and transparently than field surveys alone.</p>",
        ("Satellite and drone data calibrated with field plots",
         "Uncertainty estimates reported with every figure",
         "Data rooms for verifiers and buyers"),
        v("Forest carbon MRV from satellite and laser data", "kuusi", 9, "know_how",
          "A service that estimates forest carbon stocks and growth from satellite imagery and "
          "airborne laser scanning.",
          "<p>Used by Finnish forest owners' associations and two carbon registries.</p>",
          "SE EE CA"),
        v("Blue carbon MRV for mangrove projects", "nusantara", 8, "know_how",
          "Measurement protocols and software to quantify carbon in mangrove biomass and "
          "sediment.",
          "<p>Applied to 4,000 hectares of restored mangroves in South Sulawesi.</p>",
          "PH MY", avail=("technical-assistance",)),
        v("Digital MRV for community tree planting", "ikirere", 7, "open",
          "A phone app and data platform for recording seedlings, survival and growth in "
          "community tree-planting schemes.",
          "<p>Developed with grantees of the fund in Rwanda and Burundi and released for free "
          "use.</p>",
          "BI UG TZ", avail=("free",)),
    ),
]
