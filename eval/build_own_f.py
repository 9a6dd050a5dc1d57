"""Blind evaluation set F for kamerstuk 32 824 nr. 451 (written from the source text only).

Writes eval/queries-own-f.jsonl: 60 answerable queries (one per drawn answer) and
20 unanswerable ones (style "none", gold []).
"""

from blind_sets import GROUP_47, ordered, write

# (query, gold, style); the comment names the drawn answer it was written from
QUERIES = [
    # 2
    ("Hoe groot was in 2023 de oververtegenwoordiging in de bijstand van mensen met een buiten-Europese achtergrond?", [2, 20], "fact"),
    # 5
    ("Aan wat voor gedrag denkt de staatssecretaris precies als ze zegt dat onze vrijheden geen vrijbrief zijn? Heb je een voorbeeld?", [5], "nl"),
    # 8
    ("How are migration and integration tied together in the new integration approach?", [8, 33], "en"),
    # 12
    ("Welk onderdeel van de actieagenda moet de onderlinge band tussen alle Nederlanders versterken, dus niet alleen die van nieuwkomers?", [12], "nl"),
    # 13
    ("hoe voorkom je dat mensen met een migratieachtergond in die brieven alleen nog als probleem worden neergezet?", [13, 222], "typo"),
    # 14
    ("nieuwkomer wettelijke definitie", [14], "kw"),
    # 18
    ("Wat is er nou echt anders aan deze actieagenda vergeleken met het integratiebeleid van de afgelopen decennia?", [18], "nl"),
    # 25
    ("praat de staatsecretaris ook met jongeren uit migrantengemeenschappen over hun zorgen en de discriminatie die ze ervaren?", [17, 25], "typo"),
    # 31
    ("Is the integration agenda about where people come from or about what they contribute? I'm worried it creates an us-versus-them split.", [31], "en"),
    # 38
    ("Uit welk budget wordt de actieagenda op dit moment betaald?", [38], "fact"),
    # 41
    ("Does the state secretary expect the share of people with a non-European background among crime suspects to keep going down?", [41], "en"),
    # 43
    ("Ziet het kabinet naast de krimpende verschillen in criminaliteit ook nog grote achterstanden, bijvoorbeeld bij de eerste generatie in de bijstand?", [43], "nl"),
    # 44
    ("omschrijving problematisch gedrag POCOB", [44, 45], "kw"),
    # 47
    ("Hoeveel procent van de vrouwelijke migranten heeft betaald werk, vergeleken met mannelijke migranten?", GROUP_47, "fact"),
    # 48
    ("Welk rapportcijfer geven Oekraïense vluchtelingen zichzelf gemiddeld voor hun Nederlands?", [48], "fact"),
    # 50
    ("Richt de actieagenda zich ook op Nederlanders van wie de familie hier al generaties woont, maar die zich niks aantrekken van de spelregels van onze samenleving?", [50, 59, 63, 64], "nl"),
    # 57
    ("Komt er een apart plan tegen eerwraak en ander geweld in naam van de familie-eer, of loopt dat mee in de bestaande aanpak?", [57], "nl"),
    # 66
    ("wederzijdse integratie rol ontvangende samenleving", [66, 28], "kw"),
    # 85
    ("Wanneer weet het kabinet welke extra inzet er nodig is tegen gedwongen huwelijken en meisjesbesnijdenis?", [85], "timing"),
    # 87
    ("Has the cabinet confronted the Israeli government about a report from its diaspora ministry that was circulated about people in the Netherlands?", [87], "en"),
    # 94
    ("waarom statushouders vaker in bijstand", [94], "kw"),
    # 96
    ("What practical help do employers get to recruit without discriminating, like a helpdesk or e-learning?", [96, 97, 101, 106], "en"),
    # 97
    ("Is there any financial compensation for employers who give refugees extra coaching on the work floor to bridge language and culture gaps?", [97, 186, 187], "en"),
    # 98
    ("Wordt het makkelijker om papieren van een opleiding in het buitenland hier gelijkgesteld te krijgen, zodat bijvoorbeeld een gevluchte arts niet in de schoonmaak blijft hangen?", [98, 177], "nl"),
    # 99
    ("CompetentNL skills statushouders", [99, 100, 142, 182, 183, 189], "kw"),
    # 102
    ("Wanneer wordt het wetsvoorstel om arbeidsuitbuiting beter strafbaar te stellen in de Kamer behandeld?", [102], "timing"),
    # 110
    ("Which communities does the cabinet actually mean when it talks about closed communities where women and girls can't choose freely?", GROUP_47, "en"),
    # 111
    ("Speelt het probleem van vrouwen die hun leven niet zelf mogen inrichten alleen in migrantengroepen, of ook bij orthodoxe groepen die hier al eeuwen wonen?", GROUP_47, "nl"),
    # 114
    ("zelfbeschikking niet alleen migranten", GROUP_47, "kw"),
    # 118
    ("Op basis waarvan bepaalt het ministerie bij welke groepen de zelfbeschikkingsmaatregelen terechtkomen?", [117, 118], "nl"),
    # 121
    ("Welke organisatie onderzoekt voor het WODC of een uitreisverbod of het innemen van een paspoort meisjesbesnijdenis kan helpen voorkomen?", [121, 132], "fact"),
    # 133
    ("What does the minister think the Netherlands can learn from Sweden's approach to integration?", [133], "en"),
    # 140
    ("Wat doet het kabinet eraan dat overheidsorganisaties zelf burgers discrimineren, en waar staat het overzicht daarvan?", [140], "nl"),
    # 141
    ("Uit hoeveel actielijnen bestaat de Aanpak Woondiscriminatie van de minister van VRO?", [141], "fact"),
    # 142
    ("zijn er zij-instroomtrajecten voor statushouders in t onderwijs of de kinderopvang?", [100, 142, 182, 183, 189], "typo"),
    # 147
    ("How are police officers taught to avoid ethnic profiling when they decide whom to stop?", [147], "en"),
    # 148
    ("Wanneer is het gewoon normale diplomatie als een ander land hier zijn belangen probeert te behartigen, en wanneer wordt het ondermijnend?", [148], "nl"),
    # 149
    ("inmenging aanpak landenneutraal", [149], "kw"),
    # 151
    ("is die wet over financiering van maatschappelijke organisaties nou vooral bedoelt voor islamitsche weekendscholen?", [151], "typo"),
    # 156
    ("Wanneer informeert JenV de Kamer over de inventarisatie hoe andere EU-landen organisaties met banden met terreurgroepen kunnen verbieden?", [156], "timing"),
    # 158
    ("Could a Dutch imam training programme eventually change the admission rules for imams coming from abroad?", [158], "en"),
    # 162
    ("Hoe vaak moet een nieuwe imamopleiding opnieuw geaccrediteerd worden door de NVAO?", [162], "fact"),
    # 170
    ("gaan de nieuwe regels voor gebedsoproepn straks ook voor kerken en andere geloven gelden of alleen voor moskeeën?", [169, 170], "typo"),
    # 171
    ("Wie heeft eigenlijk zicht op hoe vaak moskeeën met een luidspreker tot gebed oproepen en of buurtbewoners daarover klagen?", [171], "nl"),
    # 174
    ("Wordt er voor de nieuwe regels rond de oproep tot gebed ook over de grens gekeken, bijvoorbeeld naar Duitsland of België?", [174], "nl"),
    # 180
    ("By when does the revised EU reception conditions directive have to be in place, and is the Netherlands going to make it?", [180], "timing"),
    # 186
    ("Via welke fondsen of regelingen kunnen mkb-bedrijven subsidie krijgen om taallessen voor hun personeel te betalen?", [186], "fact"),
    # 190
    ("Blijft het zo dat je bijstand omlaag kan als je een baan afslaat, ook nu de Participatiewet meer op vertrouwen moet gaan draaien?", [190], "nl"),
    # 194
    ("Welke werkgevers- en uitzendorganisaties zitten in de Taskforce VIA?", [194], "fact"),
    # 197
    ("Met welke partners werkt SZW samen om meer gevluchte vrouwen aan een baan te helpen?", [197], "nl"),
    # 199
    ("Komt er een concreet streefcijfer voor hoeveel statushouders van de bijstand af moeten, of blijft het bij losse maatregelen?", [199], "nl"),
    # 201
    ("moeten er vergunningen geschrapt worden zodat uitzendbureaus op t azc statushouders aan werk kunnen helpen?", [201], "typo"),
    # 204
    ("Wat is er gebeurd met de Franse wet die niet-Europese migranten langer liet wachten op bijstand en huurtoeslag?", [204], "fact"),
    # 205
    ("Sinds wanneer krijgen asielzoekers in Zweden alleen nog financiële bijstand als ze in hun toegewezen opvang blijven?", [205], "timing"),
    # 206
    ("kan je uitkering omlaag als je als statushouder een startbaan weigerd?", [206], "typo"),
    # 208
    ("Hoe snel kan een statushouder terecht voor een BSN als hij dat nummer nodig heeft om aan het werk te gaan?", [208], "timing"),
    # 212
    ("pijlers actieagenda integratie", [212], "kw"),
    # 215
    ("How does the cabinet turn the idea of common ground into measures that every community sees as fair?", [215], "en"),
    # 218
    ("krijgen gemeentes nog hulp bij het begeleiden van statushouders naar werk of moeten ze t allemaal zelf doen?", [218], "typo"),
    # 225
    ("Why was social cohesion left out of the agenda's name even though officials advised against dropping it?", [225, 226], "en"),

    # none, near 141
    ("Hoeveel boetes hebben gemeenten al uitgedeeld aan verhuurders vanwege woondiscriminatie onder de Wet goed verhuurderschap?", [], "none"),
    # none, near 102
    ("Is de Wet modernisering en uitbreiding strafbaarstelling mensenhandel al door de Eerste Kamer aangenomen?", [], "none"),
    # none, near 180
    ("Wat kost de invoering van de herziene Opvangrichtlijn de rijksoverheid?", [], "none"),
    # none, near 162
    ("in welk studiejaar kunnen de eerste studenten aan de nederlandse imamopleiding begnnen?", [], "none"),
    # none, near 156
    ("Which EU countries already have a legal ban on organisations with ties to terrorist groups?", [], "none"),
    # none, near 121
    ("Hoeveel meisjes in Nederland lopen op dit moment risico op genitale verminking?", [], "none"),
    # none, near 147
    ("Hoeveel klachten over etnisch profileren door de politie kwamen er in 2024 binnen?", [], "none"),
    # none, near 190
    ("met hoeveel procent wordt de bijstand gekort als je een baan weigert?", [], "none"),
    # none, near 205
    ("How high is the cap on combined benefits and allowances that Sweden wants to introduce for migrants?", [], "none"),
    # none, near 170
    ("Wat is het maximale geluidsniveau in decibel dat een moskee mag gebruiken voor de oproep tot gebed?", [], "none"),
    # none, near 174
    ("Per wanneer gaan de nieuwe landelijke regels voor versterkte gebedsoproepen in?", [], "none"),
    # none, near 186
    ("Hoeveel subsidie krijgt een werkgever via SOWIS per statushouder?", [], "none"),
    # none, near 87
    ("Which Dutch organisations or people were named in the report by Israel's diaspora ministry?", [], "none"),
    # none, near 148
    ("Hoeveel meldingen van ongewenste buitenlandse inmenging zijn er sinds 2023 bij de rijksoverheid binnengekomen?", [], "none"),
    # none, near 151
    ("wanneer treed de Wtmo eigenlijk in werking?", [], "none"),
    # none, near 218
    ("Wanneer zijn de uitkomsten van de evaluatie van de regionale verbinders statushouders bekend?", [], "none"),
    # none, near 133
    ("Wie is de Zweedse minister met wie de staatssecretaris over integratie in gesprek wil?", [], "none"),
    # none, near 38
    ("Hoe groot is het beleidsondersteunend budget van de directie Samenleving en Integratie in euro's?", [], "none"),
    # none, near 199
    ("What share of refugees with a residence permit should be off welfare by 2030 according to the cabinet?", [], "none"),
    # none, near 208
    ("hoe lang zitten statushouders gemiddeld in het azc voordat ze een woning in een gemeente krijgen?", [], "none"),
]


if __name__ == "__main__":
    write("f", ordered(QUERIES))
