import json, random
A=[9,16,108,136,152,214,234]
G47=[47,79,80,83,84,109,110,111,114,124]
G5=[100,142,182,183,189]
G4=[126,127,128,129]
rows = [
# fact
("bij welke generatie zit vooral de verbetering in onderwijs en op de arbeidsmarkt?", [1], "fact"),
("hoe groot was in 2023 de achterstand in arbeidsparticipatie van de buiten-Europese groep ten opzichte van het Nederlandse gemiddelde?", [1], "fact"),
("op wiens fenomeenanalyse baseert het kabinet zijn definitie van statelijke inmenging?", [6], "fact"),
("welke pijler van de actieagenda gaat over het versterken van sociale cohesie?", [12], "fact"),
("welke scheidslijnen in de samenleving worden volgens de Staatscommissie Demografische Ontwikkelingen 2050 scherper?", [20, 27], "fact"),
("hoe ontwikkelde het aantal eerzaken bij het LEC EGG zich tussen 2022 en 2023?", [21, 22], "fact"),
("welk percentage van de vrouwen uit de tweede generatie migranten heeft betaald werk?", G47, "fact"),
("welke toezichthouder controleert in Nederland of online platforms open zijn over hoe hun aanbevelingsalgoritmes werken?", [91], "fact"),
("in welke krapte-sectoren noemt het kabinet zij-instroom als route naar werk voor statushouders?", G5, "fact"),
("onder welk nationaal programma valt de preventieve aanpak van discriminatie op grond van herkomst, religie en huidskleur?", [103], "fact"),
("welke vereniging van gemeenten noemt de staatssecretaris als partner bij het uitwerken van de agenda?", A, "fact"),
("in welke jaarlijkse verplichte toets bij de politie zit het handelingskader professioneel controleren?", [147], "fact"),
("hoeveel moskeeën zijn er ongeveer in Nederland?", [161, 165], "fact"),
("hoeveel procent van de Eritrese statushouders uit cohort 2014 ontvangt een uitkering?", [192], "fact"),
# en
("What measures would help most on the points where integration is still going wrong?", [3], "en"),
("When the cabinet talks about closed communities, does it only mean migrant groups or also strict Christian or Orthodox Jewish ones?", G47, "en"),
("How does the state secretary view the fall in overrepresentation of the non-European group among crime suspects since 2005?", [43, 52], "en"),
("Will subsidy applications be checked against the goals of the integration action agenda?", [119, 120], "en"),
("How does the cabinet avoid stigmatising whole communities when tackling honour-related and domestic violence?", G4, "en"),
("How will the cabinet check whether measures in the action agenda end up causing hidden discrimination?", [144], "en"),
("Does the government step in when media coverage paints a negative picture of integration?", [145], "en"),
("How does the state secretary plan to involve migrant communities in countering foreign interference?", sorted(A+[149]), "en"),
("Which partners is SZW working with to make work-and-learn routes a better fit for refugees?", G5, "en"),
("Won't the Dutch language requirement for welfare shut certain groups out instead of helping them integrate?", [188], "en"),
("Do refugees with a residence permit need a UWV work permit before they can start a job?", [201, 208], "en"),
("How will the state secretary keep 'integration' from being automatically linked with 'problems'?", [13, 222], "en"),
("Does the cabinet agree that both newcomers and established groups are needed to make living together a success?", [28, 230], "en"),
("Did the Justice minister agree to including crime figures in the action agenda?", [233], "en"),
# kw
("Risbo achtergrondkenmerken oververtegenwoordiging verdachten", [42], "kw"),
("gedeelde normen waarden essentieel integratie", [51, 62], "kw"),
("specifieke landen noemen overeenstemming ministeries", [86], "kw"),
("breder onderzoek waardenoriëntaties bevolking", [70, 139, 221], "kw"),
("voorschakeltrajecten vaktaal statushouders", G5, "kw"),
("diploma-erkenning gereglementeerde beroepen", [98, 177], "kw"),
("registratie huiselijk geweld politie", [74, 76], "kw"),
("slim verbod terroristische organisaties", [156], "kw"),
# typo
("welk gedrag bedoelt ze percies, bv mensen die anderen tegenhouden om nederlands te lere?", [5], "typo"),
("waarop baseerd de staatssecretaris dat onze vrijheden onder druk staan? gaat t om partnerkeuze en geloof?", [21, 22], "typo"),
("treft dat intergratiebeleid straks niet onevenredig hard bepaalde groepen? op wie richt de agenda zich eigelijk", [10, 46], "typo"),
("vind het kabinet het zn taak dat nieuwkomers zich welkom voelen, of is integreren vooral iets van jezelf?", [68], "typo"),
("waarvoor krijgen werkgevers geld uit de sowis regeling, is dat voor begeleidng op de werkvloer?", [97, 186, 187], "typo"),
("hoe krijg je de gemeenschapen zelf achter de aanpak van schadelijke praktyken?", G4, "typo"),
("heeft ze haar plannen eerst allen binnen het kabinet besproken en pas daarna met organisaties om tafel gezeten?", A, "typo"),
("waarom een strenger intgratiebeleid als het volgens haar juist steeds beter gaat met de integratie?", [216], "typo"),
# timing
("When does the state secretary expect to inform parliament about progress on the legal exploration into regulating specific behaviours?", [5, 37, 122], "timing"),
("How often must very large online platforms assess systemic risks under the DSA?", [91], "timing"),
("sinds wanneer kun je bij de rijksoverheid terecht met signalen over ongewenste buitenlandse inmenging?", [148, 150], "timing"),
("in welk seizoen wil de minister van JenV de Kamer informeren over hoe andere EU-landen omgaan met organisaties met terreurbanden?", [156], "timing"),
("hoelang duurt het nog voordat er genoeg hier opgeleide imams zijn voor alle moskeeën?", [165], "timing"),
("van welke maand en welk jaar is het cijfer dat ruim de helft van de statushouders in de bijstand zat?", [192], "timing"),
# nl
("valt bemoeienis via een tussenpartij die namens een buitenlandse overheid handelt ook onder statelijke inmenging?", [6], "nl"),
("waarom kan veel verscheidenheid naar afkomst het samenleven lastiger maken, volgens de WRR?", [20, 27], "nl"),
("waarom wil het kabinet meer sturing op migratie, heeft dat met de groei van de bevolking te maken?", [26], "nl"),
("valt het ontmoedigen om aangifte te doen tegen iemand uit de eigen kring ook onder problematisch gedrag?", [45], "nl"),
("telt het aanmoedigen dat kinderen niet naar school gaan ook als gedrag dat de rechtsstaat op termijn kan ondermijnen?", [45], "nl"),
("hoort de vrijheid om helemaal niet te geloven ook bij de waarden waar de agenda het over heeft?", [49], "nl"),
("naast school en werk: welke andere terreinen tellen mee als je beoordeelt of integratie gelukt is, en welke CBS-rapportage laat dat zien?", [53], "nl"),
("komt er nou een apart plan tegen eergerelateerd geweld of wordt dat meegenomen in de integratieagenda?", [57], "nl"),
("zijn ontbrekende diploma's en weinig kennis van de Nederlandse arbeidsmarkt een rem op het meedoen van nieuwkomers?", [69], "nl"),
("wie ziet er op Europees niveau op toe dat X, Instagram en YouTube zich aan de DSA-regels houden?", [91], "nl"),
("welke ondersteuning krijgen werkgevers die eerlijker willen werven, is er bijvoorbeeld een helpdesk of e-learning?", [96, 97, 101, 106], "nl"),
("hoe zorg je dat hulp aan vrouwen in gesloten gemeenschappen niet als betutteling van bovenaf voelt?", G4, "nl"),
("behalve VR-training, wat doet de politie nog om agenten bewust te maken van etnisch profileren? filmpjes, posters?", [147], "nl"),
("wanneer is beïnvloeding door een ander land nog gewoon legitiem en niet ondermijnend?", [148], "nl"),
("maakt het voor de Wtmo uit of het geld van een organisatie uit binnen- of buitenland komt?", [151], "nl"),
("kunnen moskeeën die niet bij het CMO zijn aangesloten ook meedoen met de imamopleiding?", [161], "nl"),
("waar kan ik per herkomstland en cohort de uitkeringsafhankelijkheid van statushouders opzoeken?", [192], "nl"),
("is er op basis van dat HAN-onderzoek iets praktisch voor gemeenten gemaakt om vrouwelijke statushouders beter naar werk te begeleiden?", [198], "nl"),
("werkt ze met elke organisatie samen of alleen met clubs die de doelen van de agenda en onze waarden onderschrijven?", A, "nl"),
("hoe weegt ze adviezen van deskundigen af tegen wat er politiek en in de samenleving speelt?", [219, 220], "nl"),
# none
("hoeveel procent van de jongeren met een migratieachtergrond verlaat school zonder startkwalificatie?", [], "none"),
("What is the unemployment rate among Dutch people with a Moroccan background?", [], "none"),
("hoeveel Marokkaanse imams komen er elk jaar tijdens de ramadan naar Nederland?", [], "none"),
("When will the State Commission against Discrimination and Racism publish its findings on overlapping grounds of discrimination?", [], "none"),
("wanneer is de handreiking voor werkgevers over discriminatie van moslima's klaar?", [], "none"),
("How many young people has ECHO matched with a mentor so far?", [], "none"),
("hoe hoog zijn de naturalisatieleges dit jaar?", [], "none"),
("What does the state secretary think of quotas for staff with a migration background in the civil service?", [], "none"),
("vindt de staatssecretaris dat statushouders vaker in krimpregio's gehuisvest moeten worden?", [], "none"),
("How many refugees with a residence permit did municipalities house in 2024?", [], "none"),
("wanneer wordt de Wet inburgering 2021 geëvalueerd?", [], "none"),
("What share of people under the civic integration law follow the Z-route?", [], "none"),
("hoeveel meisjes zijn er vorig jaar tegen hun wil in het land van herkomst achtergelaten?", [], "none"),
("When will CBS publish its next 'Integratie en samenleven' report?", [], "none"),
("vindt de staatssecretaris dat de inburgeringstermijn van drie jaar langer moet?", [], "none"),
("How many Ukrainian displaced persons currently have a paid job in the Netherlands?", [], "none"),
("hoe lang wacht een statushouder gemiddeld op een woning na het krijgen van een verblijfsvergunning?", [], "none"),
("What was the turnout among Dutch voters of Turkish origin in the last general election?", [], "none"),
("wanneer start de landelijke campagne tegen moslimdiscriminatie?", [], "none"),
("mag een gemeente van statushouders in de bijstand een tegenprestatie zoals vrijwilligerswerk eisen?", [], "none"),
]
# interleave: shuffle until no style run longer than 2
rng = random.Random(4242)
while True:
    rng.shuffle(rows)
    runs = max_run = 1
    for i in range(1, len(rows)):
        runs = runs + 1 if rows[i][2] == rows[i-1][2] else 1
        max_run = max(max_run, runs)
    if max_run <= 2: break
with open("/work/main/eval/queries-own-c.jsonl", "w", encoding="utf-8") as f:
    for i, (q, g, s) in enumerate(rows, 1):
        f.write(json.dumps({"id": f"c{i:03d}", "query": q, "gold": sorted(set(g)), "style": s}, ensure_ascii=False) + "\n")
print(len(rows))
