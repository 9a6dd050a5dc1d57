"""Blind evaluation set I for kamerstuk 32 824 nr. 451 (written from the source text only).

Writes eval/queries-own-i.jsonl: 60 answerable queries (one per drawn answer) and
20 unanswerable ones (style "none", gold []).
"""

from blind_sets import GROUP_9, ordered, write

# (query, gold, style); the comment names the drawn answer it was written from
QUERIES = [
    # 5
    ("Wanneer hoort de Kamer iets over de juridische verkenning naar het normeren van onwenselijk gedrag?", [5, 37, 122], "timing"),
    # 7
    ("Is foreign state interference only about money coming in from abroad, or does it cover more than funding?", [6, 7], "en"),
    # 8
    ("What determines how big the integration challenge is, according to the cabinet?", [8, 19, 33], "en"),
    # 10
    ("doelgroep actieagenda integratie", [10, 46], "kw"),
    # 21
    ("Hoeveel zaken met een vermoed eermotief kwamen er in 2024 binnen bij het landelijk expertisecentrum?", [21, 22], "fact"),
    # 27
    ("What did the WRR and the state commission on demographics warn about the effect of growing diversity on how people live together?", [20, 27], "en"),
    # 31
    ("niet afkomst maar uitkomst", [31], "kw"),
    # 32
    ("Op welke onderzoeken en adviesraden leunt het kabinet bij het bepalen van de integratiedoelen?", [19, 32], "nl"),
    # 33
    ("Staat er in de actieagenda integratie ook een doel om het aantal migranten terug te dringen?", [33], "nl"),
    # 44
    ("Volgens welke omschrijving noemt het kabinet gedrag 'problematisch', en wie beoordeelt of het ook echt onwettig is?", [44], "nl"),
    # 45
    ("Can you give examples of behaviour that is legal but still counts as problematic, like telling people not to vote?", [45], "en"),
    # 46
    ("hoe voorkom je dat algemene integratiemaatregelen onevenreidg hard uitpakken voor bepaalde groepn?", [10, 46], "typo"),
    # 49
    ("Welke voorbeelden van Nederlandse normen en waarden uit de rechtsstaat noemt het kabinet concreet?", [49], "fact"),
    # 50
    ("vallen autochtone nederlanders die zich niet aan de normen houdne ook onder de actiegenda of alleen migranten?", [24, 50], "typo"),
    # 52
    ("Wat vindt de staatssecretaris ervan dat mensen met een buiten-Europese achtergrond steeds minder vaak als verdachte in de cijfers opduiken?", [43, 52], "nl"),
    # 58
    ("Wanneer is volgens het kabinet iemands persoonlijke vrijheid beperkt, bijvoorbeeld bij de keuze voor een opleiding of baan?", [58], "nl"),
    # 60
    ("In welk grondwetsartikel is de godsdienstvrijheid vastgelegd?", [60], "fact"),
    # 64
    ("Hoe spreekt het kabinet mensen die hier al lang wonen aan op hun eigen bijdrage, dus niet alleen nieuwkomers?", [63, 64], "nl"),
    # 73
    ("betekenis vermoedelijk eermotief", [73], "kw"),
    # 75
    ("Vanaf welk moment is het Openbaar Ministerie femicidezaken apart gaan tellen?", [75], "timing"),
    # 78
    ("Does the cabinet acknowledge that partner violence and femicide are also widespread among Dutch people without a migration background?", [74, 76, 78], "en"),
    # 81
    ("normen en waarden rechtsstaat Grondwet", [49, 81, 105], "kw"),
    # 86
    ("Why were no specific countries named in the letter when it comes to foreign interference?", [86], "en"),
    # 91
    ("Bij welke Nederlandse instantie ligt het toezicht op de transparantieplicht voor aanbevelingssystemen van platforms onder de DSA?", [91], "fact"),
    # 93
    ("How much does having Dutch people in your social circle help a newcomer find their feet here?", [93], "en"),
    # 103
    ("preventieve aanpak vooroordelen stereotypering", [103], "kw"),
    # 104
    ("Vergroot contact met Nederlanders de kans dat een statushouder werk vindt?", [65, 92, 104], "nl"),
    # 106
    ("Wat doet SZW concreet tegen het weren van jongeren met een migratieachtergrond bij stageplekken en vacatures?", [72, 96, 97, 101, 106], "nl"),
    # 107
    ("Hoeveel geld is er over 2022-2025 beschikbaar voor het meerjarenplan zelfbeschikking?", [107], "fact"),
    # 117
    ("Welke onderdelen van het zelfbeschikkingsplan blijken tot nu toe het beste te werken?", [117], "nl"),
    # 128
    ("How do you avoid stigmatising migrant communities while tackling honour-based and domestic violence?", [126, 127, 128, 129], "en"),
    # 129
    ("Hoe zorgen we dat de gemeenschappen zelf achter de aanpak van schadelijke tradities gaan staan?", [126, 127, 128, 129], "nl"),
    # 131
    ("geldt godsdientsvrijheid binnen migrantengemeenschappen ook als die botst met iemands zelfbeschikingsrecht?", [131], "typo"),
    # 134
    ("Wat doet het kabinet om nieuwkomers en andere Nederlanders elkaar te laten ontmoeten, los van werk en school?", [38, 134, 213], "nl"),
    # 135
    ("Wat moeten scholen volgens de wet leerlingen bijbrengen over de democratische rechtsstaat?", [135, 138], "nl"),
    # 136
    ("Met welke organisaties trekt de staatssecretaris op tegen bemoeienis door buitenlandse overheden?", GROUP_9 + [149], "nl"),
    # 138
    ("What process is planned to strengthen citizenship, and which other ministries will SZW align with?", [135, 138], "en"),
    # 140
    ("Welk rapport over etnisch profileren door overheidsdiensten haalt het kabinet aan bij institutionele discriminatie?", [140], "fact"),
    # 146
    ("Vanaf wanneer moet de wet voor een centrale organisatie voor discriminatiemeldingen gelden?", [146], "timing"),
    # 148
    ("Sinds wanneer kunnen burgers signalen van buitenlandse inmenging kwijt bij het Rijk?", [148, 150], "timing"),
    # 149
    ("landenneutrale aanpak buitenlandse inmenging", [149], "kw"),
    # 151
    ("Does the Wtmo target mosque organisations in particular, or does it not matter where the money comes from?", [151], "en"),
    # 152
    ("hoe gaat t ministerie migrantengemeenschapen betrekken bij de aanpak van buitenlandse bemoeienis?", GROUP_9 + [149], "typo"),
    # 154
    ("gebedsoproep APV gemeente bevoegdheid", [154, 173], "kw"),
    # 157
    ("Wanneer komt de eerste voortgangsrapportage over het traject rond versterkte gebedsoproepen?", [157], "timing"),
    # 158
    ("Kan een eigen Nederlandse imamopleiding gevolgen hebben voor de toelating van geestelijken uit het buitenland?", [158], "nl"),
    # 159
    ("Welk onderzoeksbureau peilde in 2019 het draagvlak voor een imamopleiding onder moskeebestuurders?", [159], "fact"),
    # 161
    ("Hoeveel van de ongeveer 500 moskeeen worden beheerd door koepels die bij het CMO zijn aangesloten?", [161], "fact"),
    # 166
    ("What triggered the plan to tighten the rules on loudspeaker calls to prayer?", [166], "en"),
    # 172
    ("Krijgen gemeenten en moskeeen inspraak bij het maken van de nieuwe regels voor de gebedsoproep?", [172], "nl"),
    # 178
    ("In welke gemeenten lopen al projecten om asielzoekers vanuit de opvang naar betaald werk te begeleiden?", [178], "fact"),
    # 189
    ("hoe voorkom je dat statushouers in een startbaan blijven hangen en niet doorgroein?", [100, 142, 182, 183, 189], "typo"),
    # 191
    ("Do Ukrainian refugees who want to go to university pay the regular statutory tuition fee?", [191], "en"),
    # 199
    ("komt er n streefpercentage voor hoeveel statushouders nog van een uitkring leven?", [199], "typo"),
    # 203
    ("Welk artikel van de Participatiewet regelt het financieel ontzorgen van statushouders in de bijstand?", [203], "fact"),
    # 211
    ("In welk jaar gaat het onderzoek van start naar wat de regionale verbinders voor statushouders opleveren?", [211], "timing"),
    # 218
    ("Hoe helpt het Rijk gemeenten die de begeleiding van statushouders naar werk er eigenlijk niet bij kunnen hebben?", [218], "nl"),
    # 223
    ("wat is er nou eigenlijk aan budget gevraagt voor de actieagenda in de voorjaarsbesluitvormnig?", [223], "typo"),
    # 225
    ("titel actieagenda maatschappelijke samenhang", [225, 226], "kw"),
    # 233
    ("heeft JenV ingestemt met het opnemen van de misdaadcijfers in de integratiebrief?", [233], "typo"),

    # none, near 146
    ("Hoeveel discriminatiemeldingen hebben de antidiscriminatievoorzieningen vorig jaar bij elkaar geregistreerd?", [], "none"),
    # none, near 107
    ("Hoeveel vrouwen hebben via de pilot van Netwerkpro inmiddels een baan gevonden?", [], "none"),
    # none, near 211
    ("Wat kosten de regionale verbinders statushouders per jaar?", [], "none"),
    # none, near 154
    ("hoe hoog is de boete als een moskee zich niet aan de geluidsregels voor de gebedsoproep houd?", [], "none"),
    # none, near 161
    ("Hoeveel studenten kunnen er straks jaarlijks beginnen aan de Nederlandse imamopleiding?", [], "none"),
    # none, near 191
    ("How high is the institutional tuition fee that Ukrainian students have to pay?", [], "none"),
    # none, near 199
    ("Hoe hoog is de bijstandsuitkering per maand voor een alleenstaande statushouder?", [], "none"),
    # none, near 218
    ("Hoeveel statushouders moeten gemeenten dit halfjaar huisvesten?", [], "none"),
    # none, near 135
    ("wat is t slagingspercentage van het inburgeringsexamen de afgelopen jaren?", [], "none"),
    # none, near 148
    ("How many reports has the central reporting point for foreign interference received so far?", [], "none"),
    # none, near 178
    ("Hoeveel asielzoekers in de opvang hebben op dit moment een betaalde baan?", [], "none"),
    # none, near 33
    ("Hoeveel asielaanvragen verwacht het kabinet voor dit jaar?", [], "none"),
    # none, near 75
    ("How many women were killed by a partner or ex-partner in 2024?", [], "none"),
    # none, near 73
    ("In hoeveel zaken van eergerelateerd geweld is de dader uiteindelijk veroordeeld?", [], "none"),
    # none, near 140
    ("Wie is op dit moment de Nationaal Coordinator tegen Discriminatie en Racisme?", [], "none"),
    # none, near 91
    ("What fines can the European Commission impose on very large platforms that breach the DSA?", [], "none"),
    # none, near 157
    ("wanneer gaan de nieuwe regels voor gebedsoproepen nou echt in werking?", [], "none"),
    # none, near 117
    ("Wanneer wordt het Meerjarenplan Zelfbeschikking als geheel geevalueerd?", [], "none"),
    # none, near 189
    ("Bij hoeveel statushouders is zo'n startbaan al uitgemond in een vast contract?", [], "none"),
    # none, near 203
    ("hoeveel leefgeld krijgen asielzoekers in een azc per week?", [], "none"),
]


if __name__ == "__main__":
    write("i", ordered(QUERIES))
