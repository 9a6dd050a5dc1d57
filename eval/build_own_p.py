"""Blind evaluation set P for kamerstuk 32 824 nr. 451 (written from the source text only).

Writes eval/queries-own-p.jsonl: 60 answerable queries (one per drawn answer, seed 202612077,
first 60) and 20 unanswerable ones (style "none", gold []).
"""

from blind_sets import GROUP_9, GROUP_47, GROUP_100, ordered, write

# (query, gold, style); the comment names the drawn answer it was written from
QUERIES = [
    # 3
    ("What does the cabinet see as the most effective way to fix the areas where integration is lagging?", [3], "en"),
    # 5
    ("Aan wat voor gedrag moet ik denken bij die intolerantie uit de brief? Heb je voorbeelden?", [4, 5], "nl"),
    # 11
    ("Waarom vindt het kabinet deze actieagenda eigenlijk nodig?", [11], "nl"),
    # 13
    (
        "Hoe zorg je dat mensen met een migratieachtergrond niet alleen als probleemgroep worden neergezet?",
        [13, 222],
        "nl",
    ),
    # 26
    ("grip op migratie migrantengemeenschappen", [26], "kw"),
    # 30
    ("What is the state secretary doing about misleading framing in the public debate on integration?", [29, 30], "en"),
    # 33
    ("Does the action agenda include figures on how much migration will be reduced?", [33], "en"),
    # 34
    ("Uit welke herkomstlanden kwamen de meeste eerzaken die het LEC EGG in 2024 binnenkreeg?", [34], "fact"),
    # 35
    (
        "Wat heeft de integratieagenda aan criminaliteitscijfers van migrantengroepen als dat verschil toch door "
        "leeftijd en inkomen komt?",
        [35],
        "nl",
    ),
    # 37
    ("Wie beslist er als vrijheid van meningsuiting botst met het discriminatieverbod?", [37, 122], "nl"),
    # 41
    ("Do you expect the share of suspects with a non-European background to keep going down?", [41], "en"),
    # 45
    ("lijstje problematische gedragingen ondermijning", [45], "kw"),
    # 62
    ("Kan dat hameren op onze normen en waarden niet juist mensen buitensluiten?", [62], "nl"),
    # 65
    ("wat doet de overheid om netwerk kansen van mensen met een migratie achtergrond te vergrootn", [65, 92], "typo"),
    # 66
    ("Integratie komt toch van twee kanten, wat doet het kabinet richting de rest van de samenleving?", [66], "nl"),
    # 67
    (
        "Welk deel van de achterstand op de arbeidsmarkt komt niet door taal of opleiding maar door vooroordelen?",
        [67, 95],
        "nl",
    ),
    # 68
    ("Is het de taak van de overheid om nieuwkomers zich hier thuis te laten voelen?", [68], "nl"),
    # 70
    ("Hoe gaan jullie meten of de inzet op een open samenleving echt iets oplevert voor integratie?", [70, 221], "nl"),
    # 85
    ("hoe pakt het kabient gedwongen huwelijken en meisjesbesnijdenis concreet aan", [85], "typo"),
    # 88
    ("drijvende krachten achter polarisatie", [88], "kw"),
    # 92
    ("Wat wordt er gedaan zodat statushouders een beter netwerk opbouwen richting werk?", [65, 92], "nl"),
    # 100
    ("hoe voorkome je dat statushouders alleen in laagbetaalde flexbaantjes belanden", GROUP_100, "typo"),
    # 104
    (
        "Is there research showing that contact with Dutch people improves newcomers' chances of finding work?",
        [65, 92, 104],
        "en",
    ),
    # 106
    (
        "What concrete action is being taken against discrimination of people with a migration background in "
        "hiring and internships?",
        [72, 96, 97, 101, 106],
        "en",
    ),
    # 107
    ("Hoeveel geld is er in totaal beschikbaar voor het meerjarenplan zelfbeschikking 2022-2025?", [107], "fact"),
    # 114
    ("is gebrek aan zelfbeschikking allen een probleem bij allochtone groepn", GROUP_47, "typo"),
    # 115
    ("Hoe heet de handreiking waarmee gemeenten polarisatie al in een vroeg stadium kunnen herkennen?", [115], "fact"),
    # 116
    ("haat tegen vluchtelingen aanpak", [116], "kw"),
    # 117
    ("bereik meerjarenplan zelfbeschikking vergroten", [117], "kw"),
    # 122
    ("Wanneer hoort de Kamer iets over de juridische verkenning naar ondermijnend gedrag?", [5, 37, 122], "timing"),
    # 123
    ("Vanaf welk jaar is er geld voor holocausteducatie binnen de inburgering?", [123], "timing"),
    # 124
    (
        "Is limited self-determination mainly a migration-related problem, and is there research behind that?",
        GROUP_47,
        "en",
    ),
    # 130
    ("Wat kunnen scholen en leraren doen als een leerling thuis niet vrij is om eigen keuzes te maken?", [130], "nl"),
    # 132
    (
        "Wanneer is het WODC-onderzoek naar een uitreisverbod tegen vrouwelijke genitale verminking klaar?",
        [121, 132],
        "timing",
    ),
    # 135
    ("Hebben scholen ook een rol bij het versterken van burgerschap, en hoe wordt dat ingevuld?", [135, 138], "nl"),
    # 136
    ("met welke maatschapelijke partners werkt u samen tegen buitenlandse inmening", GROUP_9, "typo"),
    # 139
    ("onderzoek waardenoriëntaties hele bevolking", [70, 139, 221], "kw"),
    # 147
    ("Sinds wanneer werkt de politie met het vernieuwde handelingskader professioneel controleren?", [147], "timing"),
    # 149
    (
        "hoe voorkom je dat de aanpak van buitenlandse beinvloeding uitdraait op discrimnatie van migranten groepen",
        [149],
        "typo",
    ),
    # 150
    ("Sinds wanneer kunnen burgers signalen van buitenlandse inmenging bij het Rijk melden?", [148, 150], "timing"),
    # 155
    (
        "Met welke organisatie heeft de staatssecretaris onlangs nog gesproken over een nieuwe imamopleiding?",
        [155, 161],
        "fact",
    ),
    # 158
    (
        "Is het ook de bedoeling van een eigen imamopleiding dat we minder imams uit het buitenland hoeven te halen?",
        [158, 164, 165],
        "nl",
    ),
    # 162
    ("Om de hoeveel jaar moet een bekostigde imamopleiding opnieuw door de NVAO worden geaccrediteerd?", [162], "fact"),
    # 163
    ("voordelen in Nederland opgeleide imams", [163], "kw"),
    # 176
    ("Na welk debat werd de motie aangenomen om het schrappen van de taaleis te heroverwegen?", [176], "fact"),
    # 179
    (
        "Welke instantie checkt bij de IND of een asielzoeker mag werken als de werkgever een "
        "tewerkstellingsvergunning aanvraagt?",
        [179],
        "fact",
    ),
    # 182
    (
        "Hoe zorg je dat statushouders doorgroeien en niet blijven steken in tijdelijk, slecht betaald werk?",
        GROUP_100,
        "nl",
    ),
    # 183
    (
        "How do we make sure refugees can work in their own profession and not just in shortage sectors?",
        GROUP_100,
        "en",
    ),
    # 187
    ("Tot wanneer loopt de SOWIS-subsidie voor werkgevers nog?", [187], "timing"),
    # 191
    ("Bij welke stichting kunnen studenten uit Oekraïne aankloppen voor financiële steun?", [191], "fact"),
    # 193
    ("aandeel statushouders onder bijstandsontvangers", [193], "kw"),
    # 195
    ("Will the new inclusive labour market agenda include measures to get female refugees into work?", [195], "en"),
    # 201
    (
        "Met welke organisatie kunnen uitzendbureaus afspraken maken om statushouders vanuit het azc "
        "aan werk te helpen?",
        [201],
        "fact",
    ),
    # 204
    ("Welke instantie heeft de Franse wet die sociale zekerheid voor migranten inperkte afgekeurd?", [204], "fact"),
    # 212
    ("How many pillars does the action agenda have and who is each one aimed at?", [212], "en"),
    # 214
    ("welke maatschappelijke organisaties zijn betrokkn bij de uitvoering van de actie agenda", GROUP_9, "typo"),
    # 215
    ("Als we meer gemeen hebben dan ons scheidt, hoe maak je daar beleid van dat iedereen eerlijk vindt?", [215], "nl"),
    # 219
    ("How does the state secretary make sure the agenda rests on data rather than politics?", [219], "en"),
    # 229
    ("wanneer is iemand nou eigenlijk geintegreerd volgens de staatsecretaris", [23, 229], "typo"),
    # 234
    ("Why was the action agenda drafted before the intended partners were brought in?", GROUP_9, "en"),
    # unanswerable: near-misses and broader questions the document does not answer
    ("Wat is het budget van de Netwerkpro-pilot voor vrouwen in een afhankelijkheidssituatie?", [], "none"),
    ("Has the Senate already passed the bill on transparency of civil society organisations?", [], "none"),
    ("Hoeveel imams uit Turkije werken er nu in Nederlandse moskeeën?", [], "none"),
    ("Hoeveel euro krijgt een werkgever per statushouder uit de SOWIS-regeling?", [], "none"),
    ("Wat kost het opzetten van een Nederlandse imamopleiding de overheid?", [], "none"),
    ("Per wanneer gaat de Wet toezicht informeel onderwijs gelden?", [], "none"),
    ("What is the pass rate for the civic integration exam?", [], "none"),
    ("Hoe hoog is de bijstandsuitkering voor een alleenstaande statushouder per maand?", [], "none"),
    ("Hoeveel woningen moeten gemeenten dit jaar voor statushouders regelen?", [], "none"),
    ("welke boete krijg je als je het inburgeringsexamen niet op tijd haalt", [], "none"),
    ("Hoeveel vrouwen zijn er in 2024 door hun (ex-)partner om het leven gebracht?", [], "none"),
    ("How many girls in the Netherlands are estimated to be at risk of FGM?", [], "none"),
    ("Hoeveel geld zit er in het fonds voor samenleven bij het Oranjefonds?", [], "none"),
    ("How many reports of foreign interference has the central government received since 2023?", [], "none"),
    ("Hoeveel statushouders zijn al aan de slag gegaan in een startbaan?", [], "none"),
    ("Hoeveel jaar cel staat erop als je iemand dwingt te trouwen?", [], "none"),
    ("Mogen politieagentes in Nederland een hoofddoek dragen tijdens hun werk?", [], "none"),
    ("When does the Participatiewet in Balans take effect?", [], "none"),
    ("Hoeveel antidiscriminatievoorzieningen zijn er op dit moment in Nederland?", [], "none"),
    ("What share of civic integration learners follows the Z-route?", [], "none"),
]

if __name__ == "__main__":
    write("p", ordered(QUERIES))
