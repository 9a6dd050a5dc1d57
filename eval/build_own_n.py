"""Blind evaluation set N for kamerstuk 32 824 nr. 451 (written from the source text only).

Writes eval/queries-own-n.jsonl: 60 answerable queries (one per drawn answer, seed 202612076,
first 60) and 20 unanswerable ones (style "none", gold []).
"""

from blind_sets import GROUP_47, GROUP_9, GROUP_100, GROUP_126, ordered, write

# (query, gold, style); the comment names the drawn answer it was written from
QUERIES = [
    # 3
    ("Waar moet je volgens het kabinet vooral op inzetten om de integratie die nu stroef loopt beter te krijgen?",
     [3], "nl"),
    # 8 (same sentence in 19 and 33)
    ("Does the size of the integration challenge depend on how many newcomers arrive and what education they bring?",
     [8, 19, 33], "en"),
    # 9
    ("samenwerking VNG zelforganisaties uitwerking", GROUP_9, "kw"),
    # 19 (same paragraph in 32)
    ("Which research does the cabinet actually lean on for its integration policy – the SCP surveys, WRR, KIS?",
     [19, 32], "en"),
    # 20 (text repeated from 2)
    ("welke problmen zien we nog bij integratie? iets met voortijdig schoolverlaters en de bijstand toch",
     [2, 20], "typo"),
    # 27 (same paragraph in 20)
    ("WRR diversiteit terugtrekken privésfeer", [20, 27], "kw"),
    # 30 (shared answer 29 and 30)
    ("Will the knowledge base under the agenda be topped up with new research and experiences from practice?",
     [29, 30], "en"),
    # 32 (same paragraph in 19)
    ("wetenschappelijke basis integratiebeleid kabinet", [19, 32], "kw"),
    # 34
    ("In welke herkomstcontext speelden de meeste zaken die in 2024 bij het LEC EGG binnenkwamen?",
     [34], "fact"),
    # 36
    ("Kunnen we de CBS-cijfers over verdachten met een migratieachtergrond opsplitsen per type delict?",
     [36], "nl"),
    # 40 (40 refers to 35 for the effect on beeldvorming)
    ("What's the real-world effect of the small remaining overrepresentation of non-European groups among crime suspects?",
     [35, 40], "en"),
    # 44
    ("Uit welk stuk komt de definitie van 'problematisch gedrag' die het kabinet hanteert?", [44], "fact"),
    # 45
    ("hebben we voorbeelden van gedrag dat binnen de wet blijft maar de rechtstaat ondermijnt, zoals oproepn om niet te gaan stemmen?",
     [45], "typo"),
    # 46 (same text as 10; the "lagging behind" sentence also in 2 and 20)
    ("Besides newcomers, is the agenda also aimed at Dutch people with a migration background who lag behind on language and work?",
     [2, 10, 20, 46], "en"),
    # 52
    ("Hoe waardeert de staatssecretaris dat het aandeel verdachten onder buiten-Europese groepen sinds 2005 zo gedaald is?",
     [43, 52], "nl"),
    # 56
    ("coördinerend ministerie gendergerelateerd geweld", [56], "kw"),
    # 59
    ("Is de wettelijke bescherming van vrijheden voor iedereen gelijk, of krijgen sommige gemeenschappen extra aandacht?",
     [59], "nl"),
    # 64 (shared answer 63 and 64)
    ("Gelden taal, werk en onderwijs ook als aandachtspunt voor mensen die al langer in Nederland wonen, of alleen voor nieuwkomers?",
     [63, 64], "nl"),
    # 67 (same text in 95)
    ("hoeveel van de achterstand op de arbeidsmarkt komt nou door vooroordelen van werkgevers en niet door taal of oplieding?",
     [67, 95], "typo"),
    # 70 (221 = zie 70; first paragraph repeated in 199)
    ("How are we going to track whether the open-society measures actually have impact? Evaluation per theme?",
     [70, 199, 221], "en"),
    # 71 (29/30 say the same)
    ("Waarom noemt de staatssecretaris in de brief zowel de vooruitgang van migranten als de problemen?",
     [29, 30, 71], "nl"),
    # 72
    ("When do the communities of practice on objective recruitment of interns start, and when are results expected?",
     [72], "timing"),
    # 73
    ("wat betekent 'vermoedelijk' precies bij die eerzaken, staat het motief dan vast of niet?", [73], "typo"),
    # 75
    ("Vanaf welk moment is het Openbaar Ministerie gaan registreren hoeveel vrouwen het slachtoffer zijn van geweld, moord of doodslag?", [75], "timing"),
    # 84
    ("Gaat het kabinet ook iets doen voor vrouwen en meisjes in orthodox-christelijke of orthodox-joodse kringen die hier al eeuwen zijn?",
     GROUP_47, "nl"),
    # 88
    ("Welk voorbeeld noemt het kabinet van de overheid die zelf polarisatie tussen burgers en overheid aanwakkerde?",
     [88], "fact"),
    # 95 (same text in 67)
    ("Part of the labour market gap for migrants can't be explained by language or education – what do researchers say explains the rest?",
     [67, 95], "en"),
    # 98 (same text in 177)
    ("wordt het makkelijker voor statushouders om hun buitenlandse papieren erkent te krijgen voor een gereglementeerd beroep?",
     [98, 177], "typo"),
    # 103
    ("vooroordelen stereotypering preventieve aanpak", [103], "kw"),
    # 104 (65 and 92 say the same about a relevant network)
    ("Vergroot een goed netwerk de kans dat een statushouder passend werk vindt?", [65, 92, 104], "nl"),
    # 113
    ("Wanneer komen de resultaten van het nieuwe Pharos-onderzoek naar de omvang van schadelijke praktijken?",
     [113], "timing"),
    # 116
    ("wat doet het kabniet eigenlijk tegen haat en discriminatie richting vluchtelingen?", [116], "typo"),
    # 117
    ("Which self-determination measures look most effective based on the first results of the multi-year plan?",
     [117], "en"),
    # 124
    ("What share of migrant women have paid work compared with migrant men?", GROUP_47, "en"),
    # 127
    ("Hoe bereik je vrouwen uit gesloten kringen die niet in beeld zijn bij de gemeente of de hulpverlening?",
     GROUP_126, "nl"),
    # 132
    ("Welke artikelen uit het Wetboek van Strafrecht kunnen gebruikt worden om mensen te vervolgen die betrokken zijn bij eergerelateerd geweld of vgv?",
     [132], "fact"),
    # 136
    ("Met welke organisaties heeft de staatssecretaris al om tafel gezeten, bv Femmes for Freedom?", GROUP_9, "nl"),
    # 140
    ("Hoe heet het Amnesty-rapport over etnisch profileren bij overheidsdiensten, en wanneer kwam de kabinetsreactie?",
     [140], "fact"),
    # 142
    ("zij-instroom statushouders kinderopvang", GROUP_100, "kw"),
    # 143 (143 = zie 90)
    ("Kan de Arbeidsinspectie optreden tegen een bedrijf dat sollicitanten discrimineert, of wat kan er anders?",
     [90, 143], "nl"),
    # 150
    ("OBI-meldingen anoniem analyseren", [150], "kw"),
    # 157
    ("Wanneer staat de tussentijdse voortgangsrapportage over de gebedsoproepen gepland?", [157], "timing"),
    # 167
    ("Hebben we zelf cijfers over hoeveel mensen last hebben van oproepen tot gebed via luidsprekers?", [167], "nl"),
    # 176
    ("Waarom is het plan om de taaleis uit de Participatiewet te halen toch teruggedraaid?", [176], "nl"),
    # 180
    ("When does the revised reception conditions directive have to be implemented, and will we make it?",
     [180], "timing"),
    # 186
    ("ESF+ O&O-fondsen taalscholing", [186], "kw"),
    # 191
    ("Welk collegegeldtarief betalen Oekraïense ontheemden in het hbo en wo?", [191], "fact"),
    # 192
    ("What percentage of status holders were on social assistance in June 2022?", [192], "fact"),
    # 195
    ("Staan er in de werkagenda VIA ook maatregelen om vrouwelijke statushouders beter naar werk te begeleiden?",
     [195], "nl"),
    # 199
    ("Komt er een streefcijfer voor hoeveel statushouders nog van een uitkering afhankelijk mogen zijn?", [199], "nl"),
    # 201
    ("Can temp agencies and employers go into asylum centres to guide status holders to jobs, or do permits need to be scrapped first?",
     [201], "en"),
    # 203
    ("Welk artikel van de Participatiewet gaat over het financieel ontzorgen van asielstatushouders in de bijstand?",
     [203], "fact"),
    # 206
    ("kan iemand gekort worden op zn uitkering als hij een startbaan weigerd?", [206], "typo"),
    # 208
    ("Hoe snel krijgt een statushouder via de spoedprocedure een afspraak voor een BSN?", [208], "fact"),
    # 212
    ("What are the two pillars of the action agenda?", [212], "en"),
    # 216
    ("Hoe rijmt de staatssecretaris 'er gaat veel goed met integratie' met een strengere, minder vrijblijvende koers?",
     [216], "nl"),
    # 224
    ("Wanneer wordt duidelijk wat de bezuiniging op het SZW-apparaat betekent voor de actieagenda?", [224], "timing"),
    # 229 (229 refers to 23)
    ("vanaf welk punt noemen we iemand nou eigelijk 'geintegreerd' in de actieagenda?", [23, 229], "typo"),
    # 234
    ("Is the letter only an announcement of the agenda, with municipalities and community organisations brought in later to work it out?",
     GROUP_9, "en"),
    # 235
    ("Which AIVD publication says the wahhabi-salafist movement gets hardly any money from Gulf donors?", [235], "fact"),

    # unanswerable: near-misses and broader questions the document does not answer
    ("Wanneer treedt de Wet transparantie maatschappelijke organisaties in werking?", [], "none"),
    ("Wat is de maximale gevangenisstraf voor huwelijksdwang?", [], "none"),
    ("Hoeveel decibel mag een versterkte gebedsoproep maximaal zijn?", [], "none"),
    ("Has the Senate already passed the bill on modernising the criminalisation of human trafficking?", [], "none"),
    ("Wie is bij SZW het aanspreekpunt voor het OBI-meldpunt?", [], "none"),
    ("How many reports of foreign interference have come in since the reporting channels opened in 2023?", [], "none"),
    ("Hoeveel subsidie krijgt een werkgever per statushouder via SOWIS?", [], "none"),
    ("Which university or college will actually host the Dutch imam training?", [], "none"),
    ("Hoeveel regionale verbinders statushouders zijn er nu in totaal actief?", [], "none"),
    ("hoeveel inburgeraars hebben tot nu toe holocausteducatie gehad", [], "none"),
    ("Hoeveel boetes hebben gemeenten al uitgedeeld voor woondiscriminatie onder de Wet goed verhuurderschap?", [], "none"),
    ("How much is the institutional tuition fee in euros for a Ukrainian student at a Dutch university?", [], "none"),
    ("Welke sanctie krijgt een imam die preekt zonder in het register van erkende imams te staan?", [], "none"),
    ("Wat is het slagingspercentage voor het inburgeringsexamen op B1-niveau?", [], "none"),
    ("Hoeveel statushouders moet een gemeente dit halfjaar huisvesten volgens de taakstelling?", [], "none"),
    ("Wat krijgt een alleenstaande statushouder per maand aan bijstand, netto?", [], "none"),
    ("How many Ukrainian displaced persons are currently living in the Netherlands?", [], "none"),
    ("how big is the yearly budget for the NCDR office, roughly in millions?", [], "none"),
    ("Hoeveel meldingen van vrouwelijke genitale verminking kreeg Veilig Thuis vorig jaar?", [], "none"),
    ("How many status holders are already working through a startbaan?", [], "none"),
]

if __name__ == "__main__":
    write("n", ordered(QUERIES))
