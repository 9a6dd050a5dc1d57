"""Blind evaluation set L for kamerstuk 32 824 nr. 451 (written from the source text only).

Writes eval/queries-own-l.jsonl: 60 answerable queries (one per drawn answer) and
20 unanswerable ones (style "none", gold []).
"""

from blind_sets import GROUP_47, GROUP_9, GROUP_100, ordered, write

# (query, gold, style); the comment names the drawn answer it was written from
QUERIES = [
    # 5
    ("What kind of intolerant behaviour is the cabinet actually talking about? Any concrete examples?", [4, 5], "en"),
    # 8
    ("Hoe worden migratie en integratie in het nieuwe beleid aan elkaar gekoppeld?", [8, 33], "nl"),
    # 15
    ("Is er een termijn waarna iemand niet meer als nieuwkomer wordt gezien?", [15], "nl"),
    # 18
    ("Waarin onderscheidt de nieuwe integratieaanpak zich nou van wat vorige kabinetten deden?", [18], "nl"),
    # 21
    ("Hoeveel zaken met een vermoedelijk eermotief kwamen er in 2024 binnen bij het landelijk expertisecentrum?", [21, 22], "fact"),
    # 30
    ("What does the state secretary do about misleading framing in the public debate on integration?", [29, 30], "en"),
    # 31
    ("hoe voorkomt de actieagenda dat er een wij-zij gevoel onstaat tussen nederlanders met en zonder migratieachtergrond", [31], "typo"),
    # 37
    ("Met welke ministeries stemt SZW de juridische verkenning naar het normeren van onwenselijk gedrag af?", [37, 122], "fact"),
    # 38
    ("Van welk potje wordt de uitvoering van de Actieagenda nu eigenlijk gefinancierd?", [38], "fact"),
    # 40
    ("Is that remaining 0.8 percentage point overrepresentation in suspect figures actually noticeable anywhere in society?", [40], "en"),
    # 42
    ("Risbo oververtegenwoordiging achtergrondkenmerken", [42], "kw"),
    # 43
    ("Hoe kijkt de staatssecretaris ertegenaan dat de verschillen in criminaliteit tussen mensen met en zonder migratieachtergrond steeds kleiner worden?", [43, 52], "nl"),
    # 46
    ("How do we stop broad integration policy from ending up hitting particular communities unfairly hard?", [46], "en"),
    # 48
    ("What average mark do Ukrainian refugees give their own Dutch on a scale of 1 to 10?", [48], "fact"),
    # 56
    ("gendergerelateerd geweld coördinerend ministerie", [56], "kw"),
    # 64
    ("hoe spreekt de staatsecretaris mensen die al heel lang in nederland wonen aan op hun bijdrage aan de samenleving?", [63, 64], "typo"),
    # 66
    ("Apart from newcomers, what role does the receiving society itself play in integration according to the action agenda?", [28, 66], "en"),
    # 69
    ("Wat houdt nieuwkomers in de praktijk tegen om volwaardig mee te doen, en welke maatregelen staan daar tegenover?", [69], "nl"),
    # 71
    ("Komen in de brief de vooruitgang en de knelpunten van integratie een beetje evenredig aan bod, of vooral de problemen?", [13, 29, 30, 71, 216, 222], "nl"),
    # 72
    ("Hoeveel leerbedrijven gaan er aan de slag in de communities of practice rond eerlijke werving van stagiairs?", [72, 106], "fact"),
    # 77
    ("hulp bij huiselijk geweld", [77], "kw"),
    # 78
    ("Erkent het kabinet dat geweld achter de voordeur en femicide ook gewoon bij autochtone Nederlanders voorkomen?", [74, 76, 78], "nl"),
    # 83
    ("When the letter talks about closed communities, does that also cover strict Christian or orthodox Jewish groups, or only migrants?", GROUP_47, "en"),
    # 86
    ("Waarom worden er geen specifieke landen bij naam genoemd in het stuk over buitenlandse inmenging?", [86], "nl"),
    # 87
    ("Wanneer heeft het kabinet de Kamer ingelicht over dat rapport van het Israëlische diasporaministerie?", [87], "timing"),
    # 93
    ("Maakt het voor de integratie van een nieuwkomer eigenlijk uit of hij Nederlanders in zijn vriendenkring heeft?", [93, 104], "nl"),
    # 103
    ("vooroordelen stereotypering discriminatie herkomst", [103], "kw"),
    # 111
    ("is het versterken van zelfbeschikking alleen nodig binnen bepaalde groepen of in de hele samenlving?", GROUP_47, "typo"),
    # 113
    ("Any idea when Pharos will publish its new study on how common FGM and other harmful practices are?", [113], "timing"),
    # 116
    ("Wat gaat het kabinet doen tegen haatuitingen richting vluchtelingen en migranten?", [116], "nl"),
    # 119
    ("gaat het kabinet de integratiesubsidies nog eens kritisch doorlichten nu er meer op zelfbeschikking wordt ingezet?", [119], "typo"),
    # 121
    ("Wat gebeurt er als er een meisje geboren wordt bij een moeder die zelf besneden is?", [121], "nl"),
    # 131
    ("Where does religious freedom stop when it collides with someone's right to decide about their own life?", [131], "en"),
    # 133
    ("Zweedse aanpak integratie", [133], "kw"),
    # 136
    ("Met welke maatschappelijke partijen werkt SZW samen om ongewenste inmenging vanuit het buitenland aan te pakken?", GROUP_9, "nl"),
    # 141
    ("Vanaf welke datum moest elke gemeente een plek hebben waar je discriminatie door een verhuurder kunt melden?", [141], "timing"),
    # 145
    ("Is the government planning to do anything about how the media portray integration?", [145], "en"),
    # 155
    ("Hoe staat het eigenlijk met die Nederlandse imamopleiding, wordt er weer met nieuwe partijen gepraat?", [155], "nl"),
    # 157
    ("Wanneer staat de tussentijdse voortgangsrapportage over het traject rond versterkte gebedsoproepen gepland?", [157], "timing"),
    # 158
    ("Is one aim of the Dutch imam training to depend less on imams brought in from abroad?", [158, 164, 165], "en"),
    # 159
    ("Which research bureau did the 2019 survey among mosque boards on support for an imam training in the Netherlands?", [159], "fact"),
    # 161
    ("Hoeveel van de moskeeën in Nederland vallen onder koepels die bij het CMO zijn aangesloten?", [161], "fact"),
    # 165
    ("Sinds welk jaar loopt het aanbod voor imams die al in Nederland werken, over taal en samenleving?", [165], "fact"),
    # 169
    ("gelden de niewe regels voor gebedsoproepen straks ook voor kerkklokken of alleen voor moskeeen?", [169, 170], "typo"),
    # 171
    ("Bij wie zouden de gegevens moeten liggen over hoeveel moskeeën de oproep tot gebed via luidsprekers laten horen?", [171], "nl"),
    # 178
    ("In which municipalities are there projects to get asylum seekers in reception centres into paid work?", [178], "fact"),
    # 181
    ("Krijgen gemeenten een dwingender kader om de taaleis in de bijstand ook echt te handhaven?", [176, 181], "nl"),
    # 183
    ("statushouders werk eigen vakgebied", GROUP_100, "kw"),
    # 187
    ("Hoe lang loopt de subsidie voor werkgevers die statushouders met een taalcoach of vaktaaltraining begeleiden nog door?", [187], "timing"),
    # 191
    ("Ukrainian kids finishing secondary school here: can they go on to college, and which fee do they pay?", [191], "en"),
    # 193
    ("weet iemand welk percentge van alle bijstandontvangers statushouder is? liefst per herkomstland", [193], "typo"),
    # 194
    ("Welke werkgeversorganisaties zitten er in de Taskforce VIA? Ook uitzendbranche?", [194], "fact"),
    # 201
    ("moeten uitzendbureaus een aparte vergunnig hebben om statushouders vanuit het azc naar werk te begeleiden?", [201], "typo"),
    # 204
    ("When did the French Constitutional Council strike down the law limiting migrants' access to benefits?", [204], "timing"),
    # 207
    ("What does a starter job for refugees with a permit look like, and what support does the municipality offer?", [207], "en"),
    # 221
    ("succes Actieagenda meten", [70, 221], "kw"),
    # 222
    ("Does the state secretary acknowledge that most newcomers are actually keen to take part?", [222], "en"),
    # 228
    ("integratieparadox gemengde contacten", [228], "kw"),
    # 229
    ("wanneer is iemand nou eigelijk geintegreerd volgens de staatssecretaris?", [23, 229], "typo"),
    # 234
    ("Waarom is eerst de Actieagenda geschreven en zijn pas daarna de partners erbij gehaald om mee samen te werken?", GROUP_9, "nl"),
    # none, near 141
    ("Hoeveel meldingen over woondiscriminatie zijn er vorig jaar bij de gemeentelijke meldpunten binnengekomen?", [], "none"),
    # none, near 187
    ("Hoeveel geld zit er per jaar in de SOWIS-regeling?", [], "none"),
    # none, near 102
    ("Is de wet die arbeidsuitbuiting beter strafbaar maakt inmiddels door beide Kamers aangenomen?", [], "none"),
    # none, near 192
    ("What share of Eritrean refugees from the 2021 cohort has a paid job by now?", [], "none"),
    # none, near 190
    ("Kun je even checken wat een alleenstaande statushouder per maand aan bijstand krijgt?", [], "none"),
    # none, near 185
    ("Welk percentage van de inburgeraars haalt het B1-examen in één keer?", [], "none"),
    # none, near 207
    ("Hoeveel woningen moeten gemeenten dit halfjaar voor statushouders regelen?", [], "none"),
    # none, near 155
    ("Welke onderwijsinstelling gaat de imamopleiding aanbieden en per wanneer kunnen de eerste studenten beginnen?", [], "none"),
    # none, near 173
    ("What is the maximum decibel level that will apply to amplified calls to prayer?", [], "none"),
    # none, near 123
    ("hoeveel inburgeraars hebben tot nu toe die holocausteducatie gehad?", [], "none"),
    # none, near 107
    ("Welke zes initiatieven krijgen geld uit het programma van het Oranje Fonds over zelfbeschikking?", [], "none"),
    # none, near 211
    ("What came out of the evaluation of the regional connectors for refugees?", [], "none"),
    # none, near 206
    ("Met hoeveel procent wordt de uitkering gekort als iemand een startbaan weigert?", [], "none"),
    # none, near 147
    ("How many police officers have done the VR training on ethnic profiling so far?", [], "none"),
    # none, near 137
    ("Per wanneer is het centrale meldpunt voor buitenlandse inmenging echt operationeel?", [], "none"),
    # none, near 130
    ("Hoeveel leraren hebben de training over de meldcode van OCW al gevolgd?", [], "none"),
    # none, near 65
    ("How much funding does the ECHO mentoring programme get from the ministry?", [], "none"),
    # none, near 175
    ("weet iemand hoeveel geld gemeenten via de WEB krijgen voor basisvaardigheden?", [], "none"),
    # none, near 75
    ("Hoeveel vrouwen zijn er in 2024 in Nederland slachtoffer geworden van femicide?", [], "none"),
    # none, near 178
    ("Kun je even checken hoeveel asielzoekers er op dit moment vanuit een azc betaald werk hebben?", [], "none"),
]


if __name__ == "__main__":
    write("l", ordered(QUERIES))
