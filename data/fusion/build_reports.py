#!/usr/bin/env python3
"""Builds data/fusion/reports.jsonl: invented incidents at real places, each
told by 1-4 outlets the way wire services and local outlets differ (wording,
figures, a vaguer place or date), as sitrep `Event` records with a `cluster`
label. Deterministic: run it again and the file is identical.

    python3 data/fusion/build_reports.py > data/fusion/reports.jsonl

Every incident below is invented; places and coordinates are real.
"""
import json
import sys
from datetime import date, timedelta

# name: (admin1, lat, lon, country, iso)
PLACES = {
    "Maiduguri": ("Borno", 11.8469, 13.1571, "Nigeria", "NGA"),
    "Konduga": ("Borno", 11.6520, 13.4180, "Nigeria", "NGA"),
    "Dalori": ("Borno", 11.7833, 13.2333, "Nigeria", "NGA"),
    "Gwoza": ("Borno", 11.0860, 13.6900, "Nigeria", "NGA"),
    "Gusau": ("Zamfara", 12.1704, 6.6641, "Nigeria", "NGA"),
    "Bokkos": ("Plateau", 9.3000, 9.0000, "Nigeria", "NGA"),
    "Mogadishu": ("Banadir", 2.0469, 45.3182, "Somalia", "SOM"),
    "Afgooye": ("Lower Shabelle", 2.1400, 45.1200, "Somalia", "SOM"),
    "Baidoa": ("Bay", 3.1137, 43.6498, "Somalia", "SOM"),
    "Beledweyne": ("Hiraan", 4.7358, 45.2036, "Somalia", "SOM"),
    "Kharkiv": ("Kharkiv", 49.9935, 36.2304, "Ukraine", "UKR"),
    "Odesa": ("Odesa", 46.4825, 30.7233, "Ukraine", "UKR"),
    "Pokrovsk": ("Donetsk", 48.2820, 37.1760, "Ukraine", "UKR"),
    "Kramatorsk": ("Donetsk", 48.7389, 37.5844, "Ukraine", "UKR"),
    "Kherson": ("Kherson", 46.6354, 32.6169, "Ukraine", "UKR"),
    "Sumy": ("Sumy", 50.9077, 34.7981, "Ukraine", "UKR"),
    "El Fasher": ("North Darfur", 13.6279, 25.3494, "Sudan", "SDN"),
    "Omdurman": ("Khartoum", 15.6445, 32.4777, "Sudan", "SDN"),
    "Wad Madani": ("Al Jazirah", 14.4012, 33.5199, "Sudan", "SDN"),
    "Goma": ("North Kivu", -1.6792, 29.2228, "Democratic Republic of Congo", "COD"),
    "Beni": ("North Kivu", 0.4911, 29.4731, "Democratic Republic of Congo", "COD"),
    "Oicha": ("North Kivu", 0.7000, 29.5200, "Democratic Republic of Congo", "COD"),
    "Bunia": ("Ituri", 1.5594, 30.2522, "Democratic Republic of Congo", "COD"),
    "Gao": ("Gao", 16.2717, -0.0447, "Mali", "MLI"),
    "Mopti": ("Mopti", 14.4843, -4.1826, "Mali", "MLI"),
    "Djibo": ("Sahel", 14.1010, -1.6303, "Burkina Faso", "BFA"),
    "Kaya": ("Centre-Nord", 13.0917, -1.0844, "Burkina Faso", "BFA"),
    "Idlib": ("Idlib", 35.9306, 36.6339, "Syria", "SYR"),
    "Daraa": ("Daraa", 32.6189, 36.1021, "Syria", "SYR"),
    "Marib": ("Marib", 15.4625, 45.3253, "Yemen", "YEM"),
    "Taiz": ("Taiz", 13.5795, 44.0209, "Yemen", "YEM"),
    "Myawaddy": ("Kayin", 16.6881, 98.5089, "Myanmar", "MMR"),
    "Peshawar": ("Khyber Pakhtunkhwa", 34.0151, 71.5249, "Pakistan", "PAK"),
    "Quetta": ("Balochistan", 30.1798, 66.9750, "Pakistan", "PAK"),
    "Mocimboa da Praia": ("Cabo Delgado", -11.3475, 40.3547, "Mozambique", "MOZ"),
    "Port-au-Prince": ("Ouest", 18.5944, -72.3074, "Haiti", "HTI"),
    "Nairobi": ("Nairobi", -1.2864, 36.8172, "Kenya", "KEN"),
}

