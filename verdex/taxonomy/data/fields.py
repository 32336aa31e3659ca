"""Technology fields: CPC Y02/Y04S main groups and IPC Green Inventory topics.

Class titles are shortened paraphrases of the public CPC scheme (EPO/USPTO) and
the WIPO IPC Green Inventory; the codes are the official ones for CPC and our
own ``GI-`` codes for the Green Inventory domains, which have no codes of their own.
"""

CPC = [
    ("Y02A", "Adaptation to climate change", [
        ("Y02A10", "Coastal zones and river basins"),
        ("Y02A20", "Water conservation and efficient water supply and use"),
        ("Y02A30", "Adapting or protecting infrastructure"),
        ("Y02A40", "Adaptation in agriculture, forestry, livestock and food production"),
        ("Y02A50", "Human health protection"),
        ("Y02A90", "Weather forecasting and climate monitoring"),
    ]),
    ("Y02B", "Buildings (mitigation)", [
        ("Y02B10", "Renewable energy integrated in buildings"),
        ("Y02B20", "Energy-efficient lighting"),
        ("Y02B30", "Energy-efficient heating, ventilation and air conditioning"),
        ("Y02B40", "Efficient home appliances"),
        ("Y02B50", "Efficient lifts, escalators and moving walkways"),
        ("Y02B70", "End-user electric power management"),
        ("Y02B80", "Building elements improving thermal performance"),
    ]),
    ("Y02C", "Capture, storage and disposal of greenhouse gases", [
        ("Y02C20", "Capture or disposal of CO2, methane, N2O and fluorinated gases"),
    ]),
    ("Y02D", "Information and communication technologies (mitigation)", [
        ("Y02D10", "Energy-efficient computing"),
        ("Y02D30", "Energy-saving communication networks"),
    ]),
    ("Y02E", "Energy generation, transmission and distribution", [
        ("Y02E10", "Renewable energy: solar, wind, hydro, ocean, geothermal"),
        ("Y02E20", "Combustion with mitigation potential (CHP, heat recovery)"),
        ("Y02E30", "Nuclear energy"),
        ("Y02E40", "Efficient power generation, transmission and distribution"),
        ("Y02E50", "Fuels of non-fossil origin: biofuels and waste-derived fuels"),
        ("Y02E60", "Enabling technologies: energy storage, hydrogen, smart grids"),
        ("Y02E70", "Other energy conversion or management systems"),
    ]),
    ("Y02P", "Production and processing of goods", [
        ("Y02P10", "Metal processing"),
        ("Y02P20", "Chemical and petrochemical industry"),
        ("Y02P40", "Mineral processing: cement, lime, glass, ceramics"),
        ("Y02P60", "Agriculture, livestock and food processing"),
        ("Y02P70", "Manufacturing of final products"),
        ("Y02P80", "Sector-wide applications (cogeneration, industrial heat)"),
        ("Y02P90", "Enabling technologies for production"),
    ]),
    ("Y02T", "Transportation (mitigation)", [
        ("Y02T10", "Road transport: efficient engines, electric and hybrid vehicles"),
        ("Y02T30", "Rail transport"),
        ("Y02T50", "Aviation"),
        ("Y02T70", "Maritime and inland waterway transport"),
        ("Y02T90", "Enabling technologies: charging and hydrogen infrastructure"),
    ]),
    ("Y02W", "Wastewater treatment and waste management", [
        ("Y02W10", "Wastewater treatment"),
        ("Y02W30", "Solid waste management, recycling and composting"),
        ("Y02W90", "Bio-based and biodegradable products"),
    ]),
    ("Y04S", "Smart grids", [
        ("Y04S10", "Supporting power generation, transmission and distribution"),
        ("Y04S20", "End-user stationary applications management"),
        ("Y04S40", "Communication and information technology for grids"),
        ("Y04S50", "Energy markets and trading"),
    ]),
]

