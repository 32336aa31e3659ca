"""Demo technologies: renewable generation, storage, hydrogen, bioenergy, nuclear."""

from .schema import concept, v

CONCEPTS = [
    concept(
        "Y02E10 GI-AEP-SOL Y02P60", "energy greenhouse-gases water livelihoods", (2, 7, 13),
        "<p>Agrivoltaic systems raise solar modules high enough for tractors and pickers to pass "
        "underneath, so one plot yields both electricity and crops. Partial shade lowers leaf "
        "temperature and evaporation, which in hot, dry summers often protects yields rather than "
        "reducing them.</p>",
        ("Module spacing and tilt tuned to the light needs of each crop",
         "Structures compatible with hail nets, drip lines and farm machinery",
         "Yield and microclimate monitoring to show the effect on the crop"),
        v("Elevated agrivoltaic canopy for stone-fruit orchards", "agrisol", 9, "know_how",
          "Semi-transparent solar canopies over peach and apricot orchards that double as hail "
          "protection and cut irrigation needs by about a fifth.",
          "<p>Agrisol has built 14 MW of orchard canopies in Murcia and Valencia, each sized so "
          "that growers keep their existing tree rows and harvest platforms.</p>",
          "PT FR IT MA", avail=("joint-venture", "technical-assistance")),
        v("Single-axis tracking agrivoltaics for grazing land", "southerncross", 8, "know_how",
          "Trackers mounted 2.4 m high on sheep pasture that rotate to full shade in heat waves "
          "and to full sun on cloudy days.",
          "<p>Demonstrated on a 5 MW wool farm in South Australia, where shaded pasture stayed "
          "green three weeks longer than open paddocks during the 2023 summer.</p>",
          "NZ ZA"),
        v("Vertical bifacial solar fences for rice paddies", "hanbit", 7, "pending",
          "East–west facing bifacial panels in vertical rows that leave rice paddies open to "
          "machines and produce morning and evening peaks.",
          "<p>Hanbit's pilot in South Chungcheong uses 1.2 % of the paddy area for posts and "
          "gives farmers lease income without changing transplanting practice.</p>",
          "JP VN PH"),
    ),
    concept(
        "Y02E10 GI-AEP-SOL Y02A20", "energy water greenhouse-gases", (6, 7, 13),
        "<p>Floating photovoltaic plants sit on pontoons on reservoirs, ponds and lagoons. "
        "They use "
        "no farmland, run cooler than ground-mounted arrays and shade the water surface, which "
        "reduces evaporation and algal growth in drinking-water and irrigation reservoirs.</p>",
        ("HDPE floats anchored to the bank or bed, tolerant of level changes",
         "Cable routing and inverters designed for wet, corrosive conditions",
         "Water-quality monitoring during and after installation"),
        v("Floating solar for irrigation reservoirs in desert farms", "alnoor", 9, "know_how",
          "Modular floating arrays for lined irrigation ponds that power pumps and cut evaporation "
          "losses by up to 70 % of the covered area.",
          "<p>Al Noor installs 100 kW to 2 MW systems on date-palm and fodder farms, delivered "
          "flat-packed and assembled on the bank in a few days.</p>",
          "SA OM EG MA", avail=("sale", "technical-assistance")),
        v("Floating PV on aquaculture ponds", "zjwater", 7, "patented",
          "A floating array designed for fish and shrimp ponds that keeps aerators powered and "
          "leaves feeding lanes open.",
          "<p>Tested on 30 hectares of ponds in Huzhou, with shading kept below 40 % so water "
          "temperature and oxygen stay within the range the fish need.</p>",
          "VN TH BD ID"),
        v("Floating solar for mine-site water dams", "southerncross", 8, "know_how",
          "Floating PV designed for saline and acidic tailings or process-water dams on remote "
          "mine sites, reducing diesel generation.",
          "<p>A 1.5 MW array on a Western Australian gold mine supplies daytime load and has cut "
          "evaporation from the process-water dam.</p>",
          "CL PE ZA"),
    ),
    concept(
        "Y02E10 GI-AEP-SOL", "energy water materials", (6, 7, 9),
        "<p>Dust can cut the output of solar modules in deserts by 1 % per day. Waterless "
        "cleaning robots travel along each row at night with microfibre brushes or airflow, "
        "so plants avoid scarce water and manual labour.</p>",
        ("Battery-powered, charged by a small module on the robot",
         "Moves between rows on a docking trolley or by rail",
         "Reports module soiling and faults through a cloud dashboard"),
        v("Night-time waterless cleaning robot for utility solar rows", "alnoor", 9, "patented",
          "An autonomous brush robot that cleans 1.5 km of module rows per night without water.",
          "<p>Deployed on 600 MW of plants in the Gulf, with soiling losses kept below 2 %.</p>",
          "SA JO MA IN"),
        v("Electrostatic dust repelling film for solar modules", "atlas", 6, "pending",
          "A transparent electrode film that lifts dust off modules with a low-power electric "
          "field, for sites where robots are impractical.",
          "<p>Field trials in Ouarzazate since 2022 show two-thirds less soiling on treated "
          "modules than on untreated ones.</p>",
          "DZ TN EG"),
        v("Low-cost rooftop solar cleaning kit for small installers", "prakriti", 8, "open",
          "A manually driven, waterless brush trolley that a single technician can move across "
          "flat-roof arrays on schools and clinics.",
          "<p>Drawings and a bill of materials under 200 USD are published for local "
          "fabrication.</p>",
          "BD NP PK"),
    ),
    concept(
        "Y02E10 GI-AEP-SOL", "energy greenhouse-gases materials", (7, 9, 13),
        "<p>Perovskite–silicon tandem cells stack a thin perovskite layer on a silicon cell "
        "so that "
        "each absorbs a different part of the spectrum. Laboratory efficiencies above 30 % are now "
        "common; the remaining work is durability and scalable deposition.</p>",
        ("Perovskite layers deposited at low temperature",
         "Encapsulation tested to damp-heat and UV standards",
         "Compatible with existing silicon production lines"),
        v("Blade-coated perovskite top cells for silicon modules", "andes", 4, "patented",
          "A blade-coating process for perovskite top cells that reached 28 % efficiency on "
          "full-size wafers in the laboratory.",
          "<p>The university's solar centre is looking for a module manufacturer to scale the "
          "process; the Atacama test field offers outdoor data at very high irradiance.</p>",
          "", avail=("licence", "collaboration")),
        v("Moisture-stable perovskite encapsulation for humid climates", "deccan", 4, "pending",
          "An edge-sealing and barrier-film approach that kept tandem mini-modules above 90 % of "
          "initial output after 1,500 hours of damp heat.",
          "<p>Developed for the monsoon climates of South Asia, where most perovskite stability "
          "data from temperate labs does not apply.</p>",
          "BD LK"),
    ),
    concept(
        "Y02E10 Y02P80 GI-AEP-SOL", "energy greenhouse-gases pollution", (7, 9, 12),
        "<p>Concentrating solar collectors heat water, steam or thermal oil to between 100 and "
        "400 °C, which covers most of the process heat used by food, textile, chemical and mining "
        "industries. With a thermal store, they can supply heat into the evening and replace fuel "
        "oil or gas boilers.</p>",
        ("Parabolic trough or linear Fresnel collectors",
         "Integration with existing boilers as a fuel saver",
         "Heat delivered under a heat purchase agreement where preferred"),
        v("Parabolic trough steam for dairies and breweries", "atlas", 9, "know_how",
          "Compact trough fields that feed 150–180 °C steam into existing boiler houses of dairies "
          "and breweries.",
          "<p>Atlas has commissioned nine systems in Morocco, the largest saving 1,100 tonnes of "
          "fuel oil a year at a dairy near Meknès.</p>",
          "TN EG SN", avail=("sale", "technical-assistance")),
        v("Linear Fresnel heat for copper electrowinning", "andes", 8, "patented",
          "A Fresnel collector field that heats electrolyte in copper electrowinning plants, "
          "replacing diesel boilers at high-altitude mines.",
          "<p>A 10 MWth demonstration at a mine near Calama has run since 2021 with 80 % solar "
          "fraction.</p>",
          "PE AU"),
        v("Solar process heat under heat-as-a-service contracts", "southerncross", 9, "know_how",
          "Turnkey solar thermal plants that Southern Cross owns and operates, selling heat per "
          "megawatt-hour to food processors.",
          "<p>Customers include a malting plant and an abattoir in South Australia; no upfront "
          "capital is required from the factory.</p>",
          "NZ"),
    ),
    concept(
        "Y02E10 GI-AEP-WND", "energy greenhouse-gases", (7, 9),
        "<p>Small wind turbines of 3 to 20 kW can replace much of the diesel used at off-grid "
        "telecom towers, farms and villages when paired with solar and batteries. Reliability in "
        "gusty, dusty or icy conditions is what separates products that last from those that do "
        "not.</p>",
        ("Direct-drive permanent magnet generator with few moving parts",
         "Passive furling or pitch control for storm protection",
         "Hybrid controller for solar, wind, batteries and a backup generator"),
        v("Cold-climate 10 kW wind turbine for telecom towers", "steppe", 8, "patented",
          "A 10 kW turbine rated for −45 °C with heated blades and a hybrid controller for remote "
          "telecom sites.",
          "<p>Steppe Wind runs 120 units at tower sites along the Trans-Kazakhstan fibre route, "
          "cutting diesel use by about 60 %.</p>",
          "MN RU KG", avail=("sale", "licence")),
        v("Hybrid wind–solar kit for island telecom sites", "capeblue", 7, "know_how",
          "A small turbine and solar pack designed for salt-laden coastal and island towers with "
          "corrosion-resistant coatings.",
          "<p>Being demonstrated at two sites on the Western Cape coast with a regional "
          "operator.</p>",
          "MZ MG MU"),
        v("Vertical-axis micro turbine for village mini-grids", "prakriti", 6, "pending",
          "A 3 kW vertical-axis turbine that runs in turbulent, shifting winds and can be "
          "repaired by mini-grid technicians.",
          "<p>Prototypes are running on two Karnataka mini-grids, with blades made from recycled "
          "glass fibre.</p>",
          "NP BD"),
    ),
    concept(
        "Y02E10 GI-AEP-WND", "energy greenhouse-gases biodiversity", (7, 9, 14),
        "<p>Floating foundations let offshore wind turbines operate in water deeper than 60 m, "
        "where fixed monopiles are uneconomic. They can be assembled in port and towed out, "
        "which reduces work at sea.</p>",
        ("Steel or concrete hull assembled at the quayside",
         "Mooring designs for sandy, rocky and soft seabeds",
         "Motion-aware turbine control to limit fatigue"),
        v("Semi-submersible floating foundation for 15 MW turbines", "nordvind", 8, "patented",
          "A three-column semi-submersible hull sized for 15 MW turbines, built from flat steel "
          "panels that ordinary shipyards can weld.",
          "<p>A full-scale unit has operated in the North Sea since 2023; licences are offered "
          "to yards in new offshore wind markets.</p>",
          "GB NO KR JP", avail=("licence", "joint-venture")),
        v("Synthetic-rope mooring system for floating wind", "nordvind", 7, "patented",
          "A taut mooring of polyester rope and suction anchors that occupies a seabed footprint "
          "a tenth of that of catenary chains.",
          "<p>The smaller footprint leaves more room for fishing and reduces disturbance of "
          "seabed habitats.</p>",
          "FR PT US"),
        v("Concrete spar buoy for shallow-draught ports", "capeblue", 5, "pending",
          "A concrete floating foundation that can be cast in small ports and ballasted on site, "
          "aimed at emerging offshore wind markets.",
          "<p>Tank testing at 1:50 scale is complete; Cape Blue is seeking a partner for a 2 MW "
          "pilot.</p>",
          "NA MZ", avail=("collaboration", "joint-venture")),
    ),
    concept(
        "Y02E10 GI-AEP-HYD", "energy livelihoods greenhouse-gases", (1, 7, 8),
        "<p>Micro-hydro plants of 5 to 100 kW divert part of a stream through a turbine and return "
        "it downstream, giving villages firm power around the clock without a dam. Local "
        "manufacture and maintenance keep them running for decades.</p>",
        ("Cross-flow or Pelton turbines built in local workshops",
         "Electronic load controllers that divert surplus power to heaters",
         "Community ownership models with tariff collection"),
        v("Locally built cross-flow turbine for highland villages", "bluenile", 9, "open",
          "A cross-flow turbine design that Ethiopian metal workshops can fabricate from sheet "
          "steel for sites of 5–50 kW.",
          "<p>The university trains workshop owners and has supported 23 community schemes in "
          "Amhara; drawings are free to use.</p>",
          "KE UG TZ RW"),
        v("Electronic load controller with mobile-phone monitoring", "bikash", 8, "know_how",
          "A rugged load controller for micro-hydro plants that sends daily generation and fault "
          "messages by SMS.",
          "<p>Built and installed by its inventor on 40 plants in Nepal, it replaced imported "
          "controllers at a third of the cost.</p>",
          "IN BT PK", avail=("sale", "technical-assistance")),
        v("Pico-hydro for irrigation canals", "mekong", 6, "pending",
          "A low-head propeller turbine that drops into irrigation canals and supplies a few "
          "kilowatts for pumps, lights and phone charging.",
          "<p>Prototypes produce 1–3 kW from drops of under one metre on Mekong Delta canals.</p>",
          "KH LA TH"),
    ),
    concept(
        "Y02E10 GI-AEP-OCE", "energy greenhouse-gases resilience", (7, 9, 14),
        "<p>Waves carry a dense and predictable energy flow, particularly on west-facing coasts. "
        "Wave energy converters turn the motion of the water into electricity; the challenge is "
        "to survive storms while staying affordable.</p>",
        ("Storm survival mode that submerges or detunes the device",
         "Power take-off designed for variable, oscillating loads",
         "Modular units that can be serviced from small vessels"),
        v("Submerged pressure-differential wave converter", "capeblue", 6, "patented",
          "A seabed-mounted membrane device that turns pressure changes under passing waves into "
          "electricity, invisible from the shore.",
          "<p>A 100 kW prototype has been tested off Saldanha Bay for 14 months.</p>",
          "NA CL", avail=("licence", "collaboration")),
        v("Point-absorber buoy for remote island grids", "southerncross", 7, "pending",
          "A 250 kW buoy-type converter designed to supply island grids alongside solar and "
          "batteries.",
          "<p>Demonstration off King Island, Tasmania, supplying about 8 % of the island's "
          "demand.</p>",
          "FJ TO NZ"),
        v("Wave-powered navigation buoy lighting", "sione", 7, "open",
          "A small oscillating water column that charges the batteries of navigation and "
          "fish-aggregating buoys.",
          "<p>Its inventor built it from recycled pipes; six units have run in Fiji's western "
          "reefs for two years without battery changes.</p>",
          "WS TO VU", avail=("free",)),
    ),
    concept(
        "Y02E10 GI-AEP-OCE", "energy greenhouse-gases", (7, 14),
        "<p>Tidal stream turbines work like underwater wind turbines in fast tidal channels. "
        "Because tides are predictable years ahead, their output is easy to plan around.</p>",
        ("Horizontal-axis rotors with bi-directional blades",
         "Gravity or pinned foundations for rocky seabeds",
         "Retrievable nacelles for maintenance"),
        v("Floating tidal turbine platform", "nordvind", 8, "patented",
          "A moored floating hull carrying two tidal rotors that can be raised out of the water "
          "for maintenance.",
          "<p>Operated in Orkney waters under a partner licence; offered to projects in other fast "
          "tidal channels.</p>",
          "GB FR CA KR"),
        v("Tidal turbine for island straits", "hanbit", 5, "pending",
          "A 500 kW tidal turbine for straits in the Korean south-west archipelago.",
          "<p>Tank-tested blades and a power converter derived from Hanbit's grid inverters.</p>",
          "JP PH ID"),
    ),
    concept(
        "Y02E10 Y02B30 GI-AEP-GEO", "energy greenhouse-gases pollution", (7, 11, 13),
        "<p>Ground-source heat pumps use the stable temperature a few tens of metres underground "
        "to heat and cool buildings with far less electricity than air-source units in extreme "
        "climates. The cost of drilling is usually the barrier.</p>",
        ("Borehole heat exchangers or horizontal collectors",
         "Seasonal balancing of heating and cooling loads",
         "Design software for sizing the ground loop"),
        v("Compact drilling rig for urban geothermal boreholes", "polder", 8, "patented",
          "A small-footprint rig that drills 150 m boreholes in back yards and streets with low "
          "noise and contained drilling fluid.",
          "<p>Used to connect terraced houses in Delft and Rotterdam to shared ground loops.</p>",
          "BE DE GB"),
        v("Ground-source heat pump for cold-climate homes", "northlight", 9, "know_how",
          "A ground-source package with a smart controller that shifts heating to off-peak hours "
          "in prairie winters.",
          "<p>Over 800 installations in Manitoba and Saskatchewan with average seasonal efficiency "
          "above 3.5.</p>",
          "US"),
        v("Energy piles: geothermal loops in building foundations", "kansai", 8, "patented",
          "Foundation piles with embedded heat-exchange pipes, so the structure itself becomes a "
          "ground-source heat exchanger.",
          "<p>Used in eleven commercial buildings in Osaka, avoiding separate borehole "
          "drilling.</p>",
          "KR SG"),
    ),
    concept(
        "Y02P80 Y02E20 GI-AEP-WH GI-AEP-GEO", "energy greenhouse-gases", (7, 9, 12),
        "<p>Organic Rankine cycle (ORC) units turn low-temperature heat, from 90 to 300 °C, into "
        "electricity using an organic working fluid instead of steam. They recover power from "
        "exhaust gases, kiln coolers and geothermal brines that would otherwise be wasted.</p>",
        ("Skid-mounted units from 100 kW to 5 MW",
         "Low-global-warming-potential working fluids",
         "Unmanned operation with remote monitoring"),
        v("ORC waste heat recovery for cement kiln coolers", "anadolu", 9, "know_how",
          "An ORC unit that recovers heat from clinker cooler exhaust and supplies up to 15 % of "
          "the plant's electricity.",
          "<p>Running at two Anatolian cement plants since 2019, at 4 MW and 6.5 MW.</p>",
          "EG PK", avail=("technical-assistance", "joint-venture")),
        v("Binary geothermal power for low-temperature wells", "bluenile", 6, "pending",
          "A small binary-cycle plant for Rift Valley wells with brine temperatures around "
          "120 °C, too cool for flash steam.",
          "<p>A 200 kW pilot is being built with a regional utility near Lake Tana.</p>",
          "KE DJ TZ", avail=("collaboration",)),
        v("Exhaust heat ORC for ferry engines", "fjord", 7, "pending",
          "A compact ORC unit that converts heat from hybrid ferry engine exhausts into "
          "electricity for the battery system.",
          "<p>Trialled on a Hordaland car ferry, saving about 6 % fuel in diesel mode.</p>",
          "DK SE"),
    ),
    concept(
        "Y02E60 GI-ECO-EST", "energy greenhouse-gases resilience", (7, 9, 13),
        "<p>Vanadium redox flow batteries store energy in liquid electrolytes held in tanks. Power "
        "and energy can be sized separately, the electrolyte does not degrade over tens of "
        "thousands of cycles and it can be recovered at the end of life.</p>",
        ("4 to 12 hours of storage from the same stack",
         "Non-flammable water-based electrolyte",
         "Electrolyte leasing to lower upfront cost"),
        v("Containerised 250 kW / 1 MWh vanadium flow battery", "cascadia", 9, "patented",
          "A factory-built flow battery in two shipping containers for utilities, microgrids and "
          "commercial sites.",
          "<p>Units operate in Oregon, Washington and at a tribal microgrid in Arizona, with "
          "electrolyte leased from a vanadium supplier.</p>",
          "CA MX AU", avail=("sale", "distribution")),
        v("Long-duration flow battery for solar-plus-storage plants", "cascadia", 8, "patented",
          "A 10-hour configuration designed to shift midday solar to the evening peak.",
          "<p>A 5 MWh installation at a solar farm in eastern Oregon has been running since "
          "2023.</p>",
          "CL ZA"),
        v("Iron–chromium flow battery using recycled electrolytes", "xinneng", 6, "pending",
          "A low-cost flow battery chemistry whose electrolyte is made from recycled steelmaking "
          "by-products.",
          "<p>A 100 kWh pilot is running at Xinneng's Shenzhen plant.</p>",
          "VN TH", avail=("licence", "collaboration")),
    ),
    concept(
        "Y02E60 Y02W30 GI-ECO-EST GI-WM-REUSE", "energy waste materials greenhouse-gases", (7, 12, 13),
        "<p>Electric vehicle batteries usually retire with 70–80 % of their capacity left. "
        "Graded and repackaged, they can serve another ten years in stationary storage, "
        "delaying recycling and halving the cost of new storage systems.</p>",
        ("Automated grading of modules by capacity and internal resistance",
         "Battery management that tolerates mixed module histories",
         "Take-back for recycling at the end of second life"),
        v("Second-life EV battery storage cabinets for factories", "xinneng", 9, "patented",
          "Storage cabinets of 100–500 kWh built from graded EV modules, used for peak shaving in "
          "factories.",
          "<p>More than 60 MWh deployed in Guangdong industrial parks.</p>",
          "VN MY TH ID", avail=("sale", "distribution")),
        v("Second-life batteries for EV fast-charging hubs", "thames", 8, "know_how",
          "A battery buffer built from retired bus batteries that lets fast chargers run on weak "
          "grid connections.",
          "<p>Listed by Thames on behalf of a London bus operator; three hubs operate in "
          "outer London.</p>",
          "IE NL"),
        v("Second-life storage for remote solar microgrids", "southerncross", 8, "know_how",
          "Retired EV packs repurposed as storage for solar microgrids on cattle stations and "
          "Aboriginal communities.",
          "<p>A 300 kWh system in the Northern Territory has replaced most diesel "
          "generation.</p>",
          "PG FJ"),
        v("Second-life e-rickshaw batteries for street vendors", "prakriti", 7, "open",
          "Lighting and fan kits for street vendors built from retired e-rickshaw lithium "
          "batteries.",
          "<p>Piloted with 300 vendors in Bengaluru markets; the pack design is open.</p>",
          "BD NP", avail=("free", "technical-assistance")),
    ),
    concept(
        "Y02E60 GI-ECO-EST", "energy materials", (7, 9, 12),
        "<p>Sodium-ion batteries replace lithium with abundant sodium and need no cobalt or "
        "nickel. Their energy density is lower, but they perform well in the cold, charge fast and "
        "suit stationary storage and small vehicles.</p>",
        ("Hard-carbon anodes from biomass",
         "Prussian-white or layered-oxide cathodes",
         "Can be shipped at zero volts for safety"),
        v("Sodium-ion cells for two-wheelers", "xinneng", 8, "patented",
          "18650 and prismatic sodium-ion cells for electric scooters and e-bikes, charging to "
          "80 % in 15 minutes.",
          "<p>Produced on a converted lithium line in Shenzhen.</p>",
          "IN VN ID"),
        v("Coconut-shell hard carbon for sodium-ion anodes", "deccan", 5, "pending",
          "A route to hard-carbon anode material from coconut shells with first-cycle efficiency "
          "above 88 %.",
          "<p>The university seeks a materials partner to scale beyond kilogram batches.</p>",
          "LK PH", avail=("licence", "collaboration")),
        v("Sodium-ion home storage unit", "hanbit", 7, "know_how",
          "A 10 kWh home battery based on sodium-ion cells, paired with Hanbit's energy "
          "management software.",
          "<p>In field trials in 40 homes in Daejeon.</p>",
          "JP",
          status="submitted"),
    ),
    concept(
        "Y02E60 GI-ECO-TST", "energy greenhouse-gases", (7, 9, 13),
        "<p>High-temperature thermal storage charges a mass of sand, rock, ceramic or molten salt "
        "with cheap renewable electricity or solar heat, then releases the heat as steam or hot "
        "air when needed. It costs a fraction of batteries per kilowatt-hour stored.</p>",
        ("Storage temperatures of 400 to 1,000 °C",
         "Charged by resistive heaters or concentrated solar",
         "Discharges as steam, hot air or hot water"),
        v("Crushed-rock heat storage for steel reheating furnaces", "botnia", 7, "patented",
          "A packed bed of crushed slag and rock that stores off-peak wind power as heat for "
          "reheating steel slabs.",
          "<p>A 40 MWh pilot is integrated with a reheating furnace at the Luleå plant.</p>",
          "FI NO"),
        v("Molten salt storage for small solar thermal plants", "atlas", 8, "know_how",
          "A two-tank molten salt store sized for industrial solar thermal plants, giving six "
          "hours of heat after sunset.",
          "<p>Integrated with Atlas's trough fields at two food factories.</p>",
          "TN ES"),
        v("Sand battery for district heating networks", "rheinneckar", 7, "pending",
          "An insulated silo of sand heated to 600 °C by surplus solar and wind power, feeding "
          "district heating through the winter.",
          "<p>Listed as a partner import; a 100 MWh unit is in planning with a municipal "
          "utility.</p>",
          "PL AT CZ"),
    ),
    concept(
        "Y02E60 Y02P20", "greenhouse-gases energy", (7, 9, 13),
        "<p>Proton-exchange-membrane (PEM) electrolysers split water into hydrogen and oxygen "
        "using electricity. They ramp quickly, which suits direct coupling to solar and wind, and "
        "the hydrogen can replace fossil feedstocks in fertiliser, refining and steel.</p>",
        ("Stacks from 100 kW to 5 MW",
         "Reduced iridium loading on the anode",
         "Pure water treatment integrated in the package"),
        v("Solar-coupled PEM electrolyser for desert sites", "andes", 7, "patented",
          "An electrolyser that follows solar output directly and includes dust-proof cooling "
          "for the Atacama.",
          "<p>A 1 MW pilot near Antofagasta supplies hydrogen to mining trucks under test.</p>",
          "PE AR", avail=("licence", "joint-venture")),
        v("Electrolyser with seawater pre-treatment", "alnoor", 6, "pending",
          "A hydrogen package including a small desalination unit, so coastal sites need no "
          "freshwater supply.",
          "<p>A 250 kW demonstration at an Abu Dhabi port.</p>",
          "OM SA EG"),
        v("Low-iridium anode coating for PEM stacks", "rheinneckar", 4, "patented",
          "A catalyst coating that reduces iridium use by 80 % while keeping stack voltage "
          "within 2 % of commercial references.",
          "<p>Tested in single cells for 3,000 hours; licences offered to stack makers.</p>",
          "", avail=("licence",)),
    ),
    concept(
        "Y02E60 GI-AEP-FC", "greenhouse-gases energy pollution health", (7, 9, 11),
        "<p>Fuel cells convert hydrogen, or methanol and ammonia reformed on site, into "
        "electricity with no combustion. As backup power they are quieter and cleaner than diesel "
        "generators and can run for days on stored fuel.</p>",
        ("Low-maintenance stacks with long standby life",
         "Remote start and monitoring",
         "Fuel options: compressed hydrogen, methanol or ammonia"),
        v("Methanol fuel cell backup for telecom sites", "hanbit", 8, "know_how",
          "A 5 kW methanol-reforming fuel cell that keeps telecom sites running through grid "
          "outages.",
          "<p>Installed at 200 mobile base stations in Korea and the Philippines.</p>",
          "PH VN ID"),
        v("Hydrogen fuel cell generator for hospitals", "kansai", 9, "patented",
          "A 100 kW fuel cell system that provides backup power and heat to hospitals without "
          "diesel storage.",
          "<p>Installed in four hospitals in Osaka Prefecture as part of disaster "
          "preparedness.</p>",
          "KR"),
        v("Ammonia-cracking fuel cell for rural mini-grids", "prakriti", 5, "pending",
          "A fuel cell that runs on ammonia, which is easier to transport than hydrogen, for "
          "evening supply on solar mini-grids.",
          "<p>A 10 kW prototype is on test in Bengaluru.</p>",
          "", avail=("collaboration",)),
    ),
    concept(
        "Y02E50 Y02P60 GI-AEP-BIO", "greenhouse-gases energy waste livelihoods", (2, 7, 12, 13),
        "<p>Anaerobic digesters turn dung and other wet farm residues into biogas for cooking, "
        "heating or generating electricity, and into digestate, a liquid fertiliser. On dairy "
        "farms they also cut methane released from manure stores.</p>",
        ("Sized from household units to farm plants of several hundred cows",
         "Gas cleaning for engines and stoves",
         "Digestate handling for use as fertiliser"),
        v("Prefabricated biogas digester for 10–50 cow dairy farms", "prakriti", 9, "patented",
          "A flexible-bag digester delivered flat-packed, installed in a day and producing gas "
          "for cooking and a milk chiller.",
          "<p>More than 1,200 units sold in Karnataka and Maharashtra with farmer financing.</p>",
          "NP BD LK KE", avail=("sale", "distribution")),
        v("Biogas digesters for dairy cooperatives", "sunfield", 8, "know_how",
          "A plug-flow digester sized for milk collection centres that runs a 20 kW generator "
          "and supplies gas to members.",
          "<p>Two units serve cooperatives in Nakuru County, replacing diesel for milk "
          "cooling.</p>",
          "TZ UG ET"),
        v("Covered effluent pond biogas for pasture dairies", "aotearoa", 8, "know_how",
          "A floating cover for dairy effluent ponds that captures methane for heating milk-shed "
          "water.",
          "<p>Installed on 30 farms in the Manawatū, reducing farm methane by about a tenth.</p>",
          "AU IE"),
        v("Feedlot manure biogas with biomethane upgrading", "pampa", 9, "know_how",
          "A 2 MW biogas plant at a cattle feedlot that upgrades gas to biomethane for trucks.",
          "<p>Running in Santa Fe province since 2020.</p>",
          "UY BR PY", avail=("technical-assistance", "joint-venture")),
    ),
    concept(
        "Y02E50 GI-AEP-GAS", "energy waste greenhouse-gases", (7, 9, 12),
        "<p>Gasifiers heat dry biomass such as rice husk, wood chips or nut shells with limited "
        "air, producing a combustible gas for engines or kilns and biochar as a by-product.</p>",
        ("Downdraft or fluidised-bed designs",
         "Tar cleaning for engine use",
         "Biochar collection for sale or soil use"),
        v("Rice husk gasifier for village mills", "mekong", 8, "know_how",
          "A 100 kW gasifier that runs a rice mill on its own husk and produces biochar.",
          "<p>Eleven mills in Cần Thơ and An Giang use it.</p>",
          "KH LA MM"),
        v("Cassava peel and husk gasifier for starch factories", "siam", 7, "pending",
          "A gasifier that uses dried cassava peel and rice husk to fire starch drying, replacing "
          "fuel oil.",
          "<p>A pilot at a Khon Kaen starch plant.</p>",
          "VN KH"),
        v("Small gasifier cookstove for restaurants", "chinedu", 6, "pending",
          "A forced-draft gasifier stove for restaurants and schools that burns palm kernel "
          "shells cleanly.",
          "<p>Ten prototypes run in canteens in Enugu.</p>",
          "GH CM"),
    ),
    concept(
        "Y02E50 Y02W30 GI-AEP-WTE GI-WM-DISP", "waste energy greenhouse-gases", (7, 11, 12),
        "<p>Waste-to-energy plants recover energy from waste that cannot be recycled, through "
        "combustion with energy recovery, anaerobic digestion or landfill gas engines. They "
        "reduce landfill, methane and the use of fossil fuel.</p>",
        ("Pre-sorting to keep recyclables out",
         "Flue gas or biogas cleaning to current emission limits",
         "Electricity and heat export"),
        v("Anaerobic digestion of municipal food waste", "thames", 9, "know_how",
          "A food-waste digester that serves a cluster of councils and supplies biomethane to the "
          "gas grid.",
          "<p>Listed by Thames; a plant in Kent processes 50,000 tonnes a year.</p>",
          "IE"),
        v("Market waste digester for wholesale produce markets", "pampa", 8, "know_how",
          "A digester that turns unsold fruit and vegetables into electricity for a wholesale "
          "market's cold stores.",
          "<p>Running at Rosario's central market since 2021, where it processes 30 tonnes of "
          "unsold produce a week.</p>",
          "CL UY"),
    ),
    concept(
        "Y02E50 Y02T50 GI-AEP-BIO", "greenhouse-gases waste", (7, 9, 12, 13),
        "<p>Hydroprocessed esters and fatty acids (HEFA) made from used cooking oil, animal fat "
        "and other residues are the most mature route to sustainable aviation fuel. The hard "
        "part is reliable, traceable feedstock.</p>",
        ("Collection and traceability of waste oils",
         "Hydrotreatment to a drop-in jet fuel",
         "Certification under recognised sustainability schemes"),
        v("Used cooking oil collection network for aviation fuel", "straits", 9, "know_how",
          "A digital collection and traceability system for used cooking oil from hawker centres "
          "and restaurants.",
          "<p>Listed by Straits on behalf of a Singapore logistics firm; it supplies feedstock "
          "to a regional SAF refinery.</p>",
          "MY ID TH"),
        v("Small-scale hydrotreatment of waste oils", "pampa", 7, "pending",
          "A modular hydrotreater that converts waste oils and tallow into renewable diesel and "
          "jet fuel at 20,000 tonnes a year.",
          "<p>A demonstration unit runs at Pampa's Rosario site.</p>",
          "BR CL"),
        v("Palm oil mill effluent oil recovery", "siam", 6, "pending",
          "A process to recover residual oil from palm mill effluent as a non-food feedstock "
          "for biofuels.",
          "<p>Tested at two mills in southern Thailand.</p>",
          "MY ID"),
    ),
    concept(
        "Y02A50 Y02E50 GI-AEP-BIO", "health greenhouse-gases livelihoods", (3, 5, 7, 13),
        "<p>Smoke from open fires and simple stoves harms the health of women and children above "
        "all. Improved cookstoves burn wood or charcoal more completely and with less fuel; "
        "designs that cooks like are the ones that stay in use.</p>",
        ("Insulated combustion chamber",
         "Designed with and for local cooks and pots",
         "Carbon-finance ready monitoring"),
        v("Clay-lined charcoal stove for urban households", "sahel", 9, "open",
          "A stove made by local potters and metalworkers that halves charcoal use compared with "
          "the traditional malgache stove.",
          "<p>More than 60,000 sold in Senegal through women's groups.</p>",
          "ML BF GM GN", avail=("free", "technical-assistance")),
        v("Injera baking stove with 50 % fuel savings", "bluenile", 9, "open",
          "An enclosed mitad stove for baking injera that uses half the wood of an open fire.",
          "<p>The university's design is produced by 70 local producers.</p>",
          "ER"),
        v("Forced-draft pellet stove for households", "chinedu", 7, "pending",
          "A household stove with a small fan powered by a solar panel, burning pellets made from "
          "sawdust.",
          "<p>Tested in 200 homes in Enugu State.</p>",
          "GH CM"),
    ),
    concept(
        "Y02E10 Y02B10 GI-AEP-SOL", "energy health livelihoods", (1, 4, 7),
        "<p>Solar home systems bring lighting, phone charging and small appliances to homes "
        "beyond the grid. Pay-as-you-go finance lets families pay in small instalments by mobile "
        "money instead of buying kerosene.</p>",
        ("Solar panel, lithium battery and efficient DC appliances",
         "Remote lock-out for pay-as-you-go payment",
         "Upgrade path to TVs, fans and fridges"),
        v("Pay-as-you-go solar home kit with DC fridge", "sunfield", 9, "know_how",
          "A 200 W kit with lights, TV and a DC fridge, paid daily through mobile money.",
          "<p>Sunfield has 18,000 customers in Kenya's Rift Valley.</p>",
          "UG TZ", avail=("distribution", "sale")),
        v("Solar power for cyclone shelters", "sundarbans", 9, "open",
          "Solar, battery and lighting packages that keep cyclone shelters lit and phones charged "
          "during storms.",
          "<p>Installed in 140 shelters along the Khulna and Satkhira coast.</p>",
          "MM IN", avail=("free", "technical-assistance")),
        v("Solar lamp with radio for fishing families", "visayas", 8, "know_how",
          "A waterproof solar lamp with an emergency radio for fishing families in island "
          "villages.",
          "<p>Distributed by the cooperative to 6,000 households.</p>",
          "ID",
          status="rejected", reason=("This appears to be a product that the cooperative distributes rather "
                  "than one it owns. Please name the manufacturer or confirm that you "
                  "have the right to list it.")),
    ),
    concept(
        "Y02E10 Y04S10 GI-AEP-SOL GI-ECO-MEAS", "energy livelihoods", (7, 8, 9),
        "<p>Solar mini-grids serve villages and islands with grid-quality power. Smart meters let "
        "operators sell power prepaid, limit loads and see where demand is growing.</p>",
        ("Solar array, batteries and backup generator",
         "Prepaid smart meters with mobile-money payment",
         "Remote monitoring of generation and consumption"),
        v("Containerised solar mini-grid for island villages", "visayas", 9, "know_how",
          "A 60 kW solar-battery system in a container that the cooperative deploys on islands "
          "not reached by the grid.",
          "<p>Eight islands now have 24-hour supply; the cooperative's own linemen install "
          "and service the containers.</p>",
          "ID FJ"),
        v("Mini-grid controller with demand forecasting", "prakriti", 8, "patented",
          "A controller that forecasts village demand and schedules batteries and generator to "
          "minimise diesel use.",
          "<p>Runs on 45 mini-grids in India and Nepal.</p>",
          "NP MM"),
    ),
    concept(
        "Y02E30 GI-NPG-ENG", "greenhouse-gases health energy", (7, 9, 13),
        "<p>Small modular reactors aim to make nuclear power cheaper and safer through factory "
        "production and passive safety systems, which cool the core with natural circulation and "
        "gravity, without pumps or operator action.</p>",
        ("Natural-circulation decay heat removal",
         "Designed for regulatory review in several jurisdictions",
         "Modular components transportable by road"),
        v("Passive decay-heat removal for small modular reactors", "neocore", 5, "patented",
          "A heat exchanger and air-cooled chimney that removes decay heat for more than seven "
          "days without power or operator action.",
          "<p>Validated at one-third scale in Néocore's Grenoble loop.</p>",
          "", avail=("licence", "collaboration")),
        v("Thorium fuel cycle studies for small reactors", "deccan", 3, "open",
          "Reactor physics models and data for thorium-based fuels in small modular reactors.",
          "<p>Open data sets and codes from the university's nuclear engineering group.</p>",
          "", avail=("collaboration", "free")),
        v("Seismic isolation bearings for reactor modules", "kansai", 7, "patented",
          "Laminated rubber bearings that isolate reactor modules from strong earthquakes.",
          "<p>Derived from bearings used in Japanese hospitals and data centres.</p>",
          "KR"),
    ),
    concept(
        "Y02E30 GI-NPG-ENG", "health greenhouse-gases", (7, 9),
        "<p>Accident-tolerant fuel cladding resists oxidation at high temperature, buying time "
        "in an accident and reducing hydrogen production, while improving performance in normal "
        "operation.</p>",
        ("Chromium-coated zirconium alloy or silicon carbide composites",
         "Compatible with current fuel assembly designs",
         "Irradiation test data"),
        v("Chromium-coated zirconium cladding", "neocore", 6, "patented",
          "A physical vapour deposition process for chromium coatings on fuel cladding tubes.",
          "<p>Coupons irradiated in a European research reactor.</p>",
          "", avail=("licence",)),
        v("Silicon carbide composite fuel channels", "hanbit", 4, "pending",
          "A silicon carbide composite tube that keeps its strength far above the "
          "temperatures at which zirconium alloys fail.",
          "<p>In laboratory testing with a national research institute; Hanbit supplies the "
          "coating and inspection equipment.</p>",
          "", avail=("collaboration",)),
        v("Ultrasonic inspection of coated cladding", "kansai", 7, "know_how",
          "Inspection equipment that measures coating thickness and defects on cladding tubes "
          "at production speed.",
          "<p>Used in a Japanese fuel fabrication plant.</p>"),
    ),
    concept(
        "Y02E30 Y02W30 GI-NPG-ENG", "health waste pollution", (3, 9, 12),
        "<p>Decommissioning nuclear plants and managing radioactive waste safely are necessary "
        "for nuclear power to be sustainable. Remote tools reduce the dose received by workers "
        "and the volume of waste to be stored.</p>",
        ("Remote handling and cutting",
         "Volume reduction of low-level waste",
         "Digital records of waste packages"),
        v("Remote laser cutting for reactor dismantling", "neocore", 7, "patented",
          "A laser cutting head on a robotic arm that dismantles reactor internals underwater.",
          "<p>Used in the dismantling of a French research reactor.</p>",
          "BE DE"),
        v("Vitrification of low-level waste", "thames", 8, "know_how",
          "A plasma vitrification process that reduces low-level waste volume by up to 90 %.",
          "<p>Listed by Thames on behalf of a UK engineering company.</p>",
          "", avail=("technical-assistance",)),
        v("Tracking system for radioactive waste packages", "kansai", 9, "know_how",
          "A database and tagging system tracing waste packages from generation to storage.",
          "<p>Used by two Japanese utilities to keep records of every drum and container for "
          "the decades they stay in storage.</p>",
          "", status="draft"),
    ),
]
