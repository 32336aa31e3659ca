"""Demo technologies: road, rail, shipping and aviation."""

from .schema import concept, v

CONCEPTS = [
    concept(
        "Y02T10 Y02T90 GI-TRA-VEH", "greenhouse-gases pollution livelihoods", (3, 7, 11),
        "<p>Battery swapping lets riders of electric motorcycles and three-wheelers exchange a "
        "flat battery for a charged one in under two minutes. Riders avoid the cost of the "
        "battery and downtime, which matters for taxi and delivery drivers who earn by the "
        "trip.</p>",
        ("Standard battery packs shared across vehicle models",
         "Swap stations with solar and grid charging",
         "Payment per swap or per kilometre"),
        v("Battery swapping network for electric boda-bodas", "sunfield", 8, "know_how",
          "Swap stations at fuel stations and markets that serve electric motorcycle taxis in "
          "Nakuru and Nairobi.",
          "<p>Over 1,200 riders use the network; each swap costs less than the petrol for the "
          "same distance.</p>",
          "UG RW TZ", avail=("joint-venture", "distribution")),
        v("Swappable battery packs for e-rickshaws", "prakriti", 9, "patented",
          "Lithium packs with a common connector for electric three-wheelers, swapped at "
          "neighbourhood kiosks.",
          "<p>Six hundred kiosks in Bengaluru and Mysuru; batteries retire to Prakriti's "
          "second-life products.</p>",
          "BD NP LK"),
        v("Automated swap cabinets for delivery scooters", "xinneng", 9, "patented",
          "Cabinets with 12 charging slots that release a charged battery when a rider scans "
          "a code.",
          "<p>Deployed at 3,000 locations in Guangdong for food-delivery riders.</p>",
          "VN ID TH"),
    ),
    concept(
        "Y02T10 GI-TRA-VEH", "greenhouse-gases pollution health", (3, 11, 13),
        "<p>Converting diesel buses to battery-electric drive reuses the body and chassis and "
        "costs far less than a new electric bus. Kits replace the engine, gearbox and fuel tank "
        "with a motor, batteries and a charging inlet.</p>",
        ("Kits engineered for common bus models",
         "Certified for road use with the local authority",
         "Charging at depots overnight"),
        v("Electric repowering of diesel city buses", "andes", 7, "know_how",
          "A conversion kit and workshop process for 12-metre diesel buses.",
          "<p>Ten buses converted for Antofagasta's public transport.</p>",
          "PE BO"),
        v("Electric conversion of minibus taxis", "prakriti", 6, "pending",
          "A kit for converting the diesel vans used as shared taxis to battery-electric drive.",
          "<p>Five prototypes are running on shared-taxi routes in Bengaluru.</p>",
          "KE NG",
          status="draft"),
        v("Electric repowering of school buses", "lupita", 6, "open",
          "An open conversion design that turns small diesel school buses into "
          "battery-electric vehicles.",
          "<p>One bus converted in Oaxaca by its inventor with a technical college.</p>",
          "GT", avail=("free",)),
    ),
    concept(
        "Y02T90 Y04S20", "energy greenhouse-gases", (7, 11),
        "<p>Smart charging shifts electric vehicle charging to hours when power is cheap and "
        "clean and away from local grid peaks. Vehicle-to-grid goes further, letting parked "
        "vehicles feed power back to the grid or the building when it is needed most.</p>",
        ("OCPP-compliant charge point management",
         "Charging schedules driven by price and carbon signals",
         "Bidirectional chargers for vehicle-to-grid"),
        v("Utility-run smart charging for home chargers", "northlight", 9, "know_how",
          "Software that lets a utility schedule home EV charging overnight and pause it "
          "during winter peaks, with drivers keeping an override.",
          "<p>Used by two Canadian utilities with 8,000 enrolled drivers, who receive a "
          "monthly bill credit for flexibility.</p>",
          "US"),
        v("Vehicle-to-grid charging for electric school buses", "rheinneckar", 7, "patented",
          "Bidirectional depot chargers that let school buses supply power to the grid during "
          "the hours they stand idle between school runs.",
          "<p>A pilot with a regional transport operator in Baden-Württemberg has earned "
          "frequency-reserve income from 12 buses.</p>",
          "NL AT", avail=("licence",)),
        v("Load-balanced EV charging for apartment car parks", "hanbit", 9, "patented",
          "Chargers that share a building's limited connection between many parked cars and "
          "bill each resident separately.",
          "<p>Installed in 900 apartment complexes in Korea without upgrading the buildings' "
          "grid connections.</p>",
          "JP VN"),
    ),
    concept(
        "Y02T90 Y02E60", "greenhouse-gases pollution", (7, 9, 13),
        "<p>Hydrogen refuelling stations for trucks and buses must deliver large quantities of "
        "hydrogen at 350 or 700 bar quickly and reliably. Compact, modular stations reduce the "
        "cost of serving early fleets and can grow as vehicles arrive.</p>",
        ("Modular compression and high-pressure storage",
         "Back-to-back fills for heavy-duty vehicles",
         "Remote monitoring and predictive maintenance"),
        v("Compact hydrogen refuelling station for bus depots", "kansai", 9, "patented",
          "A containerised station that refuels up to 40 fuel-cell buses a night at a depot, "
          "with hydrogen delivered by tube trailer or made on site.",
          "<p>Ten stations operate at Japanese bus depots, with availability above 98 %.</p>",
          "KR"),
        v("Hydrogen refuelling powered through a flow battery", "cascadia", 6, "pending",
          "A station design in which a flow battery stores cheap solar power and runs the "
          "electrolyser around the clock.",
          "<p>A pilot at a truck stop in Oregon is testing the concept with a regional "
          "fleet.</p>",
          "CA", avail=("collaboration", "licence")),
        v("Hydrogen refuelling for port drayage trucks", "alnoor", 7, "know_how",
          "A refuelling hub for the trucks that shuttle containers between port terminals and "
          "inland depots.",
          "<p>Planned at a container port in Abu Dhabi with hydrogen from Al Noor's seawater "
          "electrolyser.</p>",
          "SA OM"),
    ),
    concept(
        "Y02T30 GI-TRA-RAIL", "energy greenhouse-gases", (9, 11),
        "<p>Trains and metros brake many times an hour. Regenerative braking recovers that "
        "energy; wayside storage or reversible substations return it to the grid or to other "
        "trains instead of burning it in resistors, saving 10–30 % of traction energy.</p>",
        ("Wayside batteries or supercapacitors",
         "Reversible substations feeding the public grid",
         "Energy-optimal driving advice"),
        v("Wayside battery storage for metro lines", "kansai", 9, "patented",
          "Battery units at traction substations that capture braking energy and release it "
          "when the next train accelerates.",
          "<p>Installed on three Osaka metro lines, saving around 15 % of traction energy.</p>",
          "KR TW SG"),
        v("Reversible substations for suburban rail", "deccan", 6, "pending",
          "Inverter-based substations that feed surplus braking energy from suburban trains "
          "back to the city grid.",
          "<p>Designed with the electrical engineering department and studied with Hyderabad's "
          "metro operator.</p>",
          "BD LK", avail=("collaboration", "licence")),
        v("Driver advisory system for energy-efficient driving", "thames", 9, "know_how",
          "An in-cab display that tells drivers when to coast and brake to keep to the "
          "timetable with the least energy.",
          "<p>Listed by Thames for a Derby rail software company; two UK operators save 8–12 % "
          "of traction energy.</p>",
          "IE NL"),
    ),
    concept(
        "Y02T30 GI-TRA-RAIL", "greenhouse-gases pollution", (9, 11, 13),
        "<p>Battery trains can replace diesel on lines that are too expensive to electrify. "
        "They charge under short stretches of overhead wire or at terminal stations and run on "
        "battery power in between, with no exhaust in stations or tunnels.</p>",
        ("Battery packs mounted under the floor or in a power car",
         "Charging under partial electrification",
         "Ranges of 80–150 km between charges"),
        v("Battery conversion of regional diesel trains", "thames", 7, "know_how",
          "A conversion of existing diesel multiple units to battery drive, keeping the "
          "bodies and bogies.",
          "<p>Listed by Thames for a Midlands engineering firm; a converted two-car unit has "
          "run passenger trials on a branch line.</p>",
          "IE"),
        v("Battery locomotives for mine railways", "andes", 6, "pending",
          "Battery locomotives that recharge while running downhill loaded from mine to "
          "port.",
          "<p>A design study with a copper mine's railway shows the trains could run with "
          "almost no external charging.</p>",
          "PE", avail=("collaboration",)),
        v("Hybrid shunting locomotives for steppe rail yards", "steppe", 6, "pending",
          "Shunting locomotives that combine a small diesel engine with batteries charged from "
          "wind power at the depot.",
          "<p>A feasibility study with a national rail yard near Astana.</p>",
          "UZ"),
    ),
    concept(
        "Y02T70 GI-TRA-MAR", "greenhouse-gases pollution", (7, 9, 14),
        "<p>Battery-electric ferries suit short, frequent crossings where they can charge at "
        "every call. They cut fuel costs, noise and local emissions; automated mooring and "
        "high-power charging are what make the timetable work.</p>",
        ("Battery packs with fire protection and cooling",
         "Automated charging arms at the quay",
         "Hybrid options for longer routes"),
        v("Battery-electric car ferry design", "fjord", 9, "patented",
          "A double-ended ferry design for 120 cars and 350 passengers that charges in the "
          "ten minutes it spends at each quay.",
          "<p>Four ferries of this design operate on fjord crossings in western Norway.</p>",
          "DK SE"),
        v("Automated charging arm for ferries", "fjord", 9, "patented",
          "A quay-mounted arm that connects to the ferry in seconds as it moors, delivering up "
          "to 6 MW.",
          "<p>Used at eight terminals, including two operated by other ferry companies.</p>",
          "DK GB"),
        v("Electric water taxis for river cities", "straits", 7, "know_how",
          "Twelve-seat electric water taxis with solar roofs for rivers and canals.",
          "<p>Listed by Straits for a Singapore boat builder; a fleet of six runs on the "
          "Singapore River.</p>",
          "TH VN"),
    ),
    concept(
        "Y02T70 GI-TRA-MAR", "greenhouse-gases energy", (9, 13, 14),
        "<p>Wind-assisted propulsion returns sails to cargo ships in modern forms — rotor "
        "sails, rigid wings and towing kites — saving 5–20 % of fuel on suitable routes and "
        "working alongside the existing engines.</p>",
        ("Retrofit to existing ships",
         "Automatic control linked to the bridge",
         "Route planning that seeks favourable winds"),
        v("Rotor sails for bulk carriers", "nordvind", 9, "patented",
          "Spinning cylinder sails that use the Magnus effect to add thrust, fitted to bulk "
          "carriers on deck.",
          "<p>Listed by Nordvind; four rotors on a Kamsarmax bulk carrier save around 8 % fuel "
          "on Atlantic routes.</p>",
          "NO GR"),
        v("Rigid wing sails for ferries", "fjord", 6, "pending",
          "A folding rigid wing sail for ferries on exposed coastal routes.",
          "<p>Model tests in a towing tank are complete; a prototype wing is being built for "
          "a hybrid ferry.</p>",
          "DK", avail=("collaboration",)),
        v("Towing kite for fishing vessels", "kansai", 5, "pending",
          "A small automatic kite that pulls fishing boats on their way to and from the "
          "grounds.",
          "<p>Sea trials with a cooperative in Kyushu measured fuel savings of 10 % in good "
          "wind.</p>",
          "KR"),
    ),
    concept(
        "Y02T70 GI-TRA-MAR", "energy greenhouse-gases biodiversity", (9, 13, 14),
        "<p>Most of a cargo ship's fuel is spent overcoming friction between hull and water. A "
        "carpet of air bubbles under the hull, smooth foul-release coatings and regular "
        "in-water cleaning together cut fuel use by 5–15 % and stop ships carrying invasive "
        "species between ports.</p>",
        ("Air lubrication by compressors and hull outlets",
         "Biocide-free silicone or foul-release coatings",
         "Robotic cleaning that captures removed fouling"),
        v("Air lubrication system for container ships", "hanbit", 8, "patented",
          "A bubble-carpet system with compressors and flush hull outlets that reduces frictional "
          "resistance on large container ships by up to 8 %.",
          "<p>Hanbit supplies the control electronics and compressors to two Korean shipyards, "
          "which have fitted the system to eleven new vessels.</p>",
          "JP CN SG"),
        v("Biocide-free foul-release hull coating for tropical waters", "straits", 8, "patented",
          "A slippery silicone coating that keeps barnacles and weed from gripping the hull even "
          "in warm tropical seas, without copper or other biocides.",
          "<p>Listed by Straits for a Singapore coatings firm; harbour tugs and ferries coated in "
          "2022 have kept fuel savings of around 6 %.</p>",
          "MY ID PH"),
        v("Hull cleaning robot that captures fouling", "fjord", 8, "know_how",
          "A tethered robot that cleans hulls in port while filtering and collecting the removed "
          "fouling, so nothing is released into the harbour.",
          "<p>Fjord uses it on its own ferries every six weeks and offers it as a service in "
          "Bergen harbour.</p>",
          "DK SE IS"),
    ),
    concept(
        "Y02T50", "greenhouse-gases pollution health", (3, 9, 11),
        "<p>At busy airports, aircraft auxiliary power units and diesel ground vehicles are a "
        "large source of CO2, noise and air pollution for workers. Electric tugs, baggage "
        "tractors and ground power and air at the gate let aircraft switch their engines and "
        "auxiliary units off while parked.</p>",
        ("Electric tugs, loaders and baggage tractors",
         "400 Hz ground power and pre-conditioned air at every stand",
         "Charging scheduled around flight timetables"),
        v("Electric ground support equipment with fleet charging", "straits", 9, "know_how",
          "Electric baggage tractors, belt loaders and pushback tugs with a charging system that "
          "follows the flight schedule.",
          "<p>Listed by Straits for a Singapore ground-handling company that has electrified 70 % "
          "of its apron fleet.</p>",
          "MY TH PH"),
        v("Pre-conditioned air units for hot-climate gates", "southerncross", 9, "know_how",
          "Gate-mounted units that cool parked aircraft with grid power, so the auxiliary power "
          "unit can stay off during turnarounds in summer heat.",
          "<p>Installed at regional airports in South Australia and the Northern Territory, "
          "saving around 150 litres of jet fuel per turnaround.</p>",
          "NZ FJ PG"),
        v("Electric taxiing with a nose-wheel drive", "thames", 6, "pending",
          "An electric motor in the nose wheel that lets narrow-body aircraft taxi without "
          "running their main engines.",
          "<p>Listed by Thames for a Bristol engineering start-up; ground tests on a retired "
          "aircraft are complete.</p>",
          "IE FR", avail=("licence", "collaboration")),
    ),
    concept(
        "Y02T10 GI-TRA-VEH", "greenhouse-gases pollution health", (3, 11, 13),
        "<p>Most parcels and groceries in cities travel only a few kilometres on their last leg. "
        "Electric cargo bikes and tricycles working from small neighbourhood hubs deliver them "
        "as fast as vans, with no exhaust, and can use cycle lanes and pedestrian streets.</p>",
        ("Electric assist with 150–300 kg payload",
         "Swappable containers loaded at the hub",
         "Routing software for dense city centres"),
        v("Electric cargo bikes for parcel delivery", "polder", 9, "know_how",
          "Cargo bikes with swappable one-cubic-metre boxes and an operating model for parcel "
          "carriers in historic city centres.",
          "<p>Delft and Utrecht carriers use 140 bikes that replaced 45 vans in the inner "
          "city.</p>",
          "BE DE DK"),
        v("Micro-hubs in car parks for cargo-bike logistics", "thames", 8, "know_how",
          "Small logistics hubs in under-used council car parks where vans hand over parcels to "
          "cargo bikes.",
          "<p>Listed by Thames; four hubs in London boroughs handle 6,000 parcels a day.</p>",
          "IE"),
        v("Electric cargo tricycles for market traders", "lupita", 7, "open",
          "A cargo tricycle with a small hub motor and solar-charged battery, built from bicycle "
          "parts by local welders.",
          "<p>Its inventor has built 25 for tortilla and fruit sellers in Oaxaca; plans are "
          "shared freely.</p>",
          "GT HN", avail=("free",)),
    ),
]
