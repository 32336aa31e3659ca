"""Demo expert profiles (fictional people)."""

from .schema import expert

EXPERTS = [
    expert("Wanjiru Kamau", "Solar irrigation and agricultural finance specialist", "KE",
           "GI-AF-IRR Y02A40",
           "<p>Twelve years designing solar irrigation programmes for smallholders in East "
           "Africa, including pay-as-you-go models with two pump companies.</p><ul><li>Farmer "
           "surveys and sizing</li><li>Credit and subsidy design</li></ul>",
           "en sw", "KE TZ UG RW ET", organisation="sunfield"),
    expert("Ibrahim Sow", "Land restoration and water harvesting adviser", "SN", "GI-AF-SOIL Y02A40",
           "<p>Agronomist who has trained farmer trainers in zaï pits, half-moons and "
           "farmer-managed natural regeneration across the Sahel since 2005.</p>",
           "fr wo en", "SN ML BF NE MR", availability="pro_bono", organisation="sahel"),
    expert("Nomvula Dlamini", "Mini-grid regulation and tariff expert", "ZA", "Y02E10 Y04S50",
           "<p>Former regulator staff member advising governments on mini-grid licensing, "
           "tariffs and grid arrival rules in southern Africa.</p>",
           "en zu", "ZA MZ ZM MW BW", availability="paid"),
    expert("Kofi Mensah", "Faecal sludge and sanitation engineer", "GH", "Y02W10 GI-WM-DISP",
           "<p>Designs treatment plants for faecal sludge and co-composting in West African "
           "cities; previously with a municipal sanitation authority.</p>",
           "en", "GH NG CI BF TG"),
    expert("Hana Tesfaye", "Clean cooking and household energy researcher", "ET",
           "Y02A50 GI-AEP-BIO",
           "<p>Runs stove testing and household air pollution studies; co-author of national "
           "stove standards.</p>", "am en", "ET ER KE UG", organisation="bluenile"),
    expert("Ahmed Farouk", "Irrigation and drainage water reuse scientist", "EG", "Y02A20 Y02W10",
           "<p>Twenty years of research on drainage reuse, salinity and on-farm water management "
           "in the Nile Delta and Sudan.</p>", "ar en", "EG SD LY TN", organisation="niledelta"),
    expert("Fatima Zahra Benali", "Concentrated solar heat for industry", "MA", "Y02E10 Y02P80",
           "<p>Process engineer who has integrated solar steam into dairies, tanneries and "
           "mines.</p>", "ar fr en", "MA TN DZ EG ES", organisation="atlas"),
    expert("Grace Achieng", "Cold chain for horticulture and fisheries", "KE", "Y02P60 Y02A40",
           "<p>Advises cooperatives and investors on off-grid cold rooms and ice making around "
           "Lake Victoria.</p>", "en sw", "KE UG TZ"),
    expert("Emmanuel Okonkwo", "Waste-to-energy project developer", "NG", "GI-AEP-WTE Y02W30",
           "<p>Has developed landfill gas and biogas projects in Nigeria and Ghana and knows the "
           "carbon market well.</p>", "en ig", "NG GH CM"),
    expert("Jean-Paul Habimana", "Climate finance and blended funds adviser", "RW", "GI-ARD-ETS",
           "<p>Structures blended-finance vehicles for adaptation and energy access.</p>",
           "rw fr en", "RW BI CD UG", organisation="ikirere", availability="paid"),
    expert("María José Castillo", "Water utility efficiency and non-revenue water", "MX", "Y02A20",
           "<p>Civil engineer who led leak reduction and metering programmes in Puebla, León and "
           "Querétaro, bringing non-revenue water down by 10–15 points in "
           "each.</p><ul><li>District "
           "metered areas and pressure management</li><li>Performance-based contracts for "
           "utilities</li></ul>", "es en", "MX GT CO PE", availability="paid"),
    expert("Joaquín Morales", "Green hydrogen and solar fuels engineer", "CL", "Y02E60 Y02P20",
           "<p>Chemical engineer leading the university's hydrogen pilot plant. Designs "
           "electrolyser systems that follow solar output and advises mining companies on "
           "hydrogen trucks and green ammonia.</p>", "es en", "CL PE AR", organisation="andes"),
    expert("Luiza Carvalho", "Biological crop protection specialist", "BR", "GI-AF-PEST",
           "<p>Entomologist with 15 years developing biological control programmes for soy, "
           "coffee and sugar cane, from strain selection to registration and farmer "
           "training.</p>", "pt es en", "BR PY AR CO", organisation="cerrado"),
    expert("Santiago Herrera", "Electric bus fleet transition consultant", "CO", "Y02T10 Y02T90",
           "<p>Has supported electric bus procurement in Bogotá, Medellín and Santiago: route "
           "energy modelling, depot charging design and tender specifications.</p>",
           "es en", "CO CL MX PE EC", availability="paid"),
    expert("Keisha Brown", "Coastal ecosystem restoration scientist", "JM", "Y02A40 GI-AF-FOR",
           "<p>Marine biologist running coral nurseries and mangrove restoration along Jamaica's "
           "coasts, and training community wardens to monitor them.</p>",
           "en", "JM BZ BS HT DO", organisation="caribres"),
    expert("Daniel Cohen-Avraham", "Desalination membranes and brine management", "IL", "Y02A20",
           "<p>Membrane scientist with ten years in industry and five in research, working on "
           "reverse osmosis fouling, membrane distillation and brine minimisation for inland "
           "plants.</p>", "he en", "IL JO CY", organisation="negev"),
    expert("Olivia Chen", "Utility demand response programme designer", "CA", "Y04S20 Y02B70",
           "<p>Has designed residential and commercial demand response programmes for three "
           "Canadian utilities, including smart thermostat and EV charging schemes.</p>",
           "en zh", "CA US", organisation="northlight"),
    expert("Robert Two Feathers", "Tribal microgrid and energy sovereignty adviser", "US",
           "Y02E10 Y02E60",
           "<p>Electrical engineer who helps tribal nations plan, finance and operate solar "
           "microgrids with storage, with an emphasis on local ownership and training.</p>",
           "en", "US CA", availability="pro_bono"),
    expert("Zhang Hao", "Battery recycling process engineer", "CN", "Y02W30 GI-WM-REUSE",
           "<p>Designed two hydrometallurgical lines for lithium-ion battery recycling and "
           "advises on safe collection, storage and black-mass trading.</p>",
           "zh en", "CN VN TH ID", organisation="xinneng", availability="paid"),
    expert("Yuki Tanaka", "Heat pump and refrigerant transition engineer", "JP", "Y02B30",
           "<p>Engineer specialising in CO2 and propane heat pumps for hot water and industrial "
           "heat, and in training installers to handle natural refrigerants safely.</p>",
           "ja en", "JP KR TH", organisation="kansai"),
    expert("Kim Soo-jin", "Smart meter and grid communication specialist", "KR", "Y04S40 Y04S20",
           "<p>Works on smart meter communication standards and roll-outs; has supported meter "
           "projects in Korea, Vietnam and the Philippines.</p>", "ko en", "KR VN PH"),
    expert("Ananya Iyer", "Urban heat resilience and public health", "IN", "Y02A50",
           "<p>Public health researcher who helps cities set heat-health thresholds from "
           "mortality data and prepare hospitals and employers for heat waves.</p>",
           "en hi ta", "IN BD PK LK", organisation="deccan"),
    expert("Rahul Mehta", "Biogas and rural energy entrepreneur", "IN", "Y02E50 GI-AEP-BIO",
           "<p>Founded two biogas businesses and has installed over 5,000 household digesters in "
           "Gujarat and Maharashtra; mentors rural energy start-ups.</p>",
           "en hi gu", "IN NP BD"),
    expert("Sabina Akter", "Coastal adaptation and drinking water", "BD", "Y02A20 Y02A30",
           "<p>Environmental engineer working on rainwater harvesting, pond sand filters and "
           "cyclone-resilient housing in coastal Bangladesh.</p>",
           "bn en", "BD IN MM", organisation="sundarbans", availability="pro_bono"),
    expert("Trần Văn Minh", "Rice methane reduction agronomist", "VN", "Y02P60 GI-AF-IRR",
           "<p>Agronomist who has scaled alternate wetting and drying across the Mekong Delta "
           "and helps rice programmes prepare for carbon finance.</p>",
           "vi en", "VN KH LA", organisation="mekong"),
    expert("Putri Wulandari", "Blue carbon and mangrove MRV specialist", "ID", "GI-ARD-ETS GI-AF-FOR",
           "<p>Forest scientist who designs carbon measurement for mangrove and seagrass projects "
           "and prepares them for verification.</p>",
           "id en", "ID PH MY", organisation="nusantara"),
    expert("Lim Wei Jie", "Technology transfer and licensing broker", "SG", "Y02P90 GI-ARD-ETS",
           "<p>Has negotiated over 40 licences and joint ventures for clean technologies "
           "between Singapore developers and partners across South-East Asia.</p>",
           "en zh ms", "SG MY ID TH VN", organisation="straits", availability="paid"),
    expert("Khalid Al Hashimi", "Solar desalination project engineer", "AE", "Y02A20",
           "<p>Project engineer for solar reverse osmosis and membrane distillation plants on "
           "islands, farms and remote border posts.</p>",
           "ar en", "AE OM SA", organisation="alnoor"),
    expert("Dauren Abenov", "Wind farm engineering in cold climates", "KZ", "GI-AEP-WND",
           "<p>Wind engineer responsible for blade icing, cold-weather maintenance and grid "
           "compliance on 900 MW of steppe wind farms.</p>",
           "kk ru en", "KZ UZ MN", organisation="steppe"),
    expert("Ayşe Demir", "Low-carbon cement and concrete", "TR", "Y02P40",
           "<p>Cement chemist who has brought limestone calcined clay cement from laboratory to "
           "ready-mix trucks and advises plants on clay calcination.</p>",
           "tr en", "TR AZ GE", organisation="anadolu"),
    expert("Nattapong Srisuk", "Bioplastics and bio-based chemicals", "TH", "Y02W90 Y02P20",
           "<p>Chemical engineer working on starch-based plastics and fermentation chemicals "
           "from cassava and sugar cane residues.</p>",
           "th en", "TH VN LA", organisation="siam"),
    expert("Lars Mikkelsen", "Offshore wind foundations and moorings", "DK", "Y02E10 GI-AEP-WND",
           "<p>Structural engineer with 18 years in offshore wind, from monopiles to floating "
           "foundations, now advising ports and yards in new markets.</p>",
           "da en", "DK GB NO", organisation="nordvind", availability="paid"),
    expert("Friederike Wagner", "Power electronics and grid-forming control", "DE", "Y04S10",
           "<p>Leads research on grid-forming inverters and helps island utilities run grids "
           "with very high shares of solar and wind.</p>",
           "de en", "DE AT PL", organisation="rheinneckar"),
    expert("Pieter Janssen", "Flood resilience and climate-adaptive buildings", "NL", "Y02A30",
           "<p>Civil engineer designing amphibious housing, flood barriers and water-sensitive "
           "neighbourhoods in the Netherlands and Asian deltas.</p>",
           "nl en", "NL BD VN", organisation="polder"),
    expert("Carmen Ruiz", "Agrivoltaics designer", "ES", "Y02E10 Y02P60",
           "<p>Agronomist and PV designer who plans agrivoltaic systems crop by crop, from "
           "orchards to vegetables, and measures their effect on yields.</p>",
           "es en", "ES PT MA", organisation="agrisol"),
    expert("Sofia Andersson", "Green steel and hydrogen in industry", "SE", "Y02P10",
           "<p>Metallurgist working on hydrogen direct reduction and electric arc furnaces; "
           "advises steelmakers planning their first low-carbon lines.</p>",
           "sv en", "SE FI", organisation="botnia"),
    expert("Antoine Moreau", "Nuclear decommissioning and waste management", "FR", "GI-NPG-ENG Y02E30",
           "<p>Nuclear engineer with 20 years of decommissioning projects, from remote cutting "
           "to waste characterisation and packaging.</p>",
           "fr en", "FR BE", organisation="neocore", availability="paid"),
    expert("Eleanor Hughes", "Circular economy policy and public procurement", "GB", "Y02W30",
           "<p>Policy adviser who helps councils write circular procurement rules and "
           "recycling contracts that reward reuse.</p>",
           "en", "GB IE", organisation="thames"),
    expert("Mikko Korhonen", "Forest inventory and remote sensing", "FI", "GI-AF-FOR",
           "<p>Forest scientist combining airborne laser scanning, satellite data and field "
           "plots for inventory and carbon accounting.</p>",
           "fi en", "FI SE", organisation="kuusi"),
    expert("Magdalena Kowalska", "District heating decarbonisation", "PL", "Y02B30 GI-ECO-TST",
           "<p>Heating engineer who has planned the switch from coal to heat pumps, waste heat "
           "and storage for three Polish district heating companies.</p>",
           "pl en", "PL CZ", availability="paid"),
    expert("Henrik Dahl", "Electric ferry and charging systems", "NO", "Y02T70 GI-TRA-MAR",
           "<p>Naval architect who has designed battery-electric ferries and quay charging for "
           "Norwegian routes.</p>", "no en", "NO DK", organisation="fjord"),
    expert("Chloe Nguyen", "Remote community renewable systems", "AU", "Y02E10",
           "<p>Engineer designing solar, wind and battery systems for remote Aboriginal "
           "communities and Pacific islands, with local maintenance training.</p>",
           "en vi", "AU PG FJ", organisation="southerncross"),
    expert("Aroha Ngata", "Low-emission pastoral farming", "NZ", "Y02P60",
           "<p>Farm systems scientist working with Māori agribusinesses on lower methane and "
           "nitrogen losses from dairy and sheep farms.</p>",
           "en mi", "NZ AU", organisation="aotearoa"),
    expert("Ratu Josaia Vakacegu", "Pacific island energy and water resilience", "FJ", "Y02A20 Y02E10",
           "<p>Former government energy officer advising island communities on solar, water "
           "supply and preparation for cyclones.</p>",
           "en fj", "FJ TO WS VU", availability="pro_bono"),
    expert("Layla Haddad", "Refugee camp energy and water planning", "JO", "Y02A20 Y02E10",
           "<p>Humanitarian engineer who has planned solar plants and water networks for camps "
           "in Jordan and Lebanon.</p>", "ar en fr", "JO LB", availability="pro_bono", status="submitted"),
]
