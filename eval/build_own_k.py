"""Blind evaluation set K for kamerstuk 32 824 nr. 451 (written from the source text only).

Writes eval/queries-own-k.jsonl: 60 answerable queries (one per drawn answer) and
20 unanswerable ones (style "none", gold []).
"""

from blind_sets import GROUP_47, GROUP_9, GROUP_126, ordered, write

# (query, gold, style); the comment names the drawn answer it was written from
QUERIES = [
    # 2 (answer 20 repeats the text of answer 2)
    ("Hoeveel procentpunt zijn mensen met een buiten-Europese achtergrond in 2023 nog oververtegenwoordigd in de bijstand?",
     [2, 20], "fact"),
    # 8
    ("How does the new integration plan actually tie migration and integration together, what does it focus on?",
     [8], "en"),
    # 10 (answer 46 repeats most of it)
    ("Wie zijn eigenlijk de doelgroepen van de actieagenda integratie? Kan iemand dat kort opsommen?",
     [10, 46], "nl"),
    # 11
    ("Why does the cabinet think we need this action agenda at all? What's driving it?",
     [11], "en"),
    # 12
    ("welke pijler van de actieagenda gaat over de socale cohesie tussen alle nederlanders, dus niet allen nieuwkomers?",
     [12], "typo"),
    # 13 (222 answers the same point)
    ("Hoe zorgen we ervoor dat Nederlanders met een migratieachtergrond niet alleen maar als probleemgeval in beeld komen?",
     [13, 222], "nl"),
    # 22 (shared answer 21 and 22)
    ("Hoeveel zaken met een vermoed eermotief kreeg het landelijk expertisecentrum eergerelateerd geweld in 2024 binnen?",
     [21, 22], "fact"),
    # 34
    ("In welke drie herkomstcontexten speelden de meeste zaken bij het LEC EGG zich in 2024 af?",
     [34], "fact"),
    # 42
    ("Which background characteristics did Risbo find explain most of the overrepresentation of migrant groups in crime figures?",
     [42], "en"),
    # 44
    ("Uit de kabinetsreactie op welk commissierapport komt de omschrijving van 'problematisch gedrag' die nu gebruikt wordt?",
     [44], "fact"),
    # 48
    ("Ukrainian refugees were asked to rate their own Dutch on a 1 to 10 scale, what was the average score?",
     [48], "fact"),
    # 54
    ("hoe wordt eigenlijk getoetst of iemand de nederlandse normen en waarden onderschijft? is daar een vast proces voor?",
     [54], "typo"),
    # 55
    ("Wanneer wordt de Kamer verder geïnformeerd over de scenario's om het onderwijs aan nieuwkomers te verbeteren?",
     [55], "timing"),
    # 58 (21/22 explain the same freedom of choice)
    ("Wanneer kun je zeggen dat iemands persoonlijke vrijheid wordt ingeperkt? Heb je een paar voorbeelden?",
     [21, 22, 58], "nl"),
    # 60
    ("Is freedom of religion an absolute right under the Dutch constitution, or can the government set rules on how it's exercised?",
     [60], "en"),
    # 63 (shared answer 63 and 64)
    ("hoe wil de staatsecretaris nieuwkomers er concreet op aanspreken dat ze zelf ook hun steentje moeten bijdragen?",
     [63, 64], "typo"),
    # 70 (221 = zie 70)
    ("Wordt er gemonitord of al die maatregelen voor de open samenleving de integratie echt vooruit helpen?",
     [70, 221], "nl"),
    # 71 (29/30 use the same words)
    ("Hoe heeft de bewindspersoon in de brief zowel de vooruitgang als de problemen rond integratie evenwichtig benoemd?",
     [29, 30, 71], "nl"),
    # 72
    ("Wanneer verwachten we de resultaten van de twee communities of practice waarin leerbedrijven objectief stagiairs gaan werven?",
     [72], "timing"),
    # 73
    ("When the letter says 'suspected honour motive', does that mean they're actually sure honour was the reason?",
     [73], "en"),
    # 81 (49 and 105 give the same answer)
    ("Welke normen en waarden bedoelen ze nou precies als ze het over typisch Nederlandse waarden hebben?",
     [49, 81, 105], "nl"),
    # 82
    ("Zijn polarisatie en extreme denkbeelden alleen iets van mensen met een migratieachtergrond, of speelt de rest van Nederland daar ook een rol in?",
     [82], "nl"),
    # 89
    ("What concrete steps is the ministry planning to bring down hostile polarisation?",
     [89], "en"),
    # 92 (answer 65 is the same text)
    ("ECHO mentorprogramma netwerk statushouders",
     [65, 92], "kw"),
    # 101 (96 identical, 97 same paragraph)
    ("hoe voorkomt het kabinet dat werkgevers alleen voor de buhne aan diverstieit doen en niet echt aan gelijke kansen werken?",
     [96, 97, 101], "typo"),
    # 103
    ("Wat is de aanpak van het kabinet tegen vooroordelen en stereotiepe beelden over mensen met een migratieachtergrond?",
     [103], "nl"),
    # 112
    ("How does the government make sure women with a migration background aren't disadvantaged twice over, for being a woman and for their ethnicity?",
     [112], "en"),
    # 115
    ("handreiking Prille Polarisatie",
     [115], "kw"),
    # 121 (132 gives the same date)
    ("Wanneer is het onderzoek van Right to Rise naar een uitreisverbod om genitale verminking te voorkomen klaar?",
     [121, 132], "timing"),
    # 124
    ("Is het gebrek aan zelfbeschikking nou echt een migratiekwestie, of speelt het ook in bijvoorbeeld streng christelijke gemeenschappen?",
     GROUP_47, "nl"),
    # 125 (107 describes the Netwerkpro pilot on the same line of action)
    ("welke projekten lopen er om migrantenvrouwen economisch zelfstandiger te maken?",
     [107, 125], "typo"),
    # 129
    ("How do we make sure that measures against harmful practices are actually backed by the communities themselves?",
     GROUP_126, "en"),
    # 130
    ("meldcode training leraren zelfbeschikking",
     [130], "kw"),
    # 131
    ("Gaat godsdienstvrijheid binnen migrantengemeenschappen boven iemands individuele rechten, of juist niet?",
     [131], "nl"),
    # 133
    ("lessen integratiebeleid Zweden",
     [133], "kw"),
    # 136 (136 = zie 16; 149 also names the organisations to involve against OBI)
    ("partners tegengaan buitenlandse inmenging",
     GROUP_9 + [149], "kw"),
    # 146
    ("Per wanneer moet die nieuwe wet voor één centraal meldpunt discriminatie ingaan?",
     [146], "timing"),
    # 155
    ("Hoe staat het nu met een Nederlandse opleiding voor imams? Wordt er weer met nieuwe instellingen gepraat?",
     [155], "nl"),
    # 157
    ("Wanneer staat de tussentijdse voortgangsrapportage over de versterkte gebedsoproep gepland?",
     [157], "timing"),
    # 161
    ("Hoeveel moskeeën vallen onder de koepelorganisaties die het CMO vertegenwoordigt?",
     [161], "fact"),
    # 164 (165 = zie 164 + more)
    ("Won't training imams in the Netherlands end up excluding imams who bring experience from abroad?",
     [164, 165], "en"),
    # 165
    ("Sinds welk jaar krijgen imams die al in Nederland werken een programma over de Nederlandse taal en samenleving aangeboden?",
     [165], "fact"),
    # 170 (shared answer 169 and 170)
    ("worden er ook regels overwogen voor kerkkloken en andere geluiden, of alleen voor de gebedsoproep van moskeeen?",
     [169, 170], "typo"),
    # 172
    ("Hoe worden gemeenten en geloofsgemeenschappen betrokken als er nieuwe regels voor de oproep tot gebed komen?",
     [172], "nl"),
    # 181 (176 says the same on enforcement)
    ("Komt er een strakker kader voor gemeenten om de taaleis in de bijstand echt te handhaven?",
     [176, 181], "nl"),
    # 192
    ("Kun je even opzoeken welk deel van de statushouders medio 2022 van de bijstand leefde? Ik zoek het precieze percentage",
     [192], "fact"),
    # 195
    ("Doen we in de actieagenda iets specifieks om vrouwen met een vluchtelingenstatus vaker aan betaald werk te helpen?",
     [195], "nl"),
    # 196 (198 names the same study)
    ("Welke hogeschool heeft onderzocht wat vrouwelijke statushouders nodig hebben om aan het werk te komen?",
     [196, 198], "fact"),
    # 199
    ("Is the state secretary willing to set a target percentage for benefit dependency among refugees?",
     [199], "en"),
    # 200
    ("blijft het financeel ontzorgen van statushouders bestaan, of krijgen ze straks gewoon hun uitkering in geld?",
     [200], "typo"),
    # 201
    ("uitzendbureaus COA azc statushouders",
     [201], "kw"),
    # 204
    ("Which body struck down France's law restricting immigrants' access to welfare, and when was that?",
     [204], "fact"),
    # 209
    ("Could cutting someone's benefits for refusing a job end up pushing them into forced labour in bad conditions?",
     [209], "en"),
    # 213 (134 points to 213)
    ("fonds voor samenleven Oranjefonds",
     [134, 213], "kw"),
    # 218
    ("Tot wanneer blijven de regionale verbinders statushouders gemeenten ondersteunen?",
     [218], "timing"),
    # 221 (= zie 70)
    ("Wat is het succescriterium van de actieagenda, en hoe ga je meten of het gelukt is?",
     [70, 221], "nl"),
    # 222 (13 answers the same point)
    ("hoe voorkom je dat integratie en problemen steeds in een adem worden genoemd? de meeste nieuwkommers willen toch gewoon meedoen",
     [13, 222], "typo"),
    # 228
    ("Waarom staat de integratieparadox niet in de kamerbrief, terwijl ambtenaren adviseerden die passage te laten staan?",
     [228], "nl"),
    # 231 (35 gives the reason for including the figures)
    ("Why does the agenda still include a section on crime overrepresentation if the decision memo says it's not explained by cultural background?",
     [35, 231], "en"),
    # 232
    ("waarom wetsvoorstel informeel onderwijs doorzetten",
     [232], "kw"),

    # none, near 146
    ("Weet iemand hoe die nieuwe centrale organisatie voor discriminatiemeldingen gaat heten en in welke stad die komt te zitten?",
     [], "none"),
    # none, near 192
    ("Wat verdienen statushouders gemiddeld vijf jaar nadat ze hun status hebben gekregen?",
     [], "none"),
    # none, near 159
    ("Hoeveel imams zijn er op dit moment in totaal actief in Nederland?",
     [], "none"),
    # none, near 107
    ("How much money is set aside for the self-determination plan in 2026?",
     [], "none"),
    # none, near 232
    ("Is de Wet toezicht informeel onderwijs inmiddels ook door de Eerste Kamer aangenomen?",
     [], "none"),
    # none, near 90
    ("Hoeveel discriminatiemeldingen kregen de antidiscriminatievoorzieningen vorig jaar binnen?",
     [], "none"),
    # none, near 200
    ("Hoe hoog is de bijstandsnorm per maand voor een alleenstaande statushouder?",
     [], "none"),
    # none, near 218
    ("Kun je even checken hoeveel statushouders gemeenten dit halfjaar moeten huisvesten volgens de taakstelling?",
     [], "none"),
    # none, near 54
    ("What's the pass rate for the B1 civic integration exam?",
     [], "none"),
    # none, near 72
    ("Welke leerbedrijven doen er precies mee aan die communities of practice voor stagiairs? Namen graag",
     [], "none"),
    # none, near 22
    ("Hoeveel eerwraakmoorden zijn er in 2024 in Nederland gepleegd?",
     [], "none"),
    # none, near 165
    ("Hoeveel jaar gaat de nieuwe Nederlandstalige imamopleiding duren?",
     [], "none"),
    # none, near 218
    ("Hoeveel budget is er in 2025 voor de regionale verbinders statushouders uitgetrokken?",
     [], "none"),
    # none, near 187
    ("Hoeveel euro subsidie krijgt een werkgever per statushouder via SOWIS?",
     [], "none"),
    # none, near 204
    ("Has Denmark cut social benefits for non-EU migrants as well?",
     [], "none"),
    # none, near 112
    ("Wie is op dit moment de Nationaal Coördinator tegen Discriminatie en Racisme?",
     [], "none"),
    # none, near 55
    ("Weet iemand hoeveel nieuwkomerskinderen er nu in het basisonderwijs zitten?",
     [], "none"),
    # none, near 132
    ("What's the maximum prison sentence for forced marriage in the Netherlands?",
     [], "none"),
    # none, near 141
    ("Welk percentage verhuurders discrimineerde volgens de laatste monitor discriminatie bij woningverhuur?",
     [], "none"),
    # none, near 113
    ("How many girls in the Netherlands are estimated to be at risk of genital mutilation each year?",
     [], "none"),
]


if __name__ == "__main__":
    write("k", ordered(QUERIES))
