"""Demo needs: problems posted by cities, utilities, cooperatives, ministries and firms."""

from .schema import need

NEEDS = [
    need("Milk cooling without diesel at village collection centres", "kilimo",
         "Y02P60 GI-AEP-SOL", (2, 7),
         "<p>Our two collection centres receive 9,000 litres of milk a day, half of it in the "
         "evening. Grid power fails several times a week and the diesel generators cost more than "
         "the cooperative can afford. We need cooling that keeps milk below 4 °C within three "
         "hours of milking.</p><ul><li>Capacity 3,000–5,000 litres per centre</li><li>Operated "
         "by cooperative staff</li><li>Spare parts available in Tanzania</li></ul>",
         location="Moshi Rural and Hai districts", budget="USD 60,000–90,000 for two centres",
         timeline="Installed before the long rains of next year", maturity="commercial",
         arrangements="sale technical-assistance"),
    need("Biogas from manure for 2,300 dairy households", "kilimo", "Y02E50 GI-AEP-BIO", (7, 13),
         "<p>Most member households keep two to five cows in zero-grazing units and cook on "
         "firewood carried from the forest reserve. We are looking for household or shared "
         "digesters that members can finance through milk deductions over three years.</p>",
         location="Kilimanjaro region", budget="Up to USD 700 per household, with carbon finance",
         maturity="commercial", arrangements="sale distribution"),
    need("Methane reduction for smallholder dairy herds", "kilimo", "Y02P60 Y02C20", (2, 13),
         "<p>Buyers of our milk are asking for lower emissions per litre. We want practical "
         "feeding practices or additives that work for cows fed on Napier grass and banana "
         "stems, and a simple way to report the results.</p>",
         maturity="demonstration", arrangements="collaboration"),
    need("Faecal sludge treatment for lagoon-side communities", "lagoswater", "Y02W10 GI-WM-DISP",
         (6, 11),
         "<p>About 1.2 million people in lagoon-side areas rely on pit latrines and septic tanks "
         "that are emptied into the lagoon. We need decentralised treatment plants for 50–150 m³ "
         "of sludge per day on small plots of land, with a useful end product.</p>",
         location="Lagos Island and Eti-Osa", budget="Public–private partnership",
         timeline="Feasibility this year, first plant within 24 months", maturity="commercial",
         arrangements="joint-venture technical-assistance"),
    need("Leak reduction in an ageing water network", "lagoswater", "Y02A20", (6, 11),
         "<p>Non-revenue water in our network is estimated at 55 %. We need leak detection and "
         "pressure management suited to a network with poor records, intermittent supply and "
         "many illegal connections.</p>",
         location="Lagos mainland", maturity="commercial", arrangements="sale technical-assistance"),
    need("Clean water for schools during floods", "lagoswater", "Y02A20 Y02A50", (3, 6),
         "<p>Schools in flood-prone areas lose access to safe water for weeks each rainy season. "
         "We are seeking compact treatment units that run without grid power and can be "
         "maintained by school staff.</p>",
         location="Lagos State", budget="NGN 20 million pilot", maturity="commercial",
         arrangements="sale"),
    need("Investable climate adaptation ventures in East Africa", "ikirere", "Y02A40 Y02A20", (13, 17),
         "<p>The fund is looking for companies with proven adaptation technologies — irrigation, "
         "cold chain, water, drought-tolerant inputs — that want to expand into Rwanda, Burundi "
         "and Uganda. Ticket sizes from USD 300,000 to 2 million, equity or convertible notes.</p>",
         country="RW", maturity="commercial", arrangements="joint-venture"),
    need("Distributed solar for health centres in Rwanda", "ikirere", "Y02E10 Y02A50", (3, 7),
         "<p>We are structuring a facility to finance solar and storage for 200 rural health "
         "centres. We seek technology partners with remote monitoring and a service network in "
         "the region.</p>", budget="USD 8 million facility", maturity="commercial",
         arrangements="sale technical-assistance"),
    need("Organic waste processing for Accra's markets", "accra", "Y02W30 GI-WM-DISP", (11, 12),
         "<p>Markets in the metropolis generate 600 tonnes of organic waste a day, most of which "
         "ends up in open dumps. We want processing close to the markets — composting, insect "
         "farming or digestion — that creates jobs and a product we can sell.</p>",
         location="Agbogbloshie, Makola and Kaneshie markets", timeline="Pilot within 12 months",
         maturity="demonstration", arrangements="joint-venture"),
    need("Landfill gas capture at a closed dumpsite", "accra", "Y02C20 GI-AEP-WTE", (11, 13),
         "<p>A closed 40-hectare dumpsite emits methane and has frequent fires. We seek a "
         "partner to capture gas and generate power or flare it, with carbon revenue shared.</p>",
         location="Kpone", maturity="commercial", arrangements="joint-venture"),
    need("Storm drain plastic interception", "accra", "GI-WM-POLL", (6, 14),
         "<p>Plastic blocks drains and causes flash floods in the rainy season. We need traps "
         "for open drains that crews can empty easily.</p>", maturity="commercial",
         arrangements="sale"),
    need("Low-cost solar pumping for village gardens", "sahel", "GI-AF-IRR Y02E10", (2, 5),
         "<p>Women's groups in 40 villages garden on plots of half a hectare with hand-dug "
         "wells 15–25 m deep. We need solar pumps that local technicians can repair.</p>",
         location="Louga and Matam regions", budget="EUR 250,000 programme",
         maturity="commercial", arrangements="sale technical-assistance"),
    need("Fodder conservation for the dry season", "sahel", "Y02A40", (2, 15),
         "<p>Herders lose animals every dry season. We seek simple methods for storing crop "
         "residues and grass with high nutritional value.</p>", country="ML",
         maturity="commercial", arrangements="free technical-assistance"),
    need("Clean cookstove testing in Sahel homes", "sahel", "Y02A50 GI-AEP-BIO", (3, 5, 7),
         "<p>We need a partner with field testing equipment to measure fuel use and household "
         "air pollution for three stove models.</p>", maturity="demonstration",
         arrangements="collaboration"),
    need("Drinking water for a growing metropolis under drought", "monterrey", "Y02A20", (6, 11),
         "<p>After the 2022 drought emptied two reservoirs, we need new sources and demand "
         "reduction: aquifer recharge, reuse of treated wastewater for industry and leak "
         "reduction. We welcome proposals for pilots with measurable savings.</p>",
         location="Monterrey metropolitan area", budget="MXN 40 million for pilots",
         timeline="Pilots starting next fiscal year", maturity="demonstration",
         arrangements="sale technical-assistance"),
    need("Energy efficiency at large pumping stations", "monterrey", "Y02A20 Y02P80", (6, 7),
         "<p>Our 48 pumping stations use 35 % of the utility's electricity, and many pumps run "
         "far from their best efficiency point because demand has changed since they were "
         "installed. We seek pump scheduling software and variable speed retrofits, ideally "
         "under a shared-savings contract.</p>", maturity="commercial",
         arrangements="sale"),
    need("Industrial wastewater reuse for steel and glass plants", "monterrey", "Y02W10", (6, 9),
         "<p>Industry consumes a fifth of the city's water. We want treatment that lets steel, "
         "glass and beverage plants reuse their own wastewater or buy treated municipal "
         "effluent instead of drawing from the aquifer, and a tariff model that makes it "
         "attractive.</p>", maturity="commercial",
         arrangements="joint-venture"),
    need("Electric buses for hilly routes", "aburra", "Y02T10 GI-TRA-VEH", (11, 13),
         "<p>Routes in the valley climb 600 m with gradients over 15 %. We need electric buses "
         "and charging strategies proven on steep routes with full loads.</p>",
         location="Medellín and Bello", budget="Fleet of 120 buses over four years",
         maturity="commercial", arrangements="sale"),
    need("Air quality sensors along transport corridors", "aburra", "GI-WM-POLL Y02A90", (3, 11),
         "<p>We want to measure fine particulate matter at 200 points along bus and metro "
         "corridors with low-cost sensors calibrated against our reference stations, and "
         "publish the data openly to show the effect of fleet electrification.</p>", maturity="demonstration",
         arrangements="sale collaboration"),
    need("Battery conversion for minibus fleets", "aburra", "Y02T10", (11,),
         "<p>Private operators run about 2,000 diesel minibuses on feeder routes and cannot "
         "afford new electric vehicles. We seek a tested conversion kit that local workshops "
         "could install, with a warranty and certification path in Colombia.</p>",
         maturity="demonstration", arrangements="licence"),
    need("Mangrove restoration with community monitoring", "caribres", "Y02A40 GI-AF-FOR",
         (14, 15),
         "<p>We plan to restore 300 hectares of mangroves on the south coast of Jamaica where "
         "earlier plantings failed. We need hydrological assessment before planting and "
         "monitoring methods that fishers trained as rangers can use to report survival and "
         "growth to funders.</p>", location="Portland Bight",
         maturity="commercial", arrangements="technical-assistance"),
    need("Drinking water after hurricanes on small islands", "caribres", "Y02A20", (6, 13),
         "<p>When hurricanes damage pipes and power, island communities go without safe water "
         "for weeks. We need mobile solar desalination or treatment units that can be "
         "pre-positioned before the season and flown or shipped in by small boats.</p>", country="DM",
         maturity="commercial", arrangements="sale"),
    need("Coffee drying without firewood", "altomayo", "Y02P60 GI-AEP-SOL", (2, 8, 15),
         "<p>Members dry coffee on patios or with wood-fired dryers, which causes quality "
         "losses in the rainy season and cuts forest. We need dryers for farms of 2–5 hectares "
         "that protect quality.</p>", location="Moyobamba, San Martín",
         budget="PEN 1.5 million programme", maturity="commercial",
         arrangements="sale technical-assistance"),
    need("Biological control of coffee berry borer", "altomayo", "GI-AF-PEST", (2, 15),
         "<p>The berry borer damages up to a fifth of our harvest in warm years, and organic "
         "certification rules out most insecticides. We seek biological control products "
         "registered in Peru, traps and training for 1,100 growers.</p>", maturity="commercial",
         arrangements="distribution"),
    need("Cocoa pod waste processing", "altomayo", "Y02W30", (12,),
         "<p>Cocoa pod husks are left to rot in the plantations, where they spread black pod "
         "disease. We want to turn them into compost, fuel briquettes or animal feed at the "
         "cooperative's collection centres.</p>",
         maturity="demonstration", arrangements="collaboration"),
    need("Climate tech start-ups for Central America", "puravida", "Y02E10 Y02A40", (13, 17),
         "<p>We are looking for start-ups with technologies for clean energy, water and "
         "climate-smart agriculture that want to grow in Central America. We invest at seed and "
         "Series A stage, USD 250,000–2 million, and help with local partners.</p>",
         maturity="demonstration", arrangements="joint-venture"),
    need("Cyclone-proof power for island barangays", "visayas", "Y02E10 Y04S10", (7, 13),
         "<p>Typhoons take down our lines several times a year. We need microgrids on 12 "
         "islands that keep running through storms.</p>", location="Guimaras and Panay islands",
         budget="PHP 300 million", maturity="commercial", arrangements="sale joint-venture"),
    need("Prepaid metering for 180,000 members", "visayas", "Y04S20 GI-ECO-MEAS", (7,),
         "<p>Collection losses are high on remote islands. We want prepaid meters with "
         "mobile-wallet payment, compatible with our billing system, and an installation "
         "partner for a phased roll-out to 180,000 members.</p>", maturity="commercial",
         arrangements="sale"),
    need("Heat for 70,000 households without coal", "katowice", "Y02B30 Y02E60 GI-ECO-TST",
         (7, 11, 13),
         "<p>Our district heating runs on coal. We must cut emissions by 2030 and are studying "
         "large heat pumps, thermal storage, waste heat from mines and industry, and biomass. "
         "We need proven technologies for 90 °C networks.</p>", location="Katowice",
         budget="PLN 1.2 billion programme", timeline="2026–2032", maturity="commercial",
         arrangements="sale joint-venture"),
    need("Waste heat recovery from closed coal mines", "katowice", "GI-AEP-WH Y02E10", (7, 11),
         "<p>Water pumped from flooded workings of closed coal mines is 20–30 °C all year. We "
         "want to use it as a heat source for large heat pumps feeding our network and seek "
         "partners with experience of mine water heat.</p>",
         maturity="demonstration", arrangements="collaboration"),
    need("Renewable power for outer islands", "pacificenergy", "Y02E10 Y02E60", (7, 13),
         "<p>Outer islands run on diesel shipped at great cost. We seek solar, storage and "
         "wind systems that survive cyclones and salt air.</p>", location="Lau and Yasawa groups",
         budget="FJD 15 million", maturity="commercial", arrangements="sale technical-assistance"),
    need("Solar water pumping for island villages", "pacificenergy", "Y02A20", (6, 7),
         "<p>Villages on raised coral islands draw water by hand from shallow wells and "
         "rainwater tanks. We need solar pumps and tanks that resist corrosion and cyclones, "
         "with training for village water committees.</p>", maturity="commercial",
         arrangements="sale"),
    need("Electric boats for inter-island transport", "pacificenergy", "Y02T70 GI-TRA-MAR", (7, 14),
         "<p>Small passenger and cargo boats between islands burn expensive petrol. We want "
         "electric, hybrid or sail-assisted boats of 8–15 m that can be charged from island "
         "solar systems, and partners for a demonstration.</p>",
         maturity="demonstration", arrangements="collaboration"),
    need("Safe drinking water in saline coastal villages", "sundarbans", "Y02A20", (3, 6),
         "<p>Groundwater in our coastal villages is saline and ponds are contaminated after "
         "each cyclone. We need household or community water supply — rainwater, pond sand "
         "filters or small desalination — that families can maintain.</p>",
         location="Satkhira and Khulna", maturity="commercial", arrangements="free technical-assistance"),
    need("Cyclone shelters with resilient power", "sundarbans", "Y02E10 Y02A30", (7, 13),
         "<p>Our 140 cyclone shelters double as schools. They need lighting, fans and power for "
         "phones and radios that keep working for several days when the grid is down.</p>",
         maturity="commercial", arrangements="sale"),
    need("Irrigation drainage reuse in the northern Delta", "niledelta", "Y02A20 Y02W10", (2, 6),
         "<p>Farmers at the tail end of canals reuse untreated drainage water, which carries "
         "salts and pesticides. We seek low-cost treatment for drainage water before reuse in "
         "irrigation, for testing on our research farm.</p>",
         location="Kafr El Sheikh", maturity="demonstration", arrangements="collaboration"),
    need("Waste heat from clinker coolers", "anadolu", "GI-AEP-WH Y02P40", (7, 9),
         "<p>After two successful projects we want to recover waste heat at three more cement "
         "plants and seek technology suppliers and financing partners for units of 3–8 MW.</p>",
         maturity="commercial", arrangements="joint-venture"),
    need("Calcined clay supply chains", "anadolu", "Y02P40", (9, 12),
         "<p>Scaling up low-clinker cement depends on reliable calcined clay. We are looking for "
         "partners that can map clay deposits and build or operate calciners near our "
         "plants.</p>", maturity="commercial",
         arrangements="joint-venture"),
]

