"""Demo technologies: recycling, organic waste and pollution control."""

from .schema import concept, v

CONCEPTS = [
    concept(
        "Y02W30 GI-WM-REUSE", "waste materials", (9, 12),
        "<p>Wind turbine blades are made of glass or carbon fibre composites that are hard to "
        "recycle, and tens of thousands are reaching the end of their life. Mechanical, thermal "
        "and chemical processes now recover fibres and resins for new products.</p>",
        ("On-site cutting to reduce transport",
         "Fibre recovery by pyrolysis or solvolysis",
         "Outlets in cement, panels and new composites"),
        v("Blade recycling into cement kiln feedstock", "nordvind", 9, "know_how",
          "Shredded blades co-processed in cement kilns, where the glass fibre replaces sand "
          "and clay and the resin provides fuel.",
          "<p>Listed by Nordvind with a Danish cement partner; 4,000 tonnes of blades are "
          "processed a year.</p>",
          "DE NL GB", avail=("technical-assistance",)),
        v("Solvolysis recovery of glass fibre from blades", "botnia", 6, "pending",
          "A chemical process that dissolves epoxy resin and recovers long glass fibres for "
          "reuse.",
          "<p>A pilot reactor at Luleå processes blades from a nearby wind farm being "
          "repowered.</p>",
          "FI NO", avail=("licence", "collaboration")),
        v("Blade sections reused as pedestrian bridges", "steppe", 7, "open",
          "Structural designs that reuse blade root sections as footbridges and shelters.",
          "<p>Two footbridges built near wind farms in Akmola region, designed with a local "
          "engineering university.</p>",
          "UZ MN", avail=("free",)),
    ),
    concept(
        "Y02W30 Y02P10 GI-WM-REUSE", "waste materials pollution", (9, 12),
        "<p>Hydrometallurgical recycling dissolves black mass from shredded lithium-ion batteries "
        "and recovers lithium, nickel, cobalt and manganese as battery-grade salts, with lower "
        "energy use and emissions than smelting.</p>",
        ("Safe discharge and shredding under inert gas",
         "Leaching and solvent extraction",
         "Recovery rates above 95 % for nickel and cobalt"),
        v("Battery-grade recovery of lithium and nickel", "xinneng", 9, "patented",
          "A leaching and extraction line that produces battery-grade lithium carbonate and "
          "nickel sulphate from used cells.",
          "<p>Processes 40,000 tonnes of batteries a year in Guangdong; licences offered for "
          "plants abroad.</p>",
          "VN TH ID IN", avail=("licence", "joint-venture")),
        v("Mobile battery discharge and shredding unit", "xinneng", 8, "patented",
          "A trailer-mounted unit that safely discharges and shreds batteries near collection "
          "points, shipping black mass instead of hazardous packs.",
          "<p>Four units operate in southern China, cutting the number of hazardous transport "
          "trips.</p>",
          "MY"),
        v("Direct lithium recovery from battery leachate", "andes", 5, "pending",
          "A selective sorbent developed for Atacama brines that also recovers lithium from "
          "recycling leachate.",
          "<p>Laboratory results show 90 % lithium recovery; the university seeks recycling "
          "partners.</p>",
          "AR BO", avail=("licence", "collaboration")),
    ),
    concept(
        "Y02W30 GI-WM-REUSE", "waste materials greenhouse-gases", (12, 14),
        "<p>Enzymatic recycling breaks PET plastics into their building blocks, which can be "
        "purified and made into new bottles or fibres of virgin quality. It handles coloured and "
        "mixed PET that mechanical recycling cannot.</p>",
        ("Engineered enzymes working at 60–70 °C",
         "Accepts coloured bottles, trays and textiles",
         "Monomers repolymerised into food-grade PET"),
        v("Enzymatic recycling of PET textiles", "thames", 6, "pending",
          "A process that recovers PET monomers from polyester clothing and separates "
          "cotton.",
          "<p>Listed by Thames for a Leeds spin-out running a 100 kg/day pilot.</p>",
          "BD IN"),
        v("Enzyme production from cassava waste", "siam", 5, "pending",
          "Low-cost production of PET-degrading enzymes by fermenting cassava pulp left over "
          "from starch factories.",
          "<p>A pilot fermenter in Khon Kaen produces enzyme for recycling trials with a "
          "bottle collector.</p>",
          "VN"),
        v("PET depolymerisation for mixed bottle waste", "deccan", 4, "patented",
          "A combined glycolysis and enzyme process that breaks down mixed and coloured PET "
          "bottle waste.",
          "<p>Proven at laboratory scale at the university, which offers licences to "
          "recyclers.</p>",
          "", avail=("licence",)),
    ),
    concept(
        "Y02W90 GI-WM-REUSE", "waste materials biodiversity", (12, 14),
        "<p>Bioplastics made from starch, sugars or seaweed can replace single-use plastics in "
        "packaging, bags and agricultural films, and break down by composting at the end of "
        "life instead of persisting for centuries.</p>",
        ("Certified compostable to recognised standards",
         "Processed on existing film and moulding machines",
         "Made from local crops and residues"),
        v("Cassava-based compostable carrier bags", "siam", 9, "patented",
          "Carrier and produce bags from cassava starch that compost in twelve weeks.",
          "<p>Sold to supermarket chains in Thailand and Vietnam, made from starch bought from "
          "Isan farmers.</p>",
          "VN KH LA"),
        v("Seaweed packaging for street food vendors", "nusantara", 7, "pending",
          "Edible and compostable cups and wraps made from farmed seaweed.",
          "<p>Produced with seaweed farmers in South Sulawesi and tested by vendors in "
          "Makassar.</p>",
          "PH MY",
          status="submitted"),
        v("Biodegradable mulch film from sugar cane", "cerrado", 7, "pending",
          "Mulch film for vegetables that breaks down in the soil after harvest.",
          "<p>Field trials in Goiás tomato farms; it removes the need to collect and burn "
          "plastic mulch.</p>",
          "AR PY"),
    ),
    concept(
        "Y02W30 Y02P60 GI-WM-DISP", "waste greenhouse-gases livelihoods", (2, 8, 12),
        "<p>Black soldier fly larvae eat food and market waste and turn it into protein for "
        "animal feed and a rich fertiliser in about two weeks. Keeping organic waste out of "
        "dumpsites avoids methane, and the larvae replace imported fishmeal and soy.</p>",
        ("Rearing units for 1 to 20 tonnes of waste a day",
         "Dried larvae and frass fertiliser as products",
         "Hygiene and odour control approved for feed use"),
        v("Insect protein from market waste for poultry farmers", "sunfield", 8, "know_how",
          "A larvae farm fed with fruit and vegetable waste from Nakuru's market, selling dried "
          "larvae to poultry farmers.",
          "<p>Processes eight tonnes of waste a day and employs 22 young people; Sunfield offers "
          "the design to county governments.</p>",
          "UG TZ RW", avail=("technical-assistance", "joint-venture")),
        v("Black soldier fly larvae for catfish and shrimp feed", "mekong", 7, "pending",
          "A feed formulation that replaces half of the fishmeal in catfish and shrimp feed "
          "with larvae grown on brewery and market waste.",
          "<p>Feeding trials at the institute's Cần Thơ ponds showed growth equal to commercial "
          "feed.</p>",
          "KH TH"),
        v("Containerised insect farms for food courts", "straits", 8, "know_how",
          "Climate-controlled containers that turn food-court waste into larvae and fertiliser "
          "on site.",
          "<p>Listed by Straits for a Singapore start-up; four containers run at hawker centres "
          "and a hospital.</p>",
          "MY"),
    ),
    concept(
        "Y02W30 GI-WM-DISP", "waste greenhouse-gases", (11, 12),
        "<p>Organic waste is often half of what cities collect. Composting it close to where it "
        "arises, in enclosed vessels or well-managed windrows, avoids methane from dumpsites and "
        "returns nutrients to farms and parks.</p>",
        ("Enclosed vessels or aerated windrows",
         "Temperature monitoring to destroy pathogens",
         "Compost quality testing for sale"),
        v("In-vessel composter for vegetable markets", "prakriti", 8, "know_how",
          "A rotating drum composter that processes two tonnes of market waste a day in an "
          "enclosed, odour-controlled unit.",
          "<p>Six units run at Bengaluru markets, selling compost to urban gardeners and nearby "
          "farms.</p>",
          "LK NP"),
        v("Community composting run by women's groups", "sahel", 9, "open",
          "A neighbourhood composting model in which women's groups collect household waste by "
          "donkey cart and sell compost to market gardens.",
          "<p>Running in twelve towns in Senegal, with a training guide in French and Wolof.</p>",
          "ML BF GN", avail=("free", "technical-assistance")),
        v("Aerated windrow composting for council garden waste", "thames", 9, "know_how",
          "Covered, forced-aeration windrows that compost garden and food waste in eight weeks "
          "with low odour.",
          "<p>Listed by Thames; used by three councils in the south-east of England.</p>",
          "IE"),
    ),
    concept(
        "GI-WM-POLL Y02P40", "pollution health greenhouse-gases", (3, 8, 11),
        "<p>Traditional brick kilns burn coal and wood inefficiently and are a major source of "
        "black carbon and fine particles in South Asia. Zig-zag firing and simple scrubbers cut "
        "fuel use by a fifth and particle emissions by more than half.</p>",
        ("Zig-zag air path for more complete combustion",
         "Low-cost wet scrubbers and settling chambers",
         "Training for kiln owners and firemen"),
        v("Zig-zag conversion of brick kilns", "sundarbans", 9, "open",
          "A conversion design and training programme that turns fixed-chimney kilns into "
          "zig-zag kilns.",
          "<p>Used by 120 kilns around Khulna and Jessore, which saved fuel and passed new "
          "emission checks.</p>",
          "IN NP PK", avail=("free", "technical-assistance")),
        v("Wet scrubber for small brick and lime kilns", "deccan", 7, "pending",
          "A water-curtain scrubber built from local materials that captures soot and ash from "
          "kiln chimneys.",
          "<p>Tested at four kilns near Hyderabad, removing 70 % of fine particles.</p>",
          "BD NP"),
        v("Tunnel dryer for bricks using kiln waste heat", "mekong", 7, "know_how",
          "A drying tunnel that uses exhaust heat from kilns to dry green bricks in the rainy "
          "season.",
          "<p>Installed in two brickyards in Vĩnh Long, reducing losses from wet bricks.</p>",
          "KH LA"),
    ),
    concept(
        "GI-WM-POLL Y02W30", "pollution biodiversity waste", (6, 14),
        "<p>Most ocean plastic reaches the sea through rivers and drains. Catching it at the "
        "mouth of canals and rivers, before it spreads, is far cheaper than cleaning beaches or "
        "the open sea.</p>",
        ("Floating booms and trash traps for rivers and drains",
         "Designed to let boats and fish pass",
         "Sorting and recycling of the catch"),
        v("River plastic interception booms for estuaries", "nusantara", 8, "know_how",
          "Angled floating booms that guide plastic to a collection point without blocking "
          "boats.",
          "<p>Installed on three rivers around Makassar, catching 40 tonnes of waste a year.</p>",
          "PH MY"),
        v("Gully traps for storm drains on island towns", "caribres", 8, "open",
          "Removable baskets in storm drains that keep plastic out of harbours.",
          "<p>Used in Kingston and Montego Bay by municipal crews.</p>",
          "TT BS", avail=("free",)),
        v("Community trash traps for canals", "visayas", 7, "know_how",
          "Bamboo and net traps built by barangay volunteers for canals.",
          "<p>Twenty traps in Iloilo; the cooperative pays for collected plastic.</p>",
          "ID"),
    ),
]
