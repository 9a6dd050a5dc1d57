"""Blind evaluation set M for kamerstuk 32 824 nr. 451 (written from the source text only).

Writes eval/queries-own-m.jsonl: 60 answerable queries (one per drawn answer) and
20 unanswerable ones (style "none", gold []).
"""

from blind_sets import GROUP_47, GROUP_9, GROUP_100, GROUP_126, ordered, write

# (query, gold, style); the comment names the drawn answer it was written from
QUERIES = [
    # 1
    ("Hoe hoog was de arbeidsparticipatie van mensen met een buiten-Europese achtergrond in 2023, en wat was dat in 2003?",
     [1], "fact"),
    # 2 (text repeated in 20)
    ("Met hoeveel procentpunt zijn mensen met een niet-Europese achtergrond nog oververtegenwoordigd in de bijstand?",
     [2, 20], "fact"),
    # 9
    ("samenwerkingspartners opstellen actieagenda", GROUP_9, "kw"),
    # 11
    ("Waarom vindt het kabinet zo'n actieagenda integratie eigenlijk nodig? Moet het straks kort kunnen uitleggen aan een gemeente",
     [11], "nl"),
    # 12
    ("pijler sociale cohesie alle Nederlanders", [12], "kw"),
    # 14
    ("wat is eigelijk de defnitie van een nieuwkomer?", [14], "typo"),
    # 22 (answer shared by 21 and 22)
    ("Hoeveel zaken met een vermoed eermotief kwamen er in 2024 binnen bij het landelijk expertisecentrum eergerelateerd geweld?",
     [21, 22], "fact"),
    # 24
    ("Weet iemand of de actieagenda ook vindt dat mensen die hier gewoon geboren en opgegroeid zijn moeten integreren?",
     [24], "nl"),
    # 26
    ("How does the cabinet make sure its wish for a tighter grip on migration doesn't backfire on migrant communities that already live here?",
     [26], "en"),
    # 29 (answer shared by 29 and 30; 71 and 216 say the same)
    ("Why does the action agenda seem to dwell on what goes wrong with integration instead of the success stories?",
     [29, 30, 71, 216], "en"),
    # 32 (first part identical to 19)
    ("Which research is the action agenda actually built on - CBS, SCP, WRR reports or something else?",
     [19, 32], "en"),
    # 33
    ("Moet de actieagenda integratie er ook voor zorgen dat er minder migranten naar Nederland komen?", [33], "nl"),
    # 34
    ("Uit welke herkomstlanden kwamen de meeste eerzaken die in 2024 bij het LEC EGG zijn gemeld?", [34], "fact"),
    # 36
    ("verdachtencijfers migratieachtergrond soort delict", [36], "kw"),
    # 39 (42 gives the same explanation)
    ("Komt het dat mensen met een migratieachtergrond vaker verdachte zijn nou door hun afkomst, of spelen andere dingen zoals leeftijd en opleiding mee?",
     [39, 42], "nl"),
    # 44
    ("Where does the cabinet's definition of 'problematic behaviour' come from, and who decides whether something crosses the legal line?",
     [44], "en"),
    # 51 (62 opens with the same sentence)
    ("Hoe verhoudt integreren zich tot het vasthouden aan onze eigen Nederlandse waarden?", [51, 62], "nl"),
    # 53
    ("Apart from education and work, what other factors does the government look at to judge whether integration is going well?",
     [53], "en"),
    # 58
    ("Kun je wat voorbeelden geven van situaties waarin iemands persoonlijke vrijheid door anderen wordt ingeperkt?",
     [58], "nl"),
    # 59
    ("hoe zorgen we dat vrijheden niet alleen voor sommige gemeenschapen beschermd worden maar voor iedereen gelijk?",
     [59], "typo"),
    # 61 (184 repeats it)
    ("In welke maand is de verkenning naar arbeidsmarktdiscriminatie van moslima's naar de Kamer gestuurd?",
     [61, 184], "fact"),
    # 63 (answer shared by 63 and 64)
    ("Hoe wil de staatssecretaris nieuwkomers erop aanspreken dat ze zelf ook iets moeten bijdragen?", [63, 64], "nl"),
    # 75
    ("In what share of the women murdered between 2017 and 2021 was the (suspected) killer a partner or ex-partner?",
     [75], "fact"),
    # 76 (identical to 74)
    ("Sinds wanneer kan de politie huiselijk geweld als zodanig herkennen in haar registratiesysteem?", [74, 76], "timing"),
    # 79
    ("Over welke gesloten gemeenschappen heeft het kabinet het nou precies? Alleen migrantengroepen of ook bijvoorbeeld streng gelovige christenen?",
     GROUP_47, "nl"),
    # 81 (same text as 105, 49)
    ("Welke normen en waarden zijn nou typisch Nederlands volgens het kabinet?", [49, 81, 105], "nl"),
    # 85
    ("Wat gaat het kabinet doen aan gedwongen huwelijken? Is daar al een plan voor?", [85], "nl"),
    # 89
    ("handreiking voorkant polarisatie", [89], "kw"),
    # 91
    ("Which article of the Digital Services Act obliges platforms to be open about how their recommendation algorithms work?",
     [91], "fact"),
    # 94
    ("Waarom zitten er zoveel statushouders in de bijstand? Wat zijn de belangrijkste oorzaken?", [94], "nl"),
    # 95 (identical to 67)
    ("Is the gap on the labour market for people with a migration background only down to language and education, or does discrimination play a part too?",
     [67, 95], "en"),
    # 99 (the shared 'goede start' answer also names CompetentNL)
    ("skillstaal CompetentNL vluchtelingen werk", [99] + GROUP_100, "kw"),
    # 104 (65 and 92 make the same point on networks)
    ("Does having Dutch friends or contacts actually improve a newcomer's chances of finding work? Any studies on that?",
     [65, 92, 104], "en"),
    # 105 (same text as 81, 49)
    ("Welke waarden wil de actieagenda precies versterken? Is daar een lijstje van?", [49, 81, 105], "nl"),
    # 109
    ("Waarop baseert het kabinet dat juist bepaalde groepen extra steun nodig hebben om hun eigen keuzes te kunnen maken?",
     GROUP_47, "nl"),
    # 110
    ("welke groepen worden er precies bedoelt bij de inzet op zelfbeschikking, kun je die noemen?", GROUP_47, "typo"),
    # 114
    ("Are problems with women not being free to make their own choices only an issue among migrant groups?",
     GROUP_47, "en"),
    # 120 (119 says the same about testing subsidies)
    ("Will there be a national framework to decide whether an organisation's subsidy fits the goals of the integration action agenda?",
     [119, 120], "en"),
    # 124
    ("Wat is het verschil in betaald werk tussen migrantenvrouwen en migrantenmannen, in procenten?", GROUP_47, "fact"),
    # 125 (107 gives the same date)
    ("Wanneer is de voortgangsrapportage over het meerjarenplan zelfbeschikking naar de Kamer gestuurd?",
     [107, 125], "timing"),
    # 128
    ("stigmatisering aanpak eerwraak migrantengemeenschappen", GROUP_126, "kw"),
    # 132
    ("Welke artikelen uit het Wetboek van Strafrecht worden genoemd om daders en medeplichtigen bij eergerelateerd geweld en vgv te vervolgen?",
     [132], "fact"),
    # 137
    ("Wanneer hoort de Kamer meer over hoe het centrale meldpunt voor buitenlandse inmenging verder wordt ingericht?",
     [137], "timing"),
    # 144
    ("hoe check het ministerie of de maatregelen uit de actieagenda niet stiekem discrimnerend uitpakken?", [144], "typo"),
    # 147
    ("Van welk jaar is het kader dat agenten moet helpen etnisch profileren bij controles te voorkomen?", [147], "fact"),
    # 156
    ("Wanneer wil de minister van JenV de Kamer informeren over een slim verbod op organisaties met banden met terreurgroepen?",
     [156], "timing"),
    # 160
    ("Isn't the government meddling in religious education with this imam training plan? How does that square with separation of church and state?",
     [160], "en"),
    # 166
    ("Wanneer is die motie van Flach over het beter regelen van oproepen tot gebed via luidsprekers aangenomen?",
     [166], "timing"),
    # 167
    ("hebben we eigenlijk cijfers over hoeveel mensen overlast ervaren van gebedsoproepen via een luidspeker?",
     [167], "typo"),
    # 168
    ("Aan welke maatregelen denkt het kabinet concreet voor de oproep tot gebed via speakers bij moskeeën?", [168], "nl"),
    # 177 (identical to 98)
    ("buitenlandse diploma's sneller erkennen", [98, 177], "kw"),
    # 182
    ("hoe voorkomen we dat statushouers vast blijven zitten in slecht betaalde tijdelijke baantjes zonder doorgroeimogelijkhden?",
     GROUP_100, "typo"),
    # 186
    ("subsidie mkb taalles werknemers", [186], "kw"),
    # 188
    ("geld de taaleis in de bijstand in plaats van de plicht om werk te zoeken of komt die er bovenop?", [188], "typo"),
    # 189
    ("Hoe zorg je ervoor dat een statushouder met een startbaan niet blijft hangen, maar doorgroeit naar werk dat past bij wat hij kan?",
     GROUP_100, "nl"),
    # 200
    ("blijft het finacieel ontzorgen van statushouders bestaan of krijgen ze straks gewoon hun uitkering zelf?",
     [200], "typo"),
    # 209
    ("If refusing a job can get your welfare benefit cut, what stops people being pushed into forced labour in bad conditions?",
     [209], "en"),
    # 211
    ("Per wanneer wordt eigenlijk onderzocht of die regionale verbinders voor statushouders iets opleveren?", [211], "timing"),
    # 230
    ("Vindt de staatssecretaris dat zowel nieuwkomers als mensen die hier al generaties wonen nodig zijn om het samenleven te laten slagen?",
     [230], "nl"),
    # 231 (35 asks the same thing)
    ("Why is there still a passage on crime overrepresentation in the action agenda when the decision memo says it isn't explained by cultural background?",
     [35, 231], "en"),

    # none, near 146
    ("Wie gaat de nieuwe centrale organisatie voor het melden van discriminatie leiden?", [], "none"),
    # none, near 102
    ("Is de wet tegen arbeidsuitbuiting en mensenhandel inmiddels ook door de Eerste Kamer aangenomen?", [], "none"),
    # none, near 123
    ("Which organisation actually delivers the Holocaust education for people doing their civic integration course?",
     [], "none"),
    # none, near 192
    ("Hoeveel procent van de Somalische statushouders zit in de bijstand?", [], "none"),
    # none, near 187
    ("Hoeveel geld zit er in 2025 in de SOWIS-regeling voor werkgevers?", [], "none"),
    # none, near 180
    ("What happens to the Netherlands if the revised Reception Conditions Directive isn't implemented by June 2026 - is there a fine?",
     [], "none"),
    # none, near 161
    ("Kun je even checken welke universiteit de nieuwe imamopleiding gaat aanbieden en per wanneer die start?", [], "none"),
    # none, near 141
    ("Hoe hoog is de boete voor een verhuurder die discrimineert bij het toewijzen van een woning?", [], "none"),
    # none, near 90
    ("How many reports of labour market discrimination did the anti-discrimination bureaus receive last year?", [], "none"),
    # none, near 176
    ("Welk taalniveau moet je precies halen om aan de taaleis in de Participatiewet te voldoen?", [], "none"),
    # none, near 207
    ("Weet iemand wat een statushouder in een startbaan verdient? Is dat minimaal het minimumloon?", [], "none"),
    # none, near 173
    ("Hoeveel decibel mag een gebedsoproep vanaf een moskee maximaal zijn?", [], "none"),
    # none, near 198
    ("Hoeveel vrouwelijke statushouders heeft Zevenaar met die HAN-aanpak al aan werk geholpen?", [], "none"),
    # none, near 159
    ("How many Moroccan imams come to the Netherlands each year for Ramadan?", [], "none"),
    # none, near 190
    ("Hoe hoog is de bijstandsuitkering voor een alleenstaande op dit moment?", [], "none"),
    # none, near 207
    ("Hoeveel woningen moeten gemeenten dit jaar precies voor statushouders regelen, wat is hun opgave?", [], "none"),
    # none, near 54
    ("wat is het slagingspercentage van het inburgeringsexamen?", [], "none"),
    # none, near 180
    ("Quick one: roughly how many people applied for asylum here last year, does anyone have the number?", [], "none"),
    # none, near 185
    ("Hoeveel mag een inburgeraar lenen bij DUO voor de taalcursus?", [], "none"),
    # none, near 94
    ("Hoe lang duurt een aanvraag voor gezinshereniging bij de IND gemiddeld?", [], "none"),
]


if __name__ == "__main__":
    write("m", ordered(QUERIES))