NEEDS += [
    need("Recycling partners for retired battery modules in South-East Asia", "xinneng",
         "Y02W30 GI-WM-REUSE", (12,),
         "<p>We are expanding battery collection to Vietnam and Thailand and need local partners "
         "that can safely store, discharge and transport end-of-life packs under national "
         "hazardous waste rules.</p>", country="VN", maturity="commercial",
         arrangements="joint-venture distribution"),
    need("Hydrogen storage for a steel plant", "botnia", "Y02E60 Y02P10", (9, 13),
         "<p>Our direct reduction plant needs buffer storage of 100 tonnes of hydrogen to ride "
         "through low-wind periods. We are evaluating lined rock caverns, salt-free geology "
         "options and alternatives such as ammonia or metal hydrides.</p>", location="Luleå",
         timeline="Decision by end of next year", maturity="demonstration",
         arrangements="collaboration joint-venture"),
    need("Uses for steel slag beyond road building", "botnia", "Y02W30 Y02P40", (9, 12),
         "<p>Electric steelmaking will produce a different slag. We are looking for "
         "technologies that turn it into cement substitutes, fertiliser or carbon storage.</p>",
         maturity="development", arrangements="collaboration licence"),
    need("Biomethane upgrading for small biogas plants", "pampa", "Y02E50 GI-AEP-BIO", (7, 12),
         "<p>Our contract farmers run 30 biogas plants of 200–500 kW that burn gas in engines "
         "with little use for the heat. We want compact upgrading units so the gas can fuel "
         "trucks and tractors instead.</p>", location="Santa Fe and Córdoba provinces",
         maturity="commercial", arrangements="sale distribution"),
    need("Low-carbon nitrogen fertiliser for the Pampas", "pampa", "Y02P20 GI-AF-SOIL", (2, 13),
         "<p>We seek green ammonia or biological alternatives to reduce the footprint of our "
         "maize and wheat supply chain.</p>", maturity="demonstration",
         arrangements="collaboration"),
    need("Ice detection and de-icing for turbine blades", "steppe", "Y02E10 GI-AEP-WND", (7, 9),
         "<p>Icing in autumn and spring stops our turbines for up to 300 hours a year. We need "
         "detection and de-icing that can be retrofitted to 2–4 MW turbines of several "
         "makes.</p>", location="Akmola and Karaganda regions", maturity="commercial",
         arrangements="sale licence"),
    need("Grid storage for wind curtailment", "steppe", "Y02E60 GI-ECO-EST Y04S10", (7, 9),
         "<p>Grid limits force us to curtail up to 12 % of wind output. We want proposals for "
         "4–8 hour storage that works at −40 °C.</p>", maturity="commercial",
         arrangements="sale joint-venture"),
    need("Biodegradable packaging approved for food contact", "siam", "Y02W90", (12, 14),
         "<p>Retail customers want compostable trays and films for fresh food. We seek "
         "formulations and coating technologies that meet food-contact rules in the EU and "
         "ASEAN.</p>", maturity="development", arrangements="licence collaboration"),
    need("Affordable cold storage finance for farmers", "prakriti", "Y02P60", (1, 2),
         "<p>Farmer producer organisations want our cold rooms but banks see them as risky "
         "borrowers. We want partners with credit, leasing or insurance products so that groups "
         "of 100–300 farmers can buy a cold room and repay from storage fees.</p>",
         maturity="commercial", arrangements="collaboration"),
    need("Battery chemistry for high-temperature climates", "prakriti", "Y02E60 GI-ECO-EST", (7, 9),
         "<p>Our e-rickshaw and mini-grid batteries degrade fast in 45 °C summers. We seek "
         "cells or thermal management that keep 80 % capacity after 2,000 cycles in Indian "
         "conditions.</p>", maturity="demonstration", arrangements="licence sale"),
    need("Affordable pump financing for smallholder irrigation", "sunfield", "GI-AF-IRR", (1, 2),
         "<p>Farmers want our solar pumps but cannot get loans. We seek credit scoring and "
         "insurance partners that work with pay-as-you-go data.</p>", maturity="commercial",
         arrangements="collaboration"),
    need("Seagrass restoration methods at scale", "nusantara", "Y02A40 GI-AF-FOR", (14,),
         "<p>We want to restore 500 hectares of seagrass meadows near Makassar and need "
         "seeding or transplanting methods that work in turbid water, plus monitoring that "
         "proves carbon and fisheries benefits.</p>", maturity="development",
         arrangements="collaboration technical-assistance"),
    need("District cooling with lower refrigerant emissions", "straits", "Y02B30", (7, 11),
         "<p>On behalf of a new business park we are scouting district cooling plants with "
         "natural refrigerants and thermal storage, for 40 MW of peak cooling.</p>",
         location="Jurong, Singapore", maturity="commercial", arrangements="sale joint-venture"),
    need("Council fleet charging at depots with weak grid connections", "thames",
         "Y02T90 Y02E60", (11,),
         "<p>Several partner councils want to electrify refuse and street-cleaning vehicles, "
         "but depot grid connections are limited. We seek storage-backed charging and smart "
         "scheduling.</p>", location="Kent and Essex", maturity="commercial",
         arrangements="sale"),
    need("Recycling of mattresses and upholstered furniture", "thames", "Y02W30 GI-WM-REUSE", (12,),
         "<p>Councils collect 400,000 mattresses a year that mostly go to landfill. We are "
         "looking for dismantling and material recovery processes.</p>", maturity="demonstration",
         arrangements="joint-venture"),
    need("Subsidence-proof foundations for peat towns", "polder", "Y02A30", (11,),
         "<p>For municipal clients on peat soils we are scouting foundation repair and "
         "groundwater management that stop houses sinking.</p>", maturity="demonstration",
         arrangements="licence collaboration"),
    need("Charging for electric ferries at remote quays", "fjord", "Y02T70 Y02T90", (7, 14),
         "<p>Some of our routes end at quays with weak grid connections. We need battery-buffered "
         "or containerised charging of 2–4 MW.</p>", location="Sogn og Fjordane",
         maturity="commercial", arrangements="sale"),
    need("Water-saving irrigation for greenhouse vegetables", "agrisol", "GI-AF-IRR Y02A20", (2, 6),
         "<p>Aquifer limits in Murcia mean we must cut water use by 25 %. We seek closed-loop "
         "substrate irrigation and drainage recycling.</p>", maturity="commercial",
         arrangements="sale"),
    need("Biofertiliser registration partners in Africa", "cerrado", "GI-AF-SOIL", (2, 17),
         "<p>We want distribution partners in Kenya, Ghana and Zambia to register and sell our "
         "microbial biofertilisers for maize and soybean. Partners should know the national "
         "registration process and have a network of agro-dealers.</p>",
         country="BR", maturity="commercial", arrangements="distribution"),
    need("Low-cost salinity sensors for shrimp farmers", "mekong", "Y02A20 Y02A40", (2, 14),
         "<p>Shrimp farmers in Bạc Liêu and Cà Mau lose ponds when salinity or oxygen changes "
         "suddenly. They need affordable probes, under USD 150 per pond, that send alerts to "
         "phones and survive a season in brackish water.</p>",
         maturity="commercial", arrangements="sale collaboration"),
    need("Sponge city measures for older districts", "zjwater", "Y02A10 Y02A20", (11, 13),
         "<p>Old districts of Hangzhou flood in typhoon rain. We want permeable paving, "
         "rain gardens and storage that fit narrow streets.</p>", maturity="commercial",
         arrangements="technical-assistance"),
    need("Brine disposal alternatives for inland desalination", "alnoor", "Y02A20 Y02W10", (6, 14),
         "<p>Inland brackish-water plants have no sea outfall and evaporation ponds take large "
         "areas. We seek brine concentration, salt recovery or other safe disposal options for "
         "plants of 2,000–10,000 m³ a day.</p>", maturity="demonstration",
         arrangements="licence collaboration"),
    need("Diesel replacement for remote mine sites", "southerncross", "Y02E10 Y02E60", (7, 9),
         "<p>A client mine uses 30 million litres of diesel a year for power. We seek hybrid "
         "systems and storage partners.</p>", location="Pilbara, Western Australia",
         maturity="commercial", arrangements="joint-venture"),
    need("Lower-emission dairy effluent management", "aotearoa", "Y02P60 Y02W10", (6, 13),
         "<p>We are planning three-year farm trials and seek technologies that reduce nitrate "
         "leaching and methane from dairy effluent ponds: covers, additives, separation or "
         "treatment. Suppliers would provide equipment; we measure the results.</p>",
         maturity="demonstration", arrangements="collaboration"),
    need("Low-GWP refrigerant suppliers in Africa", "kansai", "Y02B30", (13, 17),
         "<p>We want distributors and installers in Kenya, Nigeria and Egypt for CO2 and propane "
         "heat pumps for hotels and hospitals, and will provide training on handling natural "
         "refrigerants safely.</p>", country="JP", maturity="commercial",
         arrangements="distribution"),
    need("Pilot sites for smart meters in Africa", "hanbit", "Y04S20 GI-ECO-MEAS", (7, 17),
         "<p>We are seeking utilities in East and West Africa for pilots of up to 5,000 prepaid "
         "smart meters with mobile-money top-up, including integration with the utility's "
         "billing system and training of field staff.</p>",
         maturity="commercial", arrangements="sale"),
    need("Industry partners for heat-resilient housing", "deccan", "Y02B80 Y02A30", (11,),
         "<p>Our cool-roof paint and passive design guidelines have been tested in 40 homes. We "
         "want builders and housing agencies to test them at scale in low-income housing in "
         "Telangana and to co-fund monitoring of indoor temperatures.</p>",
         maturity="demonstration", arrangements="collaboration"),
    need("Scale-up partner for cross-flow turbine production", "bluenile", "Y02E10 GI-AEP-HYD",
         (7, 9),
         "<p>Our cross-flow turbine is built one by one in small workshops. We seek a "
         "manufacturer to standardise the design into a kit for 5–50 kW sites and supply it "
         "across East Africa, under licence or as a joint venture.</p>",
         maturity="commercial", arrangements="licence joint-venture"),
    need("Water for green hydrogen in the Atacama", "andes", "Y02A20 Y02E60", (6, 7),
         "<p>Hydrogen projects need water in one of the driest places on earth. We seek "
         "desalination and water recycling for electrolysers.</p>", maturity="demonstration",
         arrangements="collaboration"),
    need("Field test sites for water-from-air units", "negev", "Y02A20", (6,),
         "<p>We seek schools or clinics in arid parts of East Africa and the Middle East to host "
         "pilot water-from-air units for one year and share water quality and output "
         "data.</p>", country="IL", maturity="demonstration", arrangements="collaboration"),
    need("Heat storage for a district heating network in Karelia", "kuusi", "GI-ECO-TST", (7,),
         "<p>A municipal partner in North Karelia wants seasonal heat storage of about 20 GWh to "
         "store summer heat from solar collectors and data centres for winter. We are looking "
         "for pit, borehole or sand storage suppliers.</p>", country="FI",
         maturity="commercial", arrangements="sale"),
    need("Port partner for wave energy test berth", "capeblue", "GI-AEP-OCE", (7, 14),
         "<p>We need a port and grid connection for a 1 MW wave array, with a harbour that can "
         "launch and recover 200-tonne units.</p>", country="ZA",
         maturity="demonstration", arrangements="joint-venture", status="draft"),
    need("Solar drying for argan kernels", "atlas", "Y02P60", (5, 8),
         "<p>Women's cooperatives need hygienic drying for argan fruit.</p>", country="MA",
         maturity="commercial", arrangements="collaboration", status="rejected",
         reason="Please say how much fruit the cooperatives dry, where, and what they use "
                "today, so that technology owners can judge whether they can help."),
    need("Vanadium supply with take-back", "cascadia", "Y02E60", (12,),
         "<p>We seek vanadium suppliers offering electrolyte leasing and take-back at the end "
         "of a battery's life, so that customers do not carry the metal price risk.</p>",
         maturity="commercial", arrangements="sale", status="submitted"),
    need("Geological storage partners for captured CO2", "prairie", "Y02C20", (13,),
         "<p>We need storage sites and operators for 50,000 tonnes of captured CO2 a year "
         "within trucking or pipeline distance of eastern Nebraska.</p>",
         maturity="commercial", arrangements="joint-venture", status="submitted"),
]
