"""Blind evaluation set O for kamerstuk 32 824 nr. 451 (written from the source text only).

Writes eval/queries-own-o.jsonl: 60 answerable queries (one per drawn answer, seed 202612076,
second half of the draw) and 20 unanswerable ones (style "none", gold []).
"""

from blind_sets import GROUP_47, GROUP_9, GROUP_100, GROUP_126, ordered, write

# (query, gold, style); the comment names the drawn answer it was written from
QUERIES = [
    # 1
    ("Hoeveel procent van de Marokkaanse tweede generatie in het mbo zat in 2023/2024 op niveau 4?",
     [1], "fact"),
    # 4
    ("Kun je intolerant gedrag van groepen die zich totaal afsluiten van de samenleving eigenlijk strafrechtelijk aanpakken?",
     [4], "nl"),
    # 12
    ("Onder welke pijler van de actieagenda valt het versterken van de sociale cohesie?", [12], "fact"),
    # 22 (answer shared by 21 and 22)
    ("klopt het dat de keuzvrijheid extra onder druk komt doordat sommige groepen traditioneler gaan denken over man-vrouw rollen?",
     [21, 22], "typo"),
    # 24
    ("Is integratie volgens de staatssecretaris iets dat losstaat van of je hier geboren bent?", [24], "nl"),
    # 26
    ("Why does the cabinet want more grip on migration, is it mainly about steering population growth?",
     [26], "en"),
    # 29 (answer shared by 29 and 30; same message in 13, 71, 216, 222)
    ("actieagenda successen en problemen", [13, 29, 30, 71, 216, 222], "kw"),
    # 38
    ("Uit welk budget wordt de actieagenda op dit moment (deels) betaald?", [38], "fact"),
    # 48
    ("Welk cijfer geven Oekraïense vluchtelingen zichzelf gemiddeld voor hoe goed ze Nederlands spreken?",
     [48], "fact"),
    # 51 (same sentence in 62)
    ("is het onderschijven van gedeelde waarden en normen nou een wezenlijk deel van integratie volgens het kabinet of niet",
     [51, 62], "typo"),
    # 61 (61 and 184 share the text)
    ("Wat gaat SZW samen met de NCDR doen tegen stigmatisering van vrouwen met een hoofddoek op de werkvloer?",
     [61, 184], "nl"),
    # 76 (same text in 74)
    ("Sinds wanneer kan de politie huiselijk geweld via een projectcode herkennen in haar systeem?",
     [74, 76], "timing"),
    # 78 (74 and 76: happens in all layers of the population)
    ("Does the government acknowledge that domestic violence and femicide also occur widely among Dutch people without a migration background?",
     [74, 76, 78], "en"),
    # 79
    ("Which closed communities does the agenda refer to? Only migrant groups, or also orthodox Jewish or strict Christian ones?",
     GROUP_47, "en"),
    # 81 (same text in 105, more in 49)
    ("normen waarden rechtsstaat Grondwet", [49, 81, 105], "kw"),
    # 82
    ("Is polarisatie vooral een probleem van één groep, of speelt het binnen en tussen allerlei groepen?",
     [82], "nl"),
    # 90 (143 refers to 90)
    ("sancties arbeidsmarktdiscriminatie Arbeidsinspectie", [90, 143], "kw"),
    # 96 (same text in 97, 101; 106 refers to 96)
    ("regionale inclusiedesks werkgevers", [96, 97, 101, 106], "kw"),
    # 101
    ("Welke concrete hulp krijgen werkgevers om gelijke kansen bij werving echt in de praktijk te brengen, denk aan een helpdesk of e-learning?",
     [96, 97, 101, 106], "nl"),
    # 105
    ("Which norms and values exactly is the action agenda supposed to reinforce?", [49, 81, 105], "en"),
    # 106 (refers to 72 and 96)
    ("wanneer gaan die communities of practice voor objectief werven van stagiairs van start en wanneer zijn de resultaten er?",
     [72, 106], "timing"),
    # 107
    ("Hoeveel vrouwen moet Netwerkpro minimaal trainen in de pilot rond financiële zelfredzaamheid?",
     [107], "fact"),
    # 108
    ("Has the state secretary visited the FGM clinic at the Haga hospital for the action agenda?",
     GROUP_9, "en"),
    # 110
    ("What percentage of female migrants has paid work, compared to male migrants?", GROUP_47, "fact"),
    # 123
    ("Hoeveel geld gaat er per jaar naar holocausteducatie voor inburgeraars, en uit welke begroting komt dat?",
     [123], "fact"),
    # 126
    ("Hoe bereiken we vrouwen in gesloten gemeenschappen die helemaal niet in beeld zijn bij gemeente of hulpverlening?",
     GROUP_126, "nl"),
    # 130
    ("OCW trainingen meldcode leraren", [130], "kw"),
    # 141
    ("Since when are municipalities required to have a reporting point for good landlordship?",
     [141], "timing"),
    # 148
    ("When is influence by foreign governments considered legitimate rather than undermining?",
     [148], "en"),
    # 149
    ("Wordt het weerbaarder maken van gemeenschappen tegen buitenlandse inmenging per land ingestoken of landenneutraal?",
     [149], "nl"),
    # 152
    ("Gaat de staatssecretaris ook samenwerken met organisaties die de doelen van de actieagenda niet delen?",
     GROUP_9, "nl"),
    # 153
    ("kan szw organisaties die geintimideerd worden door een buitenlandse overheid zelf beschermen of moeten ze naar de politie",
     [153], "typo"),
    # 155
    ("Is er al een nieuwe hogeschool of universiteit in beeld voor een Nederlandstalige imamopleiding?",
     [155], "nl"),
    # 159
    ("Welk bureau deed in 2019 het draagvlakonderzoek onder moskeebestuurders over een imamopleiding?",
     [159], "fact"),
    # 161
    ("Hoeveel van de ongeveer 500 moskeeën worden beheerd door koepels die bij het CMO zijn aangesloten?",
     [161], "fact"),
    # 166
    ("Wanneer is de motie van Flach over het beter reguleren van gebedsoproepen aangenomen?", [166], "timing"),
    # 169 (answer shared by 169 and 170)
    ("Will new rules on amplified prayer calls apply to all religions equally, or only to mosques?",
     [169, 170], "en"),
    # 175 (same passage in 185)
    ("WEB-middelen basisvaardigheden EU-arbeidsmigranten", [175, 185], "kw"),
    # 177 (98 and 177 share the text)
    ("wordt de erkennings procedure van diplomas voor gereglementeerde beroepen nu eindelijk versimpeld?",
     [98, 177], "typo"),
    # 178
    ("In welke gemeenten worden asielzoekers al vanuit de opvang naar betaald werk begeleid?", [178], "nl"),
    # 181 (176 says the same)
    ("Moeten gemeenten de taaleis in de bijstand gewoon handhaven, en komt er strengere regelgeving?",
     [176, 181], "nl"),
    # 183
    ("Is there a programme that helps refugees with a residence permit become teachers through side entry?",
     GROUP_100, "en"),
    # 184
    ("Komt er een handreiking voor werkgevers over arbeidsmarktdiscriminatie van moslima's?", [61, 184], "nl"),
    # 196
    ("wat kwam er uit dat onderzoek van de hogeschool naar vrouwlijke statushouders en werk, waarom lukt het hun minder vaak?",
     [196], "typo"),
    # 197
    ("Ziet het kabinet werk als dé manier voor vrouwelijke statushouders om te emanciperen, en met wie wordt daaraan gewerkt?",
     [197], "nl"),
    # 198
    ("Welke gemeente geldt als good practice bij het naar werk begeleiden van vrouwelijke statushouders?",
     [198], "fact"),
    # 200
    ("waar is dat finacieel ontzorgen van statushouders nou eigenlijk voor bedoelt?", [200], "typo"),
    # 205
    ("Sinds wanneer krijgen asielzoekers in Zweden alleen nog financiële steun als ze in hun toegewezen opvang blijven?",
     [205], "timing"),
    # 207
    ("krijgt een statushouder met een startbaan ook een jobcoach en moet die werkplek nederlandstalig zijn?",
     [207], "typo"),
    # 211
    ("When will the evaluation of the regional connectors for status holders start?", [211], "timing"),
    # 213 (134 refers to 213)
    ("fonds samenleven Oranjefonds", [134, 213], "kw"),
    # 214
    ("uitwerking actieagenda VNG zelforganisaties", GROUP_9, "kw"),
    # 215
    ("Op welke terreinen wil de staatssecretaris extra maatregelen nemen zodat iedereen gelijkwaardig kan samenleven?",
     [215], "nl"),
    # 217
    ("Does she think everyone should feel part of society, regardless of generation or residence status?",
     [217], "en"),
    # 218
    ("Will the regional connectors that help municipalities get status holders into work continue in 2026?",
     [218], "en"),
    # 220
    ("Gaat de staatssecretaris altijd mee met adviezen van experts, of maakt ze ook keuzes op basis van wat ze dagelijks ziet gebeuren?",
     [220], "nl"),
    # 222
    ("Does the ministry think most newcomers are actually motivated to take part in society?", [222], "en"),
    # 223
    ("Komt er bij de Voorjaarsnota extra geld bij voor de actieagenda integratie?", [223], "nl"),
    # 226 (answer shared by 225 and 226)
    ("waarom heet t nu actieagenda open en vrije samenleving, waar is de samenhang gebleven in de naam?",
     [225, 226], "typo"),
    # 233
    ("Did the council of ministers sign off on the letter about the integration action agenda?", [233], "en"),

    # --- unanswerable: near-misses and broader questions the document does not answer ---
    ("Hoeveel geld krijgt Netwerkpro voor de tweejarige pilot met vrouwen uit gesloten gemeenschappen?", [], "none"),
    ("How much SOWIS subsidy can an employer get per status holder?", [], "none"),
    ("Per wanneer treedt de Wet transparantie maatschappelijke organisaties in werking?", [], "none"),
    ("Is het wetsvoorstel toezicht informeel onderwijs inmiddels door de Eerste Kamer aangenomen?", [], "none"),
    ("Welke maximale gevangenisstraf staat er in Nederland op vrouwelijke genitale verminking?", [], "none"),
    ("How many reports has the central OBI reporting point received so far?", [], "none"),
    ("Wie is bij de NCDR het aanspreekpunt voor de gesprekken met werkgevers over moslima's?", [], "none"),
    ("hoeveel moskeeen in nederland gebruiken nu echt een versterkte gebedsoproep?", [], "none"),
    ("Hoe groot is de korting op de uitkering als een bijstandsgerechtigde de taaleis niet haalt?", [], "none"),
    ("Hoeveel startbanen zijn er inmiddels daadwerkelijk door statushouders ingevuld?", [], "none"),
    ("How high is the institutional tuition fee Ukrainian students pay at Dutch universities?", [], "none"),
    ("Vanaf welke datum moet het register van erkende imams operationeel zijn?", [], "none"),
    ("Wat is de hoogte van de bijstandsuitkering voor een alleenstaande statushouder in 2025?", [], "none"),
    ("Hoeveel statushouders moeten gemeenten in de tweede helft van 2025 huisvesten volgens de taakstelling?", [], "none"),
    ("What share of inburgeraars passes the B1 exams on the first try?", [], "none"),
    ("Hoeveel statushouders heeft de gemeente Amsterdam vorig jaar aan een baan geholpen?", [], "none"),
    ("hoe lang duurt het gemiddeld bij de IND voordat gezinshereniging voor een statushouder rond is?", [], "none"),
    ("How many Ukrainian displaced persons are currently staying in the Netherlands?", [], "none"),
    ("Hoeveel vrouwen in Nederland zijn volgens het laatste prevalentieonderzoek slachtoffer van vgv?", [], "none"),
    ("How many newcomers signed the participation statement last year?", [], "none"),
]

if __name__ == "__main__":
    write("o", ordered(QUERIES))