# Rough admin1 centroids, for reports that name only the province.
REGIONS = {
    "Borno": (11.50, 13.00),
    "Banadir": (2.06, 45.33),
    "Donetsk": (48.00, 37.80),
    "Kharkiv": (49.60, 36.60),
    "North Darfur": (15.80, 25.40),
    "North Kivu": (-0.80, 29.00),
    "Ituri": (1.70, 29.90),
    "Sahel": (14.20, -0.50),
    "Idlib": (35.80, 36.60),
    "Cabo Delgado": (-12.30, 39.70),
    "Marib": (15.50, 45.50),
    "Kayin": (17.00, 97.80),
}

EVENT_TYPES = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Air/drone strike": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Arrests": "Strategic developments",
}

# Each incident: cluster id, sub-event type, place, day, actor1, inter1,
# actor2, inter2, and its reports. A report is
#   (outlet, day offset, time precision, place form, fatalities, notes[, actors[, sub-event type]])
# place form: "town" (geo 1), "near" (geo 2, same town's coordinates),
# "region" (geo 3, the admin1 centroid), or another town's name (geo 1).
# actors: (actor1, actor2) overriding the incident's, None for unknown.
INCIDENTS = [
    ("ng-maid-ied-0312", "Remote explosive/landmine/IED", "Maiduguri", date(2024, 3, 12),
     "Boko Haram - JAS", 2, "Civilians (Nigeria)", 7, [
        ("afp", 0, 1, "town", 7, "A roadside bomb ripped through a minibus on the Maiduguri-Damboa road on the outskirts of Maiduguri, killing seven passengers, police said."),
        ("reuters", 0, 1, "town", 9, "At least nine people died when an improvised explosive device hit a commuter bus outside Maiduguri, Borno's capital, a militia leader said."),
        ("premiumtimes", 1, 1, "near", 8, "Eight passengers were killed on Tuesday evening when suspected Boko Haram insurgents detonated a bomb under a bus near Maiduguri."),
        ("bbc", 0, 2, "region", 7, "A bus struck a landmine in Borno state this week; officials say seven people died.", (None, "Civilians (Nigeria)")),
        # Hard: names the village nearest the blast instead of the city.
        ("dailytrust", 0, 1, "Dalori", 8, "Eight travellers died when a bomb exploded under their bus at Dalori, on the road out of Maiduguri."),
    ]),
    # Same town, same type, a week later: a different incident.
    ("ng-maid-ied-0319", "Remote explosive/landmine/IED", "Maiduguri", date(2024, 3, 19),
     "Boko Haram - JAS", 2, "Civilians (Nigeria)", 7, [
        ("afp", 0, 1, "town", 3, "Three farmers were killed when their tricycle drove over a mine at the edge of Maiduguri, residents said."),
        ("channels", 0, 1, "town", 4, "Four people died after a tricycle hit an explosive device planted on a farm road in Maiduguri."),
    ]),
    ("ng-konduga-clash-0314", "Armed clash", "Konduga", date(2024, 3, 14),
     "Military Forces of Nigeria (2023-)", 1, "Islamic State West Africa Province", 2, [
        ("reuters", 0, 1, "town", 11, "Nigerian troops repelled an attack by Islamic State West Africa Province fighters on a base in Konduga, killing 11 militants, the army said."),
        ("humangle", 0, 1, "town", 15, "ISWAP fighters stormed the army base in Konduga late Thursday; the military said 15 insurgents were killed in a two-hour gunfight."),
        ("ap", 1, 1, "near", 11, "Soldiers fought off militants near Konduga overnight, killing 11, a military spokesman said.", ("Military Forces of Nigeria (2023-)", None)),
    ]),
    ("ng-gwoza-abduct-0402", "Abduction/forced disappearance", "Gwoza", date(2024, 4, 2),
     "Boko Haram - JAS", 2, "Civilians (Nigeria)", 7, [
        ("afp", 0, 1, "town", 0, "Jihadists abducted at least 20 women collecting firewood outside Gwoza, community leaders said."),
        ("premiumtimes", 1, 1, "town", 0, "Suspected Boko Haram gunmen kidnapped more than 20 women near a displacement camp in Gwoza, Borno state."),
        ("bbc", 0, 2, "region", 0, "Dozens of women are missing after an abduction in Borno state, a local official said."),
    ]),
    ("ng-gusau-bandits-0408", "Attack", "Gusau", date(2024, 4, 8),
     "Bandits (Nigeria)", 3, "Civilians (Nigeria)", 7, [
        ("reuters", 0, 1, "town", 12, "Armed bandits on motorcycles killed 12 villagers in a raid on a settlement outside Gusau in Zamfara state, police said."),
        ("dailytrust", 0, 1, "town", 14, "Fourteen people were killed when bandits attacked a village on the outskirts of Gusau on Monday night, residents said."),
    ]),
    # Same day as the Gusau raid, another state, same type.
    ("ng-bokkos-attack-0408", "Attack", "Bokkos", date(2024, 4, 8),
     "Unidentified Armed Group (Nigeria)", 3, "Civilians (Nigeria)", 7, [
        ("afp", 0, 1, "town", 17, "Gunmen killed 17 people in overnight attacks on farming villages in Bokkos, Plateau state, a local official said."),
        ("channels", 0, 1, "town", 21, "At least 21 villagers died when armed men attacked two communities in Bokkos local government area."),
        ("punch", 1, 1, "town", 17, "The Plateau police command confirmed 17 deaths after gunmen stormed villages in Bokkos."),
    ]),
    ("so-mog-ied-0505-hodan", "Remote explosive/landmine/IED", "Mogadishu", date(2024, 5, 5),
     "Al Shabaab", 2, "Civilians (Somalia)", 7, [
        ("garowe", 0, 1, "town", 4, "A car bomb exploded outside a restaurant in Hodan district of Mogadishu, killing four diners, police said."),
        ("hiiraan", 0, 1, "town", 5, "Five people died when explosives packed in a car went off near a busy restaurant in Hodan, Mogadishu."),
    ]),
    # Same city, same day, same type: a second bomb, at the port.
    ("so-mog-ied-0505-port", "Remote explosive/landmine/IED", "Mogadishu", date(2024, 5, 5),
     "Al Shabaab", 2, "Civilians (Somalia)", 7, [
        ("reuters", 0, 1, "town", 2, "A roadside bomb struck a truck at the entrance of Mogadishu port in Hamar Weyne, killing two dock workers."),
        ("sonna", 0, 1, "town", 2, "Two port workers were killed when a mine hit their truck at the seaport gate in Hamar Weyne district."),
    ]),
    ("so-afgooye-clash-0505", "Armed clash", "Afgooye", date(2024, 5, 5),
     "Al Shabaab", 2, "Military Forces of Somalia (2022-)", 1, [
        ("garowe", 0, 1, "town", 6, "Al Shabaab fighters attacked a military checkpoint in Afgooye, sparking a gunbattle that killed six soldiers."),
        ("voa", 0, 1, "town", 9, "Nine people, including seven soldiers, were killed when militants raided an army checkpoint in Afgooye, Lower Shabelle."),
    ]),
    # Same day in Mogadishu, a clash (different type from the bombs).
    ("so-mog-clash-0505", "Armed clash", "Mogadishu", date(2024, 5, 5),
     "Al Shabaab", 2, "Military Forces of Somalia (2022-)", 1, [
        ("hiiraan", 0, 1, "town", 3, "Government troops exchanged fire with Al Shabaab gunmen who attacked a police station in Mogadishu's Dayniile district; three were killed."),
        ("garowe", 0, 1, "near", 3, "Three people died in a firefight between security forces and insurgents on the northern edge of Mogadishu."),
    ]),
    ("so-baidoa-mortar-0511", "Shelling/artillery/missile attack", "Baidoa", date(2024, 5, 11),
     "Al Shabaab", 2, "Civilians (Somalia)", 7, [
        ("reuters", 0, 1, "town", 3, "Mortar shells fired by militants landed in a residential area of Baidoa, killing three children, officials said."),
        ("garowe", 0, 1, "town", 3, "Three children were killed when Al Shabaab mortars hit homes near the airport in Baidoa."),
        ("afp", 0, 1, "town", 4, "Four civilians died in a mortar attack on Baidoa blamed on Shabaab insurgents."),
    ]),
    ("so-beled-suicide-0520", "Suicide bomb", "Beledweyne", date(2024, 5, 20),
     "Al Shabaab", 2, "Military Forces of Somalia (2022-)", 1, [
        ("voa", 0, 1, "town", 8, "A suicide bomber blew himself up at a military camp in Beledweyne, killing eight soldiers, a commander said."),
        ("hiiraan", 0, 1, "town", 12, "At least 12 people were killed when a suicide car bomb targeted the army base in Beledweyne."),
        ("garowe", 1, 1, "town", 10, "Death toll in Beledweyne suicide attack on the army camp rises to 10, local officials say."),
        ("bbc", 0, 2, "town", 8, "Somalia's army says eight troops died in a suicide bombing at their base in central Somalia's Beledweyne this week."),
    ]),
    ("ua-kharkiv-missile-0615", "Shelling/artillery/missile attack", "Kharkiv", date(2024, 6, 15),
     "Military Forces of Russia (2000-)", 8, "Civilians (Ukraine)", 7, [
        ("kyivindependent", 0, 1, "town", 5, "A Russian Iskander missile struck a residential block in Kharkiv, killing five people and injuring 30, the regional governor said."),
        ("reuters", 0, 1, "town", 6, "Six people were killed when a Russian ballistic missile hit an apartment building in Kharkiv, Ukraine's second-largest city."),
        ("ukrinform", 0, 1, "town", 5, "Five killed as Russian missile hits high-rise in Kharkiv's Kyivskyi district, says governor Syniehubov."),
        # Hard: a follow-up article whose "on Saturday" was resolved two days late.
        ("ap", 2, 1, "town", 6, "Kharkiv mourned six people killed when a Russian missile struck an apartment block on Saturday."),
    ]),
    # Same day, different oblast, same type.
    ("ua-odesa-missile-0615", "Shelling/artillery/missile attack", "Odesa", date(2024, 6, 15),
     "Military Forces of Russia (2000-)", 8, "Civilians (Ukraine)", 7, [
        ("kyivindependent", 0, 1, "town", 2, "A missile attack on Odesa's port infrastructure killed two workers, the Odesa regional administration said."),
        ("ap", 0, 1, "town", 3, "Russian missiles struck the port of Odesa overnight, killing three people, Ukrainian officials said."),
    ]),
    ("ua-pokrovsk-shelling-0620", "Shelling/artillery/missile attack", "Pokrovsk", date(2024, 6, 20),
     "Military Forces of Russia (2000-)", 8, "Civilians (Ukraine)", 7, [
        ("ukrinform", 0, 1, "town", 2, "Russian shelling of Pokrovsk killed two civilians and damaged a school, the Donetsk military administration reported."),
        ("reuters", 0, 1, "town", 2, "Two people were killed by Russian artillery fire on the town of Pokrovsk in eastern Ukraine, officials said."),
        ("kyivindependent", 0, 2, "region", 3, "Russian attacks on Donetsk Oblast killed three civilians over the past week, governor Filashkin said.", ("Military Forces of Russia (2000-)", None)),
    ]),
    # Same day, same oblast, 55 km away.
    ("ua-kramatorsk-shelling-0620", "Shelling/artillery/missile attack", "Kramatorsk", date(2024, 6, 20),
     "Military Forces of Russia (2000-)", 8, "Civilians (Ukraine)", 7, [
        ("ukrinform", 0, 1, "town", 1, "A guided aerial bomb hit a market in Kramatorsk, killing one woman, the city administration said."),
        ("suspilne", 0, 1, "town", 1, "One person died after Russian forces shelled the central market in Kramatorsk."),
    ]),
    ("ua-kherson-drone-0702", "Air/drone strike", "Kherson", date(2024, 7, 2),
     "Military Forces of Russia (2000-)", 8, "Civilians (Ukraine)", 7, [
        ("suspilne", 0, 1, "town", 1, "A Russian drone dropped explosives on a bus stop in Kherson, killing a 64-year-old man."),
        ("ukrinform", 0, 1, "town", 1, "One man was killed when a Russian drone attacked a public transport stop in Kherson's Dniprovskyi district."),
        ("kyivindependent", 1, 1, "town", 1, "Kherson governor Prokudin says a drone strike on a bus stop on July 2 killed one civilian."),
    ]),
    ("ua-sumy-strike-0705", "Air/drone strike", "Sumy", date(2024, 7, 5),
     "Military Forces of Russia (2000-)", 8, "Civilians (Ukraine)", 7, [
        ("reuters", 0, 1, "town", 0, "Russian drones hit an energy facility in Sumy, cutting power to thousands of homes; no casualties were reported."),
        ("suspilne", 0, 1, "town", 0, "Shahed drones struck energy infrastructure in Sumy overnight, the regional administration said."),
    ]),
    ("sd-fasher-shelling-0801", "Shelling/artillery/missile attack", "El Fasher", date(2024, 8, 1),
     "Rapid Support Forces", 2, "Civilians (Sudan)", 7, [
        ("dabanga", 0, 1, "town", 14, "RSF artillery shelled Abu Shouk camp in El Fasher, killing 14 displaced people, according to the camp coordination committee."),
        ("reuters", 0, 1, "town", 12, "At least 12 people were killed when the Rapid Support Forces shelled a displacement camp on the edge of El Fasher, activists said."),
        ("sudantribune", 1, 1, "town", 20, "Twenty civilians were killed in RSF shelling of Abu Shouk camp, the North Darfur governor's office said."),
        ("bbc", 0, 2, "region", 12, "Shelling of a camp in North Darfur this week killed a dozen people, aid workers said.", (None, "Civilians (Sudan)")),
    ]),
    # Same town, three days later: another shelling.
    ("sd-fasher-shelling-0804", "Shelling/artillery/missile attack", "El Fasher", date(2024, 8, 4),
     "Rapid Support Forces", 2, "Civilians (Sudan)", 7, [
        ("dabanga", 0, 1, "town", 6, "Six people died when shells hit the Saudi hospital in El Fasher, doctors said."),
        ("msf", 0, 1, "town", 6, "Shelling struck the Saudi Hospital in El Fasher on Sunday, killing six patients and carers."),
    ]),
    ("sd-omdurman-clash-0810", "Armed clash", "Omdurman", date(2024, 8, 10),
     "Military Forces of Sudan (2019-)", 1, "Rapid Support Forces", 2, [
        ("sudantribune", 0, 1, "town", 25, "The Sudanese army said it killed 25 RSF fighters in battles in Omdurman's Karari locality."),
        ("reuters", 0, 1, "town", None, "Heavy fighting broke out between the army and the paramilitary Rapid Support Forces in Omdurman, witnesses said."),
        ("aljazeera", 1, 1, "town", 25, "Clashes between the RSF and the SAF in Omdurman left 25 fighters dead, according to the army.", ("Rapid Support Forces", "Military Forces of Sudan (2019-)")),
    ]),
    ("sd-madani-takeover-0818", "Non-state actor overtakes territory", "Wad Madani", date(2024, 8, 18),
     "Rapid Support Forces", 2, "Military Forces of Sudan (2019-)", 1, [
        ("reuters", 0, 1, "town", None, "The Rapid Support Forces said they had taken control of Wad Madani, capital of Al Jazirah state, after the army withdrew."),
        ("dabanga", 0, 1, "town", None, "RSF fighters entered Wad Madani on Sunday and seized the army's first infantry division headquarters."),
        ("aljazeera", 1, 1, "town", None, "Sudan's army confirmed its forces pulled out of Wad Madani as the RSF took over the city."),
    ]),
    ("cd-goma-protest-0905", "Peaceful protest", "Goma", date(2024, 9, 5),
     "Protesters (Democratic Republic of Congo)", 6, None, None, [
        ("radiookapi", 0, 1, "town", 0, "Hundreds of residents marched peacefully through Goma to denounce insecurity in North Kivu."),
        ("actualite", 0, 1, "town", 0, "Civil society groups led a peaceful march in Goma demanding an end to M23 attacks."),
    ]),
    # Same day, same town: a riot (different type).
    ("cd-goma-riot-0905", "Violent demonstration", "Goma", date(2024, 9, 5),
     "Rioters (Democratic Republic of Congo)", 5, None, None, [
        ("reuters", 0, 1, "town", 1, "Youths burned tyres and looted shops near the MONUSCO base in Goma; one person was killed."),
        ("radiookapi", 0, 1, "town", 1, "One dead as angry youths attacked the UN logistics base in Goma and clashed with police."),
        ("afp", 1, 1, "town", 1, "A rioter was shot dead during violent anti-UN demonstrations outside a MONUSCO compound in Goma."),
    ]),
    ("cd-beni-adf-0912", "Attack", "Beni", date(2024, 9, 12),
     "ADF: Allied Democratic Forces", 2, "Civilians (Democratic Republic of Congo)", 7, [
        ("radiookapi", 0, 1, "town", 18, "Suspected ADF rebels killed 18 civilians with machetes in a village near Beni, local authorities said."),
        ("reuters", 0, 1, "near", 22, "At least 22 villagers were killed overnight by Allied Democratic Forces militants in the Beni area, a civil society leader said."),
        ("actualite", 1, 1, "town", 18, "The Beni territory administrator confirmed 18 deaths in an ADF raid on a village north of the town."),
        ("bbc", 0, 2, "region", 20, "Islamist rebels killed around 20 people in an attack in North Kivu province this week.", (None, "Civilians (Democratic Republic of Congo)")),
        # Hard: placed at the nearest town with a health centre, 24 km north.
        ("mediacongo", 1, 1, "Oicha", 19, "Nineteen bodies of villagers killed by ADF rebels were brought to Oicha, in Beni territory."),
    ]),
    ("cd-bunia-codeco-0920", "Attack", "Bunia", date(2024, 9, 20),
     "CODECO: Cooperative for Development of Congo", 4, "Civilians (Democratic Republic of Congo)", 7, [
        ("radiookapi", 0, 1, "town", 9, "CODECO militiamen attacked a displacement site on the outskirts of Bunia, killing nine people."),
        ("actualite", 0, 1, "town", 11, "Eleven displaced people were killed when CODECO fighters raided a camp near Bunia in Ituri province."),
    ]),
    ("ml-gao-ied-1003", "Remote explosive/landmine/IED", "Gao", date(2024, 10, 3),
     "JNIM: Jamaah Nusrat al Islam wal Muslimin", 2, "Military Forces of Mali (2021-)", 1, [
        ("afp", 0, 1, "town", 4, "Four Malian soldiers were killed when their vehicle hit an improvised explosive device on the outskirts of Gao, a military source said."),
        ("studiotamani", 0, 1, "town", 4, "An army patrol struck a mine near Gao, killing four soldiers; JNIM claimed the attack."),
        ("rfi", 1, 2, "town", 5, "Five soldiers were killed this week in an explosion on the road out of Gao, security sources said.", (None, "Military Forces of Mali (2021-)")),
    ]),
    ("ml-mopti-arrests-1008", "Arrests", "Mopti", date(2024, 10, 8),
     "Military Forces of Mali (2021-)", 1, "Civilians (Mali)", 7, [
        ("studiotamani", 0, 1, "town", 0, "Malian soldiers arrested 12 men at a market in Mopti on suspicion of links to jihadist groups."),
        ("rfi", 0, 1, "town", 0, "The army detained a dozen traders in Mopti accused of supplying jihadists, relatives said."),
    ]),
    ("bf-djibo-attack-1015", "Armed clash", "Djibo", date(2024, 10, 15),
     "JNIM: Jamaah Nusrat al Islam wal Muslimin", 2, "Military Forces of Burkina Faso (2022-)", 1, [
        ("afp", 0, 1, "town", 30, "Jihadists attacked an army detachment in Djibo, sparking hours of fighting; security sources said 30 soldiers and volunteers died."),
        ("reuters", 0, 1, "town", 40, "About 40 people were killed when JNIM militants assaulted military positions in the northern town of Djibo."),
        ("lefaso", 1, 2, "region", 30, "The Sahel region saw a major attack on army positions this week; a toll of 30 was given.", (None, "Military Forces of Burkina Faso (2022-)")),
        # Hard: coded as an attack on civilians (the dead were mostly volunteers).
        ("aa", 0, 1, "town", 30, "JNIM gunmen killed 30 people, most of them civilian volunteers, in an assault on Djibo.", ("JNIM: Jamaah Nusrat al Islam wal Muslimin", "Civilians (Burkina Faso)"), "Attack"),
    ]),
    # Same week, other province.
    ("bf-kaya-attack-1016", "Armed clash", "Kaya", date(2024, 10, 16),
     "JNIM: Jamaah Nusrat al Islam wal Muslimin", 2, "Military Forces of Burkina Faso (2022-)", 1, [
        ("afp", 0, 1, "town", 6, "Six soldiers were killed in an ambush on a convoy outside Kaya, capital of the Centre-Nord region."),
        ("lefaso", 0, 1, "town", 6, "An army supply convoy was ambushed near Kaya; six soldiers lost their lives."),
    ]),
    ("sy-idlib-airstrike-1102", "Air/drone strike", "Idlib", date(2024, 11, 2),
     "Military Forces of Russia (2000-)", 8, "Civilians (Syria)", 7, [
        ("sohr", 0, 1, "town", 7, "Russian warplanes struck a vegetable market in Idlib city, killing seven civilians, the Syrian Observatory said."),
        ("whitehelmets", 0, 1, "town", 9, "Nine civilians were killed and 20 injured in airstrikes on a market in Idlib, rescuers said.", ("Military Forces of Syria (2000-2024)", "Civilians (Syria)")),
        ("reuters", 0, 1, "town", 7, "Air strikes hit a crowded market in the rebel-held city of Idlib, killing at least seven, a war monitor said.", (None, "Civilians (Syria)")),
    ]),
    ("sy-daraa-assassination-1109", "Attack", "Daraa", date(2024, 11, 9),
     "Unidentified Armed Group (Syria)", 3, "Civilians (Syria)", 7, [
        ("sohr", 0, 1, "town", 1, "Unidentified gunmen shot dead a former reconciliation official in Daraa city."),
        ("horan", 0, 1, "town", 1, "A local notable was assassinated by masked gunmen in Daraa al-Balad on Saturday."),
    ]),
    ("ye-marib-missile-1120", "Shelling/artillery/missile attack", "Marib", date(2024, 11, 20),
     "Houthi Movement", 3, "Civilians (Yemen)", 7, [
        ("reuters", 0, 1, "town", 5, "A ballistic missile fired by the Houthis hit a mosque in Marib, killing five worshippers, a government official said."),
        ("sabanew", 0, 1, "town", 8, "Eight people died when a Houthi missile struck a mosque in the city of Marib."),
        ("aljazeera", 1, 2, "region", 5, "A Houthi missile attack in Marib governorate killed five people this week.", ("Houthi Movement", None)),
    ]),
    ("ye-taiz-sniper-1122", "Attack", "Taiz", date(2024, 11, 22),
     "Houthi Movement", 3, "Civilians (Yemen)", 7, [
        ("sabanew", 0, 1, "town", 1, "A Houthi sniper killed a child in the besieged city of Taiz."),
        ("reuters", 0, 1, "town", 1, "A child was shot dead by a sniper in Taiz; the government blamed the Houthis."),
    ]),
    ("mm-myawaddy-clash-1205", "Armed clash", "Myawaddy", date(2024, 12, 5),
     "KNLA: Karen National Liberation Army", 2, "Military Forces of Myanmar (2021-)", 1, [
        ("irrawaddy", 0, 1, "town", 10, "Karen resistance forces overran a junta outpost near Myawaddy after a day of fighting; ten soldiers were killed."),
        ("reuters", 0, 1, "near", 13, "Fighting between the Karen National Liberation Army and Myanmar's military near the Thai border town of Myawaddy killed 13, sources said."),
        ("myanmarnow", 1, 2, "region", 10, "Heavy clashes in Kayin State this week left at least 10 junta troops dead.", (None, "Military Forces of Myanmar (2021-)")),
    ]),
    ("pk-peshawar-suicide-1210", "Suicide bomb", "Peshawar", date(2024, 12, 10),
     "TTP: Tehreek-i-Taliban Pakistan", 2, "Police Forces of Pakistan (2018-)", 1, [
        ("dawn", 0, 1, "town", 6, "A suicide bomber struck a police checkpoint in Peshawar, killing six policemen, officials said."),
        ("reuters", 0, 1, "town", 7, "Seven people, most of them police, were killed when a suicide bomber blew himself up at a checkpost in Peshawar."),
        ("geo", 0, 1, "town", 6, "Six cops martyred in suicide attack on Peshawar police check post; TTP claims responsibility."),
    ]),
    # Same day, other province, same type.
    ("pk-quetta-suicide-1210", "Suicide bomb", "Quetta", date(2024, 12, 10),
     "BLA: Balochistan Liberation Army", 2, "Military Forces of Pakistan (2018-)", 1, [
        ("dawn", 0, 1, "town", 4, "Four soldiers were killed when a suicide bomber targeted a military vehicle in Quetta."),
        ("reuters", 0, 1, "town", 4, "A suicide attack on an army truck in Quetta killed four troops; the BLA claimed it."),
    ]),
    ("mz-mocimboa-attack-0115", "Attack", "Mocimboa da Praia", date(2025, 1, 15),
     "Islamic State Mozambique Province", 2, "Civilians (Mozambique)", 7, [
        ("lusa", 0, 1, "town", 5, "Insurgents beheaded five fishermen near Mocimboa da Praia, local sources said."),
        ("cabo-ligado", 0, 2, "region", 5, "Islamic State fighters killed five civilians in an attack on fishermen in Cabo Delgado province this week."),
        ("zitamar", 1, 1, "town", 6, "Six fishermen were killed by Islamic State insurgents on the coast at Mocimboa da Praia."),
    ]),
    ("ht-pap-gangs-0125", "Attack", "Port-au-Prince", date(2025, 1, 25),
     "Viv Ansanm", 3, "Civilians (Haiti)", 7, [
        ("ap", 0, 1, "town", 15, "Gang members killed at least 15 people in an attack on the Port-au-Prince neighbourhood of Solino, a rights group said."),
        ("reuters", 0, 1, "town", 18, "Armed gangs of the Viv Ansanm coalition killed 18 residents in Solino, in Haiti's capital Port-au-Prince."),
        ("lenouvelliste", 1, 1, "town", 15, "Quinze personnes tuées à Solino, Port-au-Prince, lors d'une attaque des gangs de Viv Ansanm.", ("Viv Ansanm", "Civilians (Haiti)")),
    ]),
    ("ke-nairobi-protest-0205", "Excessive force against protesters", "Nairobi", date(2025, 2, 5),
     "Police Forces of Kenya (2022-)", 1, "Protesters (Kenya)", 6, [
        ("nation", 0, 1, "town", 2, "Police fired live rounds at protesters marching on parliament in Nairobi, killing two, rights groups said."),
        ("reuters", 0, 1, "town", 3, "Three protesters were shot dead as Kenyan police dispersed demonstrators in central Nairobi with tear gas and live fire."),
        ("standard", 0, 1, "town", 2, "Two demonstrators died after police opened fire during finance bill protests in Nairobi's central business district."),
    ]),
]

