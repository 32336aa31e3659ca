"""Demo technologies: farming, food, soils and forests."""

from .schema import concept, v

CONCEPTS = [
    concept(
        "Y02P60 Y02A40 GI-AEP-SOL", "energy waste livelihoods greenhouse-gases", (1, 2, 7, 12),
        "<p>Up to 40 % of fruit and vegetables in hot countries spoil between farm and market. "
        "Solar-powered cold rooms near farms keep produce fresh for days or weeks, so farmers can "
        "wait for better prices instead of selling at harvest.</p>",
        ("Thermal storage so cooling continues overnight",
         "Pay-per-crate pricing for farmers",
         "Remote temperature and door monitoring"),
        v("Pay-per-crate solar cold rooms for farm markets", "prakriti", 9, "patented",
          "Walk-in solar cold rooms at rural markets where farmers rent space by the crate per "
          "day, paid by mobile phone.",
          "<p>Forty-five cold rooms operate in Karnataka and Telangana, each storing three "
          "tonnes and serving about 200 farmers.</p>",
          "NP BD KE", avail=("sale", "joint-venture")),
        v("Solar cold storage for fish landing sites", "mekong", 7, "pending",
          "A solar ice maker and insulated store at fishing wharves, replacing diesel ice "
          "plants.",
          "<p>Two sites in Kiên Giang province supply ice to 150 small boats; the institute is "
          "refining the ice-bank design.</p>",
          "KH MM"),
        v("Solar milk chilling at collection points", "sunfield", 8, "know_how",
          "A 500-litre milk cooler running on solar power with an ice bank, so evening milk "
          "reaches the dairy fresh.",
          "<p>Used at 30 collection points of dairy groups in Nyandarua, cutting milk rejected "
          "for souring from 12 % to under 2 %.</p>",
          "TZ UG RW",
          status="submitted"),
    ),
    concept(
        "Y02P60 GI-AEP-SOL", "energy livelihoods waste", (2, 7, 12),
        "<p>Solar dryers protect crops from dust, insects and rain while drying them faster than "
        "open sun. Good designs keep air moving and temperatures controlled so that dried fruit, "
        "grain and spices meet export quality standards.</p>",
        ("Greenhouse or cabinet design with chimney or fan",
         "Food-grade trays and insect screens",
         "Optional backup heater for cloudy days"),
        v("Tunnel solar dryer for dates and figs", "atlas", 9, "know_how",
          "A polycarbonate tunnel dryer with PV-powered fans that dries two tonnes of fruit per "
          "batch.",
          "<p>Used by oasis cooperatives around Zagora and Errachidia to sell dried dates and "
          "figs to supermarkets.</p>",
          "TN DZ MR"),
        v("Solar dryers for mango and onion", "sahel", 9, "open",
          "Wood-and-plastic cabinet dryers built by village carpenters for mango, onion and "
          "okra.",
          "<p>More than 1,400 dryers in Senegal and Mali, mostly run by women's groups that sell "
          "dried mango to Dakar.</p>",
          "ML BF GN", avail=("free", "technical-assistance")),
        v("Hybrid solar–biomass dryer for rice and coffee", "mekong", 7, "pending",
          "A dryer that uses solar heat by day and a rice husk burner at night.",
          "<p>Piloted with a rice cooperative in Sóc Trăng and a coffee group in Đắk Lắk.</p>",
          "LA KH"),
    ),
    concept(
        "Y02P60 GI-AF-PEST", "health biodiversity pollution", (2, 3, 12, 15),
        "<p>Microbial biopesticides use naturally occurring bacteria, fungi and viruses to control "
        "specific pests and diseases. They leave no harmful residues, spare pollinators and "
        "natural enemies, and slow the build-up of resistance.</p>",
        ("Registered strains with known host range",
         "Formulations with long shelf life in the tropics",
         "Compatible with integrated pest management"),
        v("Bacillus-based biofungicide for soybean", "cerrado", 9, "patented",
          "A Bacillus formulation that controls soybean root and leaf diseases, applied as a "
          "seed treatment or spray.",
          "<p>Used on 1.2 million hectares in Brazil's Cerrado.</p>",
          "PY BO AR", avail=("licence", "distribution")),
        v("Beauveria biological insecticide for coffee borer", "cerrado", 9, "patented",
          "A fungal insecticide for the coffee berry borer, produced on rice in Goiânia.",
          "<p>Registered in Brazil; coffee cooperatives in Minas Gerais use it in place of "
          "endosulfan.</p>",
          "CO PE HN"),
        v("Neem and Trichoderma biopesticide for cotton", "deccan", 7, "pending",
          "A combined botanical and fungal product for cotton pests.",
          "<p>Field trials with 500 farmers in Telangana cut chemical sprays by half.</p>",
          "PK BD"),
    ),
    concept(
        "GI-AF-PEST Y02P60", "biodiversity health", (2, 15),
        "<p>Biological control uses natural enemies, pheromones and traps to manage pests. "
        "Pheromone mating disruption confuses male insects so they cannot find females, "
        "protecting orchards and fields without insecticides.</p>",
        ("Species-specific pheromone dispensers",
         "Mass-reared predators and parasitoids",
         "Monitoring traps to time releases"),
        v("Pheromone mating disruption for sugarcane borer", "cerrado", 8, "patented",
          "Biodegradable pheromone dispensers that protect sugarcane from the stem borer for "
          "a whole season.",
          "<p>Applied by drone on 40,000 hectares in Goiás.</p>",
          "PY CO"),
        v("Parasitoid wasps for kiwifruit pests", "aotearoa", 8, "know_how",
          "Mass-rearing and release of parasitoid wasps for leafroller caterpillars in "
          "orchards.",
          "<p>Released in Bay of Plenty kiwifruit orchards for six seasons.</p>",
          "AU CL"),
        v("Light traps for rice planthoppers", "mekong", 8, "open",
          "Solar light traps that catch planthoppers and record numbers for regional forecasts.",
          "<p>More than 500 traps in the Mekong Delta feed a weekly pest bulletin for "
          "farmers.</p>",
          "KH LA", avail=("free",)),
    ),
    concept(
        "GI-AF-SOIL Y02P60 Y02C20", "greenhouse-gases water materials", (2, 13, 15),
        "<p>Biochar made from crop residues by pyrolysis stores carbon for centuries when added to "
        "soil. On poor, acid or sandy soils it can also hold water and nutrients and improve "
        "yields, especially when charged with compost or manure first.</p>",
        ("Low-emission kilns for residues",
         "Biochar blended with compost or manure",
         "Carbon removal credits for stored carbon"),
        v("Biochar from corn stover with carbon credits", "prairie", 8, "know_how",
          "A mobile pyrolysis unit that converts corn stover on farms into biochar and sells "
          "carbon removal credits.",
          "<p>Twelve farms in Nebraska take part; biochar goes back on their own fields.</p>",
          "CA"),
        v("Flame-cap kilns for farmer-made biochar", "sahel", 9, "open",
          "A simple cone kiln that farmers use to make biochar from millet stalks and shrubs.",
          "<p>Two thousand farmers in the Peanut Basin have used it in zaï planting pits.</p>",
          "ML BF NE", avail=("free",)),
        v("Biochar-compost blend for vineyards", "aotearoa", 7, "pending",
          "A co-composted biochar product for vineyards and orchards that improves water "
          "holding in stony soils.",
          "<p>Three-year trials in Marlborough vineyards show better soil moisture in dry "
          "summers.</p>",
          "AU"),
    ),
    concept(
        "Y02P60 GI-AF-SOIL", "greenhouse-gases water pollution", (2, 6, 13),
        "<p>Nitrogen fertiliser is a large source of nitrous oxide and water pollution. Precision "
        "application and nitrification inhibitors keep nitrogen in the root zone longer, so "
        "farmers can use less and lose less.</p>",
        ("Variable-rate maps from satellite imagery",
         "Inhibitor-coated fertiliser",
         "Nitrogen budgets per field"),
        v("Variable-rate nitrogen for maize from satellite maps", "pampa", 9, "know_how",
          "A service that turns satellite crop maps into variable-rate fertiliser "
          "prescriptions.",
          "<p>Used on 300,000 hectares in Santa Fe and Córdoba.</p>",
          "UY PY BR"),
        v("Nitrification inhibitor for pasture", "aotearoa", 7, "patented",
          "A spray that slows the conversion of urine nitrogen in grazed pasture.",
          "<p>Farm trials reduced nitrate leaching by a third.</p>",
          "IE GB"),
        v("Biological nitrogen fixation inoculant for maize", "cerrado", 8, "patented",
          "A bacterial inoculant that supplies part of maize's nitrogen.",
          "<p>Used on 800,000 hectares of second-crop maize in Brazil.</p>",
          "PY"),
    ),
    concept(
        "Y02P60 Y02C20", "greenhouse-gases livelihoods", (2, 13),
        "<p>Cattle and sheep belch methane produced by microbes in the rumen. Feed additives such "
        "as red seaweed, essential oils or synthetic inhibitors reduce this methane; the hard part "
        "is delivering them to animals that graze rather than eat from a feed trough.</p>",
        ("Feed blocks or boluses for grazing animals",
         "Methane reduction measured in respiration chambers",
         "No residues in milk or meat"),
        v("Slow-release methane inhibitor bolus for grazing cattle", "aotearoa", 5, "patented",
          "A rumen bolus that releases a methane inhibitor steadily for about 100 days, "
          "designed for animals on pasture all year.",
          "<p>Pen trials with dairy heifers in the Manawatū show methane reduced by around "
          "30 %; the trust seeks a manufacturing and registration partner.</p>",
          "AU IE UY", avail=("licence", "collaboration")),
        v("Red seaweed supplement for feedlot rations", "pampa", 6, "pending",
          "A dried seaweed premix that feedlots blend into rations to reduce enteric methane.",
          "<p>Trialled in two of the group's feedlots in Santa Fe, where methane measured with "
          "open-path lasers fell by more than a third without loss of weight gain.</p>",
          "UY BR"),
        v("Methane-reducing lick blocks for smallholder dairy cows", "kilimo", 6, "open",
          "Molasses lick blocks containing leaves of local tannin-rich shrubs, made by "
          "cooperative members.",
          "<p>Members of the cooperative are testing them with support from a university "
          "partner; early results suggest better milk yield as well as lower methane.</p>",
          "KE UG", avail=("free",)),
    ),
    concept(
        "Y02P60 GI-AF-IRR", "water greenhouse-gases", (2, 6, 13),
        "<p>Rice paddies that are kept flooded emit methane. Alternate wetting and drying lets "
        "fields dry out between irrigations, cutting methane by a third to a half and saving "
        "water, without lowering yields when done correctly.</p>",
        ("Field water tubes or sensors to decide when to irrigate",
         "Training for farmers and irrigation groups",
         "Carbon credit methodology support"),
        v("Water-level sensors for alternate wetting and drying", "mekong", 8, "patented",
          "Low-cost paddy water-level sensors that send a message when a field should be "
          "re-flooded.",
          "<p>Used by 3,000 farmers in An Giang, who cut pumping hours by a quarter while "
          "keeping yields.</p>",
          "KH PH TH"),
        v("Alternate wetting and drying for saline coastal rice", "sundarbans", 8, "open",
          "Field tubes, training and a calendar adapted to coastal polders, where irrigation "
          "depends on tides and salinity.",
          "<p>Farmer field schools have brought the practice to 5,000 hectares in Khulna "
          "division.</p>",
          "IN MM", avail=("free", "technical-assistance")),
        v("Rice mill carbon programme for alternate wetting and drying", "siam", 7, "know_how",
          "A programme in which rice mills recruit and pay farmers for verified water "
          "management, financed by carbon credits.",
          "<p>Piloted with a mill in Khon Kaen and 600 farming families.</p>",
          "LA KH"),
    ),
    concept(
        "GI-AF-FOR Y02A40", "biodiversity greenhouse-gases livelihoods", (13, 15),
        "<p>Drones can sow seed pods over burned, steep or degraded land far faster than planting "
        "by hand. Seeds coated with nutrients and protective clay are dropped on micro-sites "
        "where soil and moisture give them the best chance.</p>",
        ("Seed pods of native species, coated against predators",
         "Mapping of suitable micro-sites from drone imagery",
         "Survival monitoring in the following seasons"),
        v("Drone seeding for boreal forest after fires", "kuusi", 8, "know_how",
          "Drone sowing of pine and birch on burned or storm-damaged forest land that machines "
          "cannot reach.",
          "<p>Used on 1,800 hectares in Finland and Sweden; survival counts are reported to "
          "forest owners after two summers.</p>",
          "SE CA NO"),
        v("Drone seeding for highland watersheds", "bluenile", 6, "open",
          "Seed pods of acacia and native grasses dropped on eroded slopes above Lake Tana.",
          "<p>Student-built drones sow pods prepared by community nurseries; first trials show "
          "good germination after the main rains.</p>",
          "KE ER", avail=("free", "collaboration")),
        v("Direct seeding mixes for Cerrado savanna restoration", "cerrado", 7, "know_how",
          "Seed mixes of native grasses, shrubs and trees for restoring savanna by direct "
          "sowing instead of nursery seedlings.",
          "<p>Used on 2,000 hectares of degraded pasture in Goiás, collected by community seed "
          "networks.</p>",
          "BO PY"),
    ),
    concept(
        "GI-AF-SOIL Y02A40", "water resilience livelihoods", (2, 13, 15),
        "<p>Capturing rain where it falls is the cheapest way to protect crops from dry spells. "
        "Water-retaining amendments and planting pits hold water in the root zone and release it "
        "slowly to plants, and bio-based products break down harmlessly in the soil.</p>",
        ("Applied at planting, by hand or with a planter",
         "Bio-based materials that biodegrade within two seasons",
         "Tested on sandy and degraded soils"),
        v("Cassava-starch hydrogel for seedlings and transplants", "cerrado", 7, "pending",
          "An absorbent gel from cassava starch that holds up to 200 times its weight in water "
          "around seedling roots.",
          "<p>Trials with eucalyptus and coffee transplants in Goiás reduced replanting after "
          "dry spells by half.</p>",
          "PY CO"),
        v("Zaï pits and half-moons for degraded farmland", "sahel", 9, "open",
          "Planting pits and crescent bunds that capture runoff and concentrate manure, bringing "
          "crusted land back into production.",
          "<p>Farmers in more than 300 villages use the method with the network's trainers; "
          "millet yields on restored plots often double.</p>",
          "NE BF ML TD", avail=("free", "technical-assistance")),
        v("Soil moisture amendment from cassava peels", "chinedu", 5, "pending",
          "A granular amendment made from fermented cassava peels that improves water holding in "
          "sandy soils.",
          "<p>Its inventor is testing it with maize farmers near Enugu and is looking for a "
          "partner to run replicated trials.</p>",
          "GH BJ", avail=("collaboration",)),
    ),
    concept(
        "Y02A40 Y02P60", "water livelihoods waste", (2, 6, 11),
        "<p>Aquaponics raises fish and vegetables together in a recirculating system: fish waste "
        "feeds the plants, and the plants clean the water for the fish. It uses around a tenth of "
        "the water of soil farming and works on roofs, in deserts and on poor soils.</p>",
        ("Recirculating tanks, biofilters and grow beds",
         "Fish and crop combinations chosen for the climate",
         "Low-power pumps that can run on solar"),
        v("Rooftop aquaponics farms for dense cities", "straits", 9, "know_how",
          "Modular rooftop farms growing leafy greens and tilapia on car-park and mall roofs.",
          "<p>Listed by Straits for a Singapore urban farming company that runs six rooftops and "
          "supplies supermarkets directly.</p>",
          "MY HK"),
        v("Climate-controlled aquaponics for desert farms", "alnoor", 8, "know_how",
          "Insulated greenhouses with evaporative cooling and aquaponics for year-round "
          "vegetables and fish.",
          "<p>Two farms near Al Ain produce 150 tonnes of vegetables a year using 90 % less "
          "water than open fields.</p>",
          "SA QA OM"),
        v("Backyard aquaponics for atoll households", "sione", 7, "open",
          "A small aquaponics unit from recycled drums for households on atolls where soil is "
          "thin and salty.",
          "<p>Its inventor has built 40 units with families in Fiji and Tonga and shares the "
          "design freely.</p>",
          "TO KI TV", avail=("free",)),
    ),
    concept(
        "Y02A90", "resilience livelihoods", (2, 13),
        "<p>Dense networks of automatic weather stations give farmers, insurers and forecasters "
        "the local data that national networks lack. Low-cost solar-powered stations make it "
        "possible to place them in every irrigation district or valley.</p>",
        ("Solar-powered with cellular or satellite data link",
         "Temperature, rain, humidity, wind and radiation",
         "Open data feeds for forecasters and insurers"),
        v("Low-cost weather stations for irrigation districts", "niledelta", 8, "open",
          "A station design built from off-the-shelf sensors that feeds irrigation scheduling "
          "and heat-stress warnings.",
          "<p>Fifty stations operate in the Delta; the design and firmware are published.</p>",
          "SD JO", avail=("free", "technical-assistance")),
        v("High-altitude weather stations for glacier valleys", "andes", 8, "know_how",
          "Stations built for snow, wind and 5,000 m altitude that feed water-supply "
          "forecasts for mining towns and farms.",
          "<p>Twenty stations in the Andes of the Antofagasta region report every ten "
          "minutes.</p>",
          "PE BO AR"),
    ),
    concept(
        "Y02A20 Y02W10", "water energy", (6, 11),
        "<p>Greywater from showers, basins and laundries is lightly polluted and can be treated "
        "on site for toilet flushing and irrigation, cutting mains water demand in buildings by "
        "30–40 %.</p>",
        ("Filtration and biological treatment in a compact unit",
         "UV disinfection before reuse",
         "Separate, clearly marked pipework"),
        v("Greywater recycling for hotels and resorts", "alnoor", 9, "know_how",
          "A packaged plant that treats shower and laundry water from hotels for toilet flushing "
          "and landscape irrigation.",
          "<p>Installed in 25 hotels in the Emirates and Oman, each saving 20–80 m³ of "
          "desalinated water a day.</p>",
          "OM QA"),
        v("Greywater reuse for apartment blocks", "polder", 8, "know_how",
          "A basement unit that treats greywater from 50 to 200 apartments for toilet flushing.",
          "<p>Used in new housing in Amsterdam and Utrecht where the water company offers a "
          "lower connection charge.</p>",
          "BE DE"),
        v("Greywater gardens for desert schools", "andes", 7, "open",
          "A simple reed-bed filter that turns school washbasin water into irrigation for "
          "school gardens.",
          "<p>Built with students at twelve schools in Antofagasta and Calama.</p>",
          "PE BO", avail=("free",)),
    ),
]
