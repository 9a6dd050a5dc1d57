"""Blind evaluation set H for kamerstuk 32 824 nr. 451 (written from the source text only).

Writes eval/queries-own-h.jsonl: 60 answerable queries (one per drawn answer) and
20 unanswerable ones (style "none", gold []).
"""

from blind_sets import GROUP_47, GROUP_9, GROUP_100, GROUP_126, ordered, write

# (query, gold, style); the comment names the drawn answer it was written from
QUERIES = [
    # 2
    ("Hoe groot was in 2023 de oververtegenwoordiging van mensen met een buiten-Europese achtergrond in de bijstand?", [2, 20], "fact"),
    # 4
    ("Is intolerant behaviour always against the law, or does the cabinet also mean conduct that is perfectly legal?", [4], "en"),
    # 6
    ("definitie statelijke inmenging", [6], "kw"),
    # 9
    ("Met wie heeft de staatssecretaris de afgelopen tijd al om tafel gezeten over de actieagenda?", GROUP_9, "nl"),
    # 11
    ("Waarom vindt het kabinet een aparte agenda voor integratie en de open samenleving nu eigenlijk nodig?", [11], "nl"),
    # 20
    ("Wat bedoelen we concreet met de wrijving in de samenleving waar de brief het over heeft?", [20, 27], "nl"),
    # 22
    ("How many cases with a suspected honour motive did the LEC EGG register in 2024, compared with 2023?", [21, 22], "fact"),
    # 24
    ("moeten mensen die gwoon hier geboren zijn nu ook integreren volgens die actieagnda?", [24, 217], "typo"),
    # 25
    ("Is the cabinet actually talking with migrant communities, young people included, about their worries and feeling left out?", [17, 25], "en"),
    # 29
    ("waarom ligt de nadruk in de actieagenda zo op wat er misgaat en nit op wat er goed gaat?", [29, 30, 71], "typo"),
    # 37
    ("When the ban on discrimination clashes with freedom of religion or speech, who decides what is punishable?", [37, 122], "en"),
    # 38
    ("Welk potje van het ministerie wordt nu al deels gebruikt om de actieagenda uit te voeren?", [38], "fact"),
    # 42
    ("Risbo criminaliteit achtergrondkenmerken", [42], "kw"),
    # 47
    ("Wat is het verschil in betaald werk tussen mannen en vrouwen met een migratieachtergrond, in procenten?", GROUP_47, "fact"),
    # 53
    ("Apart from jobs and schooling, which other factors count when we assess whether someone has integrated well?", [53], "en"),
    # 65
    ("Welk mentorprogramma wordt genoemd dat jonge mensen met een migratieachtergrond in contact brengt met een professioneel netwerk?", [65, 92], "fact"),
    # 74
    ("Sinds wanneer is huiselijk geweld als zodanig herkenbaar in de politiesystemen?", [74, 76], "timing"),
    # 77
    ("bij wie kan een vrouw zonder migratie-achtergrond aankloppen als ze thuis mishandeld word?", [77], "typo"),
    # 80
    ("Maakt het kabinet bij gesloten gemeenschappen verschil tussen nieuwe groepen en groepen die hier al generaties zitten, zoals orthodoxe christenen?", GROUP_47, "nl"),
    # 84
    ("Does the cabinet also want to protect women and girls in tight-knit strict Christian communities?", GROUP_47, "en"),
    # 89
    ("Wat gaat het ministerie concreet doen om vijandige tegenstellingen tussen groepen terug te dringen?", [89], "nl"),
    # 92
    ("What is being done to help refugees with a residence permit build contacts that lead to work?", [65, 92], "en"),
    # 94
    ("Why are refugees with a residence permit so overrepresented on welfare, what are the main causes?", [94], "en"),
    # 100
    ("Hoe voorkom je dat vergunninghouders blijven hangen in slecht betaald, tijdelijk werk?", GROUP_100, "nl"),
    # 109
    ("zelfbeschikking doelgroep gesloten gemeenschappen", GROUP_47, "kw"),
    # 111
    ("speelt t probleem van keuzevrijheid allen bij migranten of ook in de rest van de samenleving?", GROUP_47, "typo"),
    # 120
    ("Kijken we bij het verlenen van subsidie ook of de organisatie zelf de waarden van de open samenleving deelt?", [120], "nl"),
    # 122
    ("Wanneer hoort de Kamer meer over het juridische onderzoek naar het normeren van gedrag dat nu nog niet strafbaar is?", [5, 37, 122], "timing"),
    # 126
    ("Hoe zorgen we dat de aanpak van religieuze dwang niet betuttelend overkomt bij migrantengemeenschappen?", GROUP_126, "nl"),
    # 127
    ("How do you actually reach women in closed communities who are off the radar of municipalities and aid agencies?", GROUP_126, "en"),
    # 130
    ("Welke rol krijgen scholen en leraren bij het signaleren van jongeren die niet vrij over hun eigen leven mogen beslissen?", [130], "nl"),
    # 132
    ("Met welke bestaande strafbepalingen kunnen familieleden worden vervolgd die betrokken zijn bij eerwraak of meisjesbesnijdenis?", [132], "nl"),
    # 141
    ("Vanaf wanneer moeten gemeenten een meldpunt hebben waar huurders woondiscriminatie kunnen melden?", [141], "timing"),
    # 142
    ("statushouders voor de klas zij-instroom", GROUP_100, "kw"),
    # 143
    ("sancties werkgevers discriminatie sollicitatie", [90, 143], "kw"),
    # 144
    ("Wordt er nagegaan of maatregelen uit de actieagenda onbedoeld bepaalde groepen benadelen?", [144], "nl"),
    # 147
    ("hoe leert de politie agenten om niet etnisch te profileeren bij contoles?", [147], "typo"),
    # 150
    ("Since when have people been able to report suspected foreign state interference to central government?", [148, 150], "timing"),
    # 155
    ("hoe staat t er nu voor met die nederlandse imamopleding, wordt er nog met nieuwe partijen gepraat?", [155], "typo"),
    # 162
    ("Om de hoeveel jaar moet een imamopleiding opnieuw door de NVAO worden beoordeeld?", [162], "fact"),
    # 164
    ("Aan welke eisen moet een buitenlandse imam nu voldoen om in Nederland te mogen werken?", [164, 165], "fact"),
    # 175
    ("Are long-settled migrants who never had to do the civic integration course also pushed to learn Dutch?", [175, 185], "en"),
    # 176
    ("Na het debat over welke gebeurtenis werd de motie aangenomen die ertoe leidde dat de taaleis toch blijft?", [176], "fact"),
    # 177
    ("erkenning buitenlandse diploma's statushouders", [98, 177], "kw"),
    # 183
    ("How can refugees end up in jobs matching their own profession, rather than just filling labour shortages?", GROUP_100, "en"),
    # 184
    ("wat doet szw eigelijk voor moslima's met hoofdoek die moeilijk aan werk komen?", [61, 184], "typo"),
    # 185
    ("Bieden alle gemeenten wel genoeg passende taallessen aan voor vergunninghouders?", [185], "nl"),
    # 187
    ("Hoelang loopt de subsidie waarmee werkgevers een taalbuddy of coach voor statushouders kunnen inhuren nog door?", [187], "timing"),
    # 190
    ("Rijmt het korten op de uitkering bij het afslaan van werk met de 'meer vertrouwen'-gedachte achter de nieuwe Participatiewet?", [190], "nl"),
    # 193
    ("What share of all social assistance recipients are refugees with a residence permit?", [193], "en"),
    # 197
    ("emancipatie vrouwelijke statushouders samenwerking", [197], "kw"),
    # 198
    ("Welke gemeente wordt genoemd als goed voorbeeld bij het begeleiden van gevluchte vrouwen naar werk?", [198], "fact"),
    # 204
    ("Kan Nederland iets met die Franse wet die de toegang van migranten tot uitkeringen inperkt?", [204], "nl"),
    # 206
    ("wordt je uitkering gekort als je een startbaan afslaat?", [206], "typo"),
    # 208
    ("Hoe snel kan een statushouder terecht voor een BSN als hij die nodig heeft voor een baan?", [208], "timing"),
    # 213
    ("Bij welk fonds loopt het potje voor ontmoetingsprojecten tussen mensen met verschillende achtergronden?", [134, 213], "fact"),
    # 214
    ("Which civil society organisations will be involved in implementing the integration action agenda?", GROUP_9, "en"),
    # 217
    ("Wat verwacht de staatssecretaris qua integratie van Nederlanders met een migratieachtergrond, ook van de tweede generatie?", [217, 24], "nl"),
    # 227
    ("Waarom is het stuk over discriminatie uit de probleemschets van de actieagenda gehaald?", [227], "nl"),
    # 235
    ("buitenlandse financiering Golfregio AIVD", [235], "kw"),
    # none, near 187
    ("Hoeveel geld is er in totaal beschikbaar binnen de SOWIS-regeling?", [], "none"),
    # none, near 141
    ("Hoeveel statushouders moeten gemeenten dit jaar aan een woning helpen volgens de huisvestingstaakstelling?", [], "none"),
    # none, near 185
    ("Welk percentage inburgeraars haalt het B1-examen in één keer?", [], "none"),
    # none, near 155
    ("Welke hogeschool of universiteit gaat de nieuwe imamopleiding aanbieden?", [], "none"),
    # none, near 150
    ("Hoeveel meldingen van buitenlandse inmenging zijn er sinds 2023 bij de rijksoverheid binnengekomen?", [], "none"),
    # none, near 22
    ("Hoeveel moorden met een eermotief zijn er in 2024 gepleegd?", [], "none"),
    # none, near 132
    ("Hoe vaak is iemand in Nederland al veroordeeld voor vrouwelijke genitale verminking?", [], "none"),
    # none, near 164
    ("Wie gaat het register van erkende imams beheren?", [], "none"),
    # none, near 38
    ("Hoeveel fte werkt er bij de directie Samenleving en Integratie?", [], "none"),
    # none, near 206
    ("Met hoeveel procent wordt de bijstand gekort als iemand een startbaan weigert?", [], "none"),
    # none, near 198
    ("Wanneer wordt de handreiking voor de begeleiding van vrouwelijke statushouders geëvalueerd?", [], "none"),
    # none, near 190
    ("Per welke datum treedt de Participatiewet in balans in werking?", [], "none"),
    # none, near 94
    ("How many asylum residence permits did the Netherlands grant in 2024?", [], "none"),
    # none, near 193
    ("What is the monthly social assistance amount for a single refugee?", [], "none"),
    # none, near 147
    ("How many complaints about ethnic profiling did the police receive last year?", [], "none"),
    # none, near 77
    ("How many beds are there in women's shelters across the Netherlands?", [], "none"),
    # none, near 65
    ("hoeveel plekken heeft t rijkstraineeship eigenlijk voor jongeren met een migratieachtergond?", [], "none"),
    # none, near 208
    ("hoelang duurt t gemiddeld voor de IND een asielaanvraag heeft beoordeeld?", [], "none"),
    # none, near 130
    ("hoeveel uur burgerschapsles moeten middelbare scholen per week gevn?", [], "none"),
    # none, near 176
    ("wat voor boete krijg je als bijstandsgerechtigde als je de taaleis niet haalt?", [], "none"),
]


if __name__ == "__main__":
    write("h", ordered(QUERIES))