# Documents that report two incidents at once (a daily round-up): the same
# doc_id carries two events, which must stay apart.
ROUNDUPS = [
    ("garowe-roundup-0505", [
        ("so-mog-ied-0505-hodan", 0, 1, "town", 4, "A car bomb outside a Hodan restaurant killed four in Mogadishu."),
        ("so-mog-ied-0505-port", 0, 1, "town", 2, "Separately, a roadside bomb killed two workers at the Mogadishu port gate."),
    ]),
    ("kyivindependent-roundup-0620", [
        ("ua-pokrovsk-shelling-0620", 0, 1, "town", 2, "Russian shelling killed two civilians in Pokrovsk."),
        ("ua-kramatorsk-shelling-0620", 0, 1, "town", 1, "A guided bomb hit the Kramatorsk market, killing one."),
    ]),
]


# Actor types of actors that appear only in one outlet's attribution.
OTHER_ACTOR_TYPES = {"Military Forces of Syria (2000-2024)": 1, "Civilians (Burkina Faso)": 7}


ISO_NUMERIC = {"BFA": 854, "COD": 180, "HTI": 332, "KEN": 404, "MLI": 466, "MMR": 104, "MOZ": 508, "NGA": 566, "PAK": 586, "SDN": 729, "SOM": 706, "SYR": 760, "UKR": 804, "YEM": 887}  # ISO 3166-1 numeric, ACLED's iso

