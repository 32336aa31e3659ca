"""Demo organisations and independent inventors (all fictional)."""

from .schema import Inventor, Organisation as O

ORGANISATIONS = [
    # Africa
    O("sunfield", "Sunfield Agritech", "sme", "KE", "Nakuru",
      "<p>Kenyan SME designing solar-powered irrigation, cooling and drying equipment for "
      "smallholder farms, sold through agro-dealers and pay-as-you-go finance.</p>",
      "Dana Mwangi", "Head of Partnerships", "en sw"),
    O("kilimo", "Kilimanjaro Highlands Dairy Cooperative", "ngo", "TZ", "Moshi",
      "<p>A farmer-owned cooperative of 2,300 dairy households on the slopes of Kilimanjaro, "
      "running two milk collection centres and a small processing plant.</p>",
      "Joseph Massawe", "Cooperative Manager", "sw en"),
    O("lagoswater", "Lagos Lagoon Water Services Board", "government", "NG", "Lagos",
      "<p>State agency responsible for bulk water supply and sanitation planning in the "
      "lagoon-side local government areas of Lagos.</p>",
      "Funmilayo Adebayo", "Director of Planning", "en yo"),
    O("capeblue", "Cape Blue Marine Energy", "startup", "ZA", "Cape Town",
      "<p>Start-up developing wave and tidal energy converters for the high-energy coastline of "
      "southern Africa, with a test berth near Saldanha Bay.</p>",
      "Pieter van Wyk", "Chief Technology Officer", "en af"),
    O("atlas", "Atlas Thermal Solar", "sme", "MA", "Ouarzazate",
      "<p>Moroccan engineering firm specialising in solar thermal systems for industry, "
      "agriculture and water, from parabolic troughs to solar dryers.</p>",
      "Youssef El Amrani", "Managing Director", "ar fr en"),
    O("niledelta", "Nile Delta Water Research Institute", "research", "EG", "Alexandria",
      "<p>Public research institute working on irrigation efficiency, drainage water reuse and "
      "salinity management in the Nile Delta.</p>",
      "Mona Abdelrahman", "Senior Researcher", "ar en"),
    O("ikirere", "Ikirere Climate Investment Fund", "investor", "RW", "Kigali",
      "<p>Blended-finance fund investing in climate adaptation and clean energy ventures in the "
      "East African Community.</p>",
      "Claudine Uwase", "Investment Director", "rw fr en"),
    O("accra", "Greater Accra Sanitation Authority", "government", "GH", "Accra",
      "<p>Metropolitan authority coordinating solid waste collection, faecal sludge management "
      "and drainage across the Greater Accra region.</p>",
      "Kwame Asante", "Head of Waste Services", "en"),
    O("sahel", "Sahel Resilience Network", "ngo", "SN", "Thiès",
      "<p>Network of farmer organisations and NGOs in Senegal, Mali and Burkina Faso promoting "
      "land restoration, water harvesting and clean cooking.</p>",
      "Aminata Diallo", "Programme Coordinator", "fr wo en"),
    O("bluenile", "Blue Nile Polytechnic University", "university", "ET", "Bahir Dar",
      "<p>Technical university with strong programmes in water engineering, renewable energy and "
      "agricultural mechanisation.</p>",
      "Tesfaye Bekele", "Technology Transfer Officer", "am en"),
    # Americas
    O("cascadia", "Cascadia Flow Storage Inc.", "startup", "US", "Portland, Oregon",
      "<p>Start-up manufacturing containerised redox flow batteries for utilities, microgrids and "
      "hydrogen refuelling sites.</p>",
      "Rachel Kim", "VP Business Development"),
    O("prairie", "Great Plains Carbon Solutions LLC", "startup", "US", "Lincoln, Nebraska",
      "<p>Carbon removal company combining direct air capture, biochar and mineralisation, with "
      "storage partners across the Midwest.</p>",
      "Marcus Johnson", "Chief Executive Officer"),
    O("northlight", "Northern Lights Grid Analytics", "sme", "CA", "Winnipeg",
      "<p>Software and sensor company helping utilities and building owners measure, forecast and "
      "shift electricity demand.</p>",
      "Émilie Tremblay", "Director of Product", "en fr"),
    O("andes", "Universidad Técnica de los Andes", "university", "CL", "Antofagasta",
      "<p>Engineering university in the Atacama region with research centres on solar energy, "
      "green hydrogen, mining and water.</p>",
      "Camila Rojas", "Director of Innovation", "es en"),
    O("pampa", "Pampa Bioenergía S.A.", "large", "AR", "Rosario",
      "<p>Agro-industrial group producing biodiesel, bioethanol and biogas from soybean, maize "
      "and livestock residues.</p>",
      "Martín Gutiérrez", "Sustainability Manager", "es en"),
    O("cerrado", "Cerrado Bioinsumos Ltda.", "sme", "BR", "Goiânia",
      "<p>Brazilian manufacturer of biological crop inputs: microbial pesticides, biofertilisers "
      "and soil conditioners.</p>",
      "Ana Beatriz Souza", "Commercial Director", "pt es en"),
    O("monterrey", "Northeast Metropolitan Water Services", "government", "MX", "Monterrey",
      "<p>Public water and sanitation utility for the Monterrey metropolitan area, serving "
      "5.3 million people.</p>",
      "Alejandro Garza", "Head of Innovation", "es en"),
    O("aburra", "Aburrá Valley Clean Transport Agency", "government", "CO", "Medellín",
      "<p>Metropolitan agency planning public transport electrification and air quality measures "
      "in the Aburrá Valley.</p>",
      "Valentina Restrepo", "Fleet Transition Lead", "es en"),
    O("caribres", "Caribbean Coastal Resilience Trust", "ngo", "JM", "Kingston",
      "<p>Regional trust restoring mangroves and reefs and helping coastal communities adapt to "
      "storms and sea-level rise.</p>",
      "Andre Campbell", "Science Director"),
    O("altomayo", "Cooperativa Agraria Alto Mayo", "ngo", "PE", "Moyobamba",
      "<p>Coffee and cocoa cooperative of 1,100 growers in the San Martín region of the Peruvian "
      "Amazon.</p>",
      "Rosa Quispe", "Technical Manager", "es qu"),
    O("puravida", "Pura Vida Climate Capital", "investor", "CR", "San José",
      "<p>Venture investor backing climate technology start-ups in Central America and the "
      "Caribbean, with ticket sizes of USD 250,000 to 2 million.</p>",
      "Diego Vargas", "Partner", "es en"),
    # Asia
    O("xinneng", "Shenzhen Xinneng Battery Recycling Co., Ltd.", "large", "CN", "Shenzhen",
      "<p>Battery recycler and second-life storage integrator processing 40,000 tonnes of "
      "lithium-ion batteries a year.</p>",
      "Li Wei", "Overseas Business Manager", "zh en"),
    O("zjwater", "Zhejiang Institute of Water Resources Engineering", "research", "CN", "Hangzhou",
      "<p>Provincial research institute for water supply networks, flood control and rural "
      "wastewater treatment.</p>",
      "Chen Xiaoling", "Associate Professor", "zh en"),
    O("kansai", "Kansai Heat Pump Systems K.K.", "large", "JP", "Osaka",
      "<p>Manufacturer of heat pumps, industrial dryers and hydrogen equipment for buildings, "
      "food processing and transport.</p>",
      "Takeshi Yamamoto", "General Manager, Global Licensing", "ja en"),
    O("hanbit", "Hanbit Smart Energy Co.", "sme", "KR", "Daejeon",
      "<p>Korean developer of smart meters, power electronics and energy management software.</p>",
      "Park Ji-woo", "Senior Engineer", "ko en"),
    O("prakriti", "Prakriti Cleantech Pvt. Ltd.", "startup", "IN", "Bengaluru",
      "<p>Start-up building biogas, cold storage and electric mobility products for rural and "
      "peri-urban India.</p>",
      "Priya Raghavan", "Co-founder", "en hi kn ta"),
    O("deccan", "Deccan Institute of Science and Technology", "university", "IN", "Hyderabad",
      "<p>Research university with departments of materials science, civil engineering and "
      "public health.</p>",
      "Arjun Reddy", "Dean of Industry Collaboration", "en hi te"),
    O("sundarbans", "Sundarbans Climate Adaptation Centre", "ngo", "BD", "Khulna",
      "<p>NGO working with coastal communities in south-west Bangladesh on cyclone safety, "
      "drinking water and livelihoods.</p>",
      "Farhana Rahman", "Programme Director", "bn en"),
    O("mekong", "Mekong Delta Agro-Environment Institute", "research", "VN", "Cần Thơ",
      "<p>Research institute for rice, aquaculture and environmental technologies in the Mekong "
      "Delta.</p>",
      "Nguyễn Thị Lan", "Head of Technology Transfer", "vi en"),
    O("nusantara", "PT Nusantara Mangrove Lestari", "sme", "ID", "Makassar",
      "<p>Indonesian company restoring mangroves and seagrass and producing bio-based products "
      "with coastal communities.</p>",
      "Rizky Pratama", "Operations Director", "id en"),
    O("straits", "Straits Clean Tech Exchange", "intermediary", "SG", "Singapore",
      "<p>Technology transfer intermediary that scouts, vets and lists Singapore-developed clean "
      "technologies for deployment across Asia.</p>",
      "Tan Mei Ling", "Portfolio Manager", "en zh ms", partner=True),
    O("alnoor", "Al Noor Water Technologies LLC", "sme", "AE", "Abu Dhabi",
      "<p>Engineering company supplying solar desalination, water reuse and cooling solutions in "
      "the Gulf and North Africa.</p>",
      "Omar Al Mansouri", "Technical Director", "ar en"),
    O("steppe", "Steppe Wind Power JSC", "large", "KZ", "Astana",
      "<p>Wind farm developer and operator with 900 MW in operation in northern and central "
      "Kazakhstan.</p>",
      "Aigerim Nurlanovna", "Head of Engineering", "kk ru en"),
    O("visayas", "Visayas Island Power Cooperative", "ngo", "PH", "Iloilo",
      "<p>Electric cooperative supplying 180,000 member-consumers on islands of the western "
      "Visayas.</p>",
      "Maria Santos", "General Manager", "tl en"),
    O("negev", "Negev Membrane Technologies Ltd.", "startup", "IL", "Beersheba",
      "<p>Spin-off developing membranes and low-energy processes for desalination, water reuse "
      "and water-from-air.</p>",
      "Noa Levi", "Chief Executive Officer", "he en"),
    O("anadolu", "Anadolu Cement Innovation Centre", "large", "TR", "Ankara",
      "<p>Research and engineering centre of a Turkish cement group, working on low-carbon "
      "binders, kiln efficiency and recycled aggregates.</p>",
      "Mehmet Yılmaz", "Innovation Manager", "tr en"),
    O("siam", "Siam Bio-Circular Co., Ltd.", "sme", "TH", "Khon Kaen",
      "<p>Thai company turning cassava, sugar cane and rice residues into bioplastics, bio-based "
      "chemicals and energy.</p>",
      "Somchai Wongsakul", "Business Development Manager", "th en"),
    # Europe
    O("nordvind", "Nordvind Offshore Systems A/S", "large", "DK", "Esbjerg",
      "<p>Supplier of floating foundations, moorings and service solutions for offshore wind and "
      "marine energy.</p>",
      "Mette Sørensen", "Licensing Manager", "da en", partner=True),
    O("rheinneckar", "Rhein-Neckar Institute for Grid Integration", "research", "DE", "Mannheim",
      "<p>Applied research institute for power electronics, grid integration of renewables and "
      "thermal storage.</p>",
      "Jonas Becker", "Group Leader, Power Systems", "de en", partner=True),
    O("polder", "Polder Climate Adaptation B.V.", "sme", "NL", "Delft",
      "<p>Dutch engineering SME for flood resilience, urban water and climate-proof buildings.</p>",
      "Sanne de Vries", "Senior Consultant", "nl en"),
    O("agrisol", "Agrisol Ibérica S.L.", "sme", "ES", "Murcia",
      "<p>Spanish developer of agrivoltaic installations and solar-powered irrigation for "
      "orchards and vegetable farms.</p>",
      "Lucía Fernández", "Project Director", "es en"),
    O("botnia", "Botnia Green Steel AB", "large", "SE", "Luleå",
      "<p>Steel company converting its plant to hydrogen direct reduction and electric "
      "furnaces.</p>",
      "Erik Lindqvist", "Technology Licensing Lead", "sv en"),
    O("neocore", "Néocore Énergie SAS", "startup", "FR", "Grenoble",
      "<p>Nuclear engineering start-up working on passive safety systems, fuel cladding and "
      "decommissioning tools for small modular reactors.</p>",
      "Camille Laurent", "Chief Engineer", "fr en"),
    O("thames", "Thames Circular Economy Partnership", "intermediary", "GB", "London",
      "<p>Partnership of councils, universities and companies that lists and brokers circular "
      "economy and low-carbon technologies from across the UK.</p>",
      "Oliver Bennett", "Programme Manager", partner=True),
    O("kuusi", "Kuusi Forest Analytics Oy", "startup", "FI", "Joensuu",
      "<p>Finnish start-up using remote sensing and low-power sensors for forest inventory, fire "
      "detection and timber construction.</p>",
      "Aino Virtanen", "Chief Operating Officer", "fi sv en"),
    O("katowice", "Katowice Municipal Heating Utility", "government", "PL", "Katowice",
      "<p>Municipal district heating company supplying 70,000 households, currently "
      "coal-fired.</p>",
      "Tomasz Nowak", "Head of Investment Planning", "pl en"),
    O("fjord", "Fjord Electric Ferries AS", "sme", "NO", "Bergen",
      "<p>Designer and operator of battery-electric and hybrid ferries and their charging "
      "systems.</p>",
      "Ingrid Haugen", "Technical Manager", "no en"),
    # Oceania
    O("southerncross", "Southern Cross Renewables Pty Ltd", "sme", "AU", "Adelaide",
      "<p>Australian renewable energy developer and integrator for remote communities, mines "
      "and farms.</p>",
      "Liam O'Connor", "Engineering Manager", partner=True),
    O("aotearoa", "Aotearoa Agritech Research Trust", "research", "NZ", "Palmerston North",
      "<p>Research trust working on low-emission livestock farming, soil health and food "
      "processing.</p>",
      "Hemi Walker", "Research Leader", "en mi"),
    O("pacificenergy", "Pacific Islands Energy Resilience Office", "government", "FJ", "Suva",
      "<p>Regional government office supporting Pacific island states with renewable energy, "
      "resilient power and water supply.</p>",
      "Mereani Tuilagi", "Energy Adviser", "en fj"),
]

INVENTORS = [
    Inventor("chinedu", "Chinedu Okafor", "NG",
             "Mechanical engineer and inventor in Enugu working on cooking, cooling and "
             "recycling equipment for small businesses.", "en ig"),
    Inventor("lupita", "Guadalupe Hernández", "MX",
             "Independent inventor in Oaxaca, formerly an electrician with the state utility.",
             "es en"),
    Inventor("bikash", "Bikash Shrestha", "NP",
             "Hydropower technician who has built over forty micro-hydro plants in the hills of "
             "Nepal.", "ne en"),
    Inventor("sione", "Sione Fifita", "FJ",
             "Fisheries technician and maker based in Lautoka, building low-cost equipment for "
             "island communities.", "en to"),
]