GREEN_INVENTORY = [
    ("GI-AEP", "Alternative energy production", [
        ("GI-AEP-BIO", "Bio-fuels"),
        ("GI-AEP-FC", "Fuel cells"),
        ("GI-AEP-GAS", "Pyrolysis and gasification of biomass"),
        ("GI-AEP-WTE", "Energy from waste"),
        ("GI-AEP-HYD", "Hydro energy"),
        ("GI-AEP-OCE", "Ocean energy"),
        ("GI-AEP-WND", "Wind energy"),
        ("GI-AEP-SOL", "Solar energy"),
        ("GI-AEP-GEO", "Geothermal energy"),
        ("GI-AEP-WH", "Use of waste heat"),
    ]),
    ("GI-TRA", "Transportation", [
        ("GI-TRA-VEH", "Hybrid and electric vehicles"),
        ("GI-TRA-RAIL", "Rail vehicles"),
        ("GI-TRA-MAR", "Marine vessel propulsion"),
    ]),
    ("GI-ECO", "Energy conservation", [
        ("GI-ECO-EST", "Storage of electrical energy"),
        ("GI-ECO-MEAS", "Measurement of electricity consumption"),
        ("GI-ECO-TST", "Storage of thermal energy"),
        ("GI-ECO-LIGHT", "Low-energy lighting"),
        ("GI-ECO-INS", "Thermal building insulation"),
    ]),
    ("GI-WM", "Waste management", [
        ("GI-WM-DISP", "Waste disposal and treatment"),
        ("GI-WM-REUSE", "Reuse of waste materials"),
        ("GI-WM-POLL", "Pollution control"),
    ]),
    ("GI-AF", "Agriculture and forestry", [
        ("GI-AF-FOR", "Forestry techniques"),
        ("GI-AF-IRR", "Alternative irrigation techniques"),
        ("GI-AF-PEST", "Alternatives to pesticides"),
        ("GI-AF-SOIL", "Soil improvement"),
    ]),
    ("GI-ARD", "Administrative, regulatory and design aspects", [
        ("GI-ARD-COM", "Commuting and teleworking"),
        ("GI-ARD-ETS", "Carbon and emissions trading"),
        ("GI-ARD-DES", "Static structure design"),
    ]),
    ("GI-NPG", "Nuclear power generation", [
        ("GI-NPG-ENG", "Nuclear engineering"),
    ]),
]

SDGS = [
    (1, "No poverty"),
    (2, "Zero hunger"),
    (3, "Good health and well-being"),
    (4, "Quality education"),
    (5, "Gender equality"),
    (6, "Clean water and sanitation"),
    (7, "Affordable and clean energy"),
    (8, "Decent work and economic growth"),
    (9, "Industry, innovation and infrastructure"),
    (10, "Reduced inequalities"),
    (11, "Sustainable cities and communities"),
    (12, "Responsible consumption and production"),
    (13, "Climate action"),
    (14, "Life below water"),
    (15, "Life on land"),
    (16, "Peace, justice and strong institutions"),
    (17, "Partnerships for the goals"),
]

BENEFITS = [
    ("greenhouse-gases", "Greenhouse gas reduction"),
    ("energy", "Energy savings"),
    ("water", "Water savings and quality"),
    ("pollution", "Less air, soil or water pollution"),
    ("waste", "Less waste"),
    ("biodiversity", "Biodiversity"),
    ("health", "Health and safety"),
    ("resilience", "Climate resilience"),
    ("materials", "Resource and material efficiency"),
    ("livelihoods", "Jobs and livelihoods"),
]

ARRANGEMENTS = [
    ("licence", "Licence"),
    ("sale", "Sale or assignment"),
    ("joint-venture", "Joint venture"),
    ("collaboration", "Collaboration or joint R&D"),
    ("distribution", "Distribution or reseller"),
    ("free", "Free or open access"),
    ("technical-assistance", "Technical assistance or consultancy"),
]