def place_fields(incident_place, form):
    """Location fields of one report."""
    if form in ("town", "near"):
        admin1, lat, lon, country, iso = PLACES[incident_place]
        return incident_place, admin1, lat, lon, country, iso, 1 if form == "town" else 2
    if form == "region":
        admin1, _, _, country, iso = PLACES[incident_place]
        lat, lon = REGIONS[admin1]
        return admin1, admin1, lat, lon, country, iso, 3
    admin1, lat, lon, country, iso = PLACES[form]
    return form, admin1, lat, lon, country, iso, 1


def evidence_for(notes, value, field):
    """Evidence span (character offsets) for a value found verbatim in notes."""
    if value is None:
        return None
    i = notes.find(str(value))
    if i < 0:
        return None
    return field, {"start": i, "end": i + len(str(value)), "text": str(value)}


def event_record(doc_id, n, cluster, sub_type, incident_place, day, actors, inters, report):
    outlet, offset, precision, form, fatalities, notes = report[:6]
    actor1, actor2 = report[6] if len(report) > 6 else actors
    if len(report) > 7:
        sub_type = report[7]
    types = {actors[0]: inters[0], actors[1]: inters[1], **OTHER_ACTOR_TYPES}
    inter1 = types.get(actor1) if actor1 is not None else None
    inter2 = types.get(actor2) if actor2 is not None else None
    location, admin1, lat, lon, country, iso, geo = place_fields(incident_place, form)
    event_date = day + timedelta(days=offset)
    if precision == 2:
        # Week precision: ACLED codes the week's middle (Wednesday here).
        event_date = event_date - timedelta(days=event_date.weekday()) + timedelta(days=2)
    evidence = {"notes": {"start": 0, "end": len(notes), "text": notes}}
    for field, value in (("location", location), ("fatalities", fatalities)):
        found = evidence_for(notes, value, field)
        if found:
            evidence[found[0]] = found[1]
    interaction = None
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    if len(codes) == 2:
        interaction = codes[0] * 10 + codes[1]
    elif len(codes) == 1:
        interaction = codes[0] * 10
    return {
        "cluster": cluster,
        "event_id": f"{doc_id}#{n}",
        "event_date": event_date.isoformat(),
        "time_precision": precision,
        "event_type": EVENT_TYPES[sub_type],
        "sub_event_type": sub_type,
        "actor1": actor1,
        "assoc_actor_1": None,
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": None,
        "inter2": inter2,
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if (actor2 or "").startswith("Civilians") else None,
        "iso": ISO_NUMERIC[iso],
        "country": country,
        "admin1": admin1,
        "admin2": None,
        "location": location,
        "latitude": lat,
        "longitude": lon,
        "geo_precision": geo,
        "fatalities": fatalities,
        "notes": notes,
        "source": outlet,
        "doc_id": doc_id,
        "confidence": 0.7,
        "wounded": None,
        "evidence": evidence,
    }


def main():
    by_cluster = {inc[0]: inc for inc in INCIDENTS}
    out = []
    serial = 0
    for cluster, sub_type, place, day, a1, i1, a2, i2, reports in INCIDENTS:
        for report in reports:
            outlet, offset = report[0], report[1]
            serial += 1
            doc_id = f"{outlet}-{(day + timedelta(days=offset)).strftime('%Y%m%d')}-{serial:03}"
            out.append(event_record(doc_id, 1, cluster, sub_type, place, day, (a1, a2), (i1, i2), report))
    for doc_id, items in ROUNDUPS:
        outlet = doc_id.split("-")[0]
        for n, (cluster, *report) in enumerate(items, start=1):
            _, sub_type, place, day, a1, i1, a2, i2, _ = by_cluster[cluster]
            out.append(event_record(doc_id, n, cluster, sub_type, place, day, (a1, a2), (i1, i2), (outlet, *report)))
    for record in out:
        json.dump(record, sys.stdout, ensure_ascii=False, sort_keys=False)
        sys.stdout.write("\n")


if __name__ == "__main__":
    main()
