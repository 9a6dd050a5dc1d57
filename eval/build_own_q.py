"""Blind evaluation set Q for kamerstuk 32 824 nr. 451 (written from the source text only).

Writes eval/queries-own-q.jsonl: 60 answerable queries (one per drawn answer, seed 202612077,
last 60) and 20 unanswerable ones (style "none", gold []).
"""

from blind_sets import GROUP_9, GROUP_47, GROUP_100, ordered, write

# (query, gold, style); the comment names the drawn answer it was written from
QUERIES = [
    # 1
    ("Met hoeveel procent is de arbeidsparticipatie van mensen met een buiten-Europese achtergrond gestegen sinds 2003?", [1], "fact"),
    # 7
    ("Is foreign interference only about money coming in from abroad, or does the term cover more than that?", [6, 7], "en"),
    # 9
    ("Who did the state secretary talk to while preparing the integration action agenda?", GROUP_9, "en"),
    # 10
    ("actieagenda integratie welke doelgroepen", [10, 46], "kw"),
    # 17
    ("Worden jongeren en gemeenschappen met een migratieachtergrond gehoord bij het maken van het integratiebeleid?", [17, 25], "nl"),
    # 27
    ("wat doet veel diverstiteit naar herkomst met de samenhang in nederland volgens de wrr", [20, 27], "typo"),
    # 28
    ("Wat kunnen autochtone Nederlanders zelf bijdragen aan meer verbinding nu de bevolking steeds diverser wordt?", [28], "nl"),
    # 32
    ("Welke onderzoeksinstituten en rapportages liggen eigenlijk ten grondslag aan de doelen van de actieagenda?", [19, 32], "nl"),
    # 38
    ("Uit welk budget worden de activiteiten voor de actieagenda op dit moment betaald?", [38], "fact"),
    # 47
    ("Is the concern about women and girls who can't make their own choices only about migrant communities?", GROUP_47, "en"),
    # 49
    ("Noem eens een paar concrete voorbeelden van de waarden waar de actieagenda het over heeft", [49], "nl"),
    # 56
    ("Welk ministerie coördineert het beleid tegen gendergerelateerd geweld?", [56], "fact"),
    # 57
    ("word er gewerkt aan een apart plan tegen eerwraak en eergerelateerd gewelt", [57], "typo"),
    # 58
    ("In wat voor situaties heb je als persoon geen regie meer over je eigen leven?", [58], "nl"),
    # 59
    ("geld de bescherming van vrijheden wel voor iederen gelijk of alleen voor sommige gemeenschapen", [59], "typo"),
    # 60
    ("In welk artikel van de Grondwet staat de vrijheid van godsdienst?", [60], "fact"),
    # 64
    ("Welke rol spelen taal, werk en onderwijs voor mensen die al lang in Nederland wonen, dus niet alleen voor nieuwkomers?", [63, 64], "nl"),
    # 74
    ("Komen bij het LEC EGG ook zaken binnen van Nederlanders zonder migratieachtergrond, of alleen van migranten?", [74, 76], "nl"),
    # 76
    ("Sinds wanneer kan de politie huiselijk geweld apart herkennen in haar systeem?", [74, 76], "timing"),
    # 80
    ("Gaat het beleid over gesloten gemeenschappen ook over bevindelijk gereformeerden, of alleen over nieuwkomers?", GROUP_47, "nl"),
    # 82
    ("ligt extremisme en polarisatie allen bij migranten of ook bij nederlanders zonder migratieachtergond", [82], "typo"),
    # 84
    ("Doet het kabinet ook iets voor meisjes die opgroeien in strenge christelijke kringen?", GROUP_47, "nl"),
    # 87
    ("Wanneer hebben de ministers van JenV en BuZa de Kamer ingelicht over het rapport van het Israëlische diasporaministerie?", [87], "timing"),
    # 91
    ("Welke toezichthouder controleert in Nederland of platforms open zijn over hun aanbevelingsalgoritmes?", [91], "fact"),
    # 97
    ("Hoe krijgen we werkgevers meer aan boord bij het aan het werk helpen van statushouders?", [96, 97, 101], "nl"),
    # 105
    ("kernwaarden open vrije samenleving", [49, 81, 105], "kw"),
    # 118
    ("worden bepaalde wijken of groepen gerict aangepakt op basis van onderzoeksresultaten over zelfbeschikking", [117, 118], "typo"),
    # 120
    ("Wordt bij een subsidieaanvraag ook gekeken of de werkwijze van de organisatie zelf past bij de open en vrije samenleving?", [120], "nl"),
    # 121
    ("Wanneer zijn de resultaten bekend van het onderzoek naar een uitreisverbod om genitale verminking te voorkomen?", [121, 132], "timing"),
    # 125
    ("Op welke datum kreeg de Kamer de laatste voortgangsbrief over het zelfbeschikkingsplan?", [107, 125], "timing"),
    # 133
    ("What can the Netherlands learn from the way Sweden handles integration?", [133], "en"),
    # 134
    ("Hoe stimuleert het kabinet contact tussen nieuwkomers en buurtbewoners buiten de werkvloer en het klaslokaal?", [38, 134, 213], "nl"),
    # 138
    ("versterking burgerschap traject", [135, 138], "kw"),
    # 143
    ("Mag de Arbeidsinspectie optreden tegen discriminatie in sollicitatieprocedures?", [90, 143], "fact"),
    # 145
    ("Does the government do anything to regulate how the media portray integration?", [145], "en"),
    # 153
    ("How are groups targeted by foreign state interference protected when it comes to their data and safety?", [153], "en"),
    # 154
    ("gebedsoproep regels gemeente APV", [154, 173], "kw"),
    # 159
    ("Welk onderzoeksbureau peilde in 2019 het draagvlak voor een imamopleiding onder moskeebezoekers?", [159], "fact"),
    # 160
    ("Bemoeit de overheid zich bij het opzetten van een imamopleiding niet te veel met religie?", [160], "nl"),
    # 164
    ("register erkende imams", [163, 164, 165], "kw"),
    # 166
    ("Wanneer nam de Kamer de SGP-motie aan om versterkte gebedsoproepen beter te regelen?", [166], "timing"),
    # 171
    ("Waar kan ik vinden hoeveel moskeeën de oproep tot gebed versterkt laten klinken?", [171], "nl"),
    # 178
    ("In welke gemeenten lopen projecten om asielzoekers vanuit het azc naar betaald werk te begeleiden?", [178], "fact"),
    # 180
    ("Per wanneer moet de herziene Opvangrichtlijn zijn ingevoerd en gaat Nederland dat halen?", [180], "timing"),
    # 181
    ("komt er een strenger kader voor gemeentes om de taaleis te handhave", [176, 181], "typo"),
    # 184
    ("What is being done about women who wear a headscarf getting turned down by employers?", [61, 184], "en"),
    # 186
    ("Via welke fondsen kunnen mkb-bedrijven subsidie krijgen voor taallessen aan hun personeel?", [186], "fact"),
    # 188
    ("Sluit die taaleis in de bijstand mensen juist niet uit in plaats van ze te helpen?", [176, 188], "nl"),
    # 189
    ("How do you stop a refugee from getting stuck in a starter job instead of moving on to work that fits their skills?", GROUP_100, "en"),
    # 192
    ("Hoeveel procent van de statushouders uit 2014 had na twee jaar een uitkering?", [192], "fact"),
    # 197
    ("met welke organisaties word samengewerkt om vrouwlijke statushouders te emanciperen", [197], "typo"),
    # 199
    ("streefcijfer uitkeringsafhankelijkheid statushouders", [199], "kw"),
    # 200
    ("Will refugees on welfare keep having their bills paid for them in kind instead of getting the cash?", [200], "en"),
    # 207
    ("wat voor begleiding geeft de gemeente bij een startbaan voor een statushouder, ook een jobcoach?", [207], "typo"),
    # 220
    ("How does the minister balance expert advice against political and public pressure?", [219, 220], "en"),
    # 221
    ("actieagenda succes meten", [70, 221], "kw"),
    # 226
    ("advies titel agenda samenhang", [225, 226], "kw"),
    # 228
    ("What happened to the advice about the integration paradox and mixed social contacts in the letter?", [228], "en"),
    # 230
    ("Moeten gevestigde Nederlanders net zo goed meedoen als nieuwkomers om het samenleven te laten slagen?", [28, 230], "nl"),
    # 233
    ("Did the cabinet reach agreement with the Justice minister about putting crime figures in the action agenda?", [233], "en"),
    # unanswerable: near-misses and broader questions the document does not answer
    ("Per welke datum gaat de Wtmo gelden voor stichtingen en verenigingen?", [], "none"),
    ("Hoeveel imams zijn er op dit moment in Nederland actief?", [], "none"),
    ("How many reports of foreign interference has the central reporting point received since 2023?", [], "none"),
    ("Hoeveel krijgt een werkgever per statushouder uit de SOWIS-regeling?", [], "none"),
    ("Wat kost de inzet van de regionale verbinders statushouders per jaar?", [], "none"),
    ("Hoeveel statushouders zijn inmiddels in een startbaan begonnen?", [], "none"),
    ("Welke straf staat er in Nederland op huwelijksdwang?", [], "none"),
    ("Hoeveel vrouwen zijn er in 2023 omgebracht door femicide?", [], "none"),
    ("Per wanneer is het centrale OBI-meldpunt volledig operationeel?", [], "none"),
    ("Hoe hoog is de bijstandsuitkering voor een alleenstaande statushouder?", [], "none"),
    ("Hoeveel statushouders moeten gemeenten dit jaar huisvesten?", [], "none"),
    ("What share of candidates passes the civic integration exam at B1 level?", [], "none"),
    ("What is the fine for not completing the civic integration requirement on time?", [], "none"),
    ("Hoeveel Oekraïense ontheemden wonen er momenteel in Nederland?", [], "none"),
    ("Hoeveel procent van de statushouders heeft na vijf jaar betaald werk?", [], "none"),
    ("Heeft de senaat ingestemd met het wetsvoorstel over toezicht op weekendscholen en ander informeel onderwijs?", [], "none"),
    ("Hoeveel geld gaat er per jaar naar het Nationaal Programma tegen Discriminatie en Racisme?", [], "none"),
    ("How many cases of female genital mutilation have been prosecuted in the Netherlands?", [], "none"),
    ("Welke persoon vervult nu de functie van NCDR?", [], "none"),
    ("Hoe lang duurt gezinshereniging voor statushouders gemiddeld?", [], "none"),
]

if __name__ == "__main__":
    write("q", ordered(QUERIES))
