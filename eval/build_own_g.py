"""Blind evaluation set G for kamerstuk 32 824 nr. 451 (written from the source text only).

Writes eval/queries-own-g.jsonl: 60 answerable queries (one per drawn answer) and
20 unanswerable ones (style "none", gold []).
"""

from blind_sets import GROUP_47, GROUP_9, ordered, write

# (query, gold, style); the comment names the drawn answer it was written from
QUERIES = [
    # 3
    ("Als je één ding moet kiezen om integratie vlot te trekken waar het nu hapert, waar zet het kabinet dan op in?", [3], "nl"),
    # 4
    ("Is every form of intolerant behaviour actually against the law, or can something be legal but still undesirable?", [4], "en"),
    # 7
    ("inmenging breder dan geldstromen", [6, 7], "kw"),
    # 17
    ("Praten we ook echt met jongeren en gemeenschappen met een migratieachtergrond, en doen we iets met wat zij zeggen in het beleid?", [17, 25], "nl"),
    # 19
    ("Welke instituten leveren het onderzoek waarop het kabinet baseert welke groepen extra aandacht nodig hebben bij integratie?", [19, 32], "fact"),
    # 28
    ("Welke herkomstgroep heeft volgens het CBS het meest gesegregeerde sociale netwerk?", [28], "fact"),
    # 32
    ("Is the action agenda actually grounded in research evidence on what makes integration work?", [19, 32], "en"),
    # 35
    ("Wat is het nut voor het integratiebeleid om criminaliteitscijfers per herkomstgroep te noemen, als afkomst zelf niet de oorzaak is?", [35, 40, 231], "nl"),
    # 37
    ("Wanneer horen we meer over de juridische verkenning of onwenselijk maar nu nog legaal gedrag genormeerd kan worden?", [5, 37, 122], "timing"),
    # 39
    ("Is the higher share of crime suspects among migrant groups explained by their origin, or by things like age, education and income?", [39, 42], "en"),
    # 45
    ("voorbeelden problematisch gedrag rechtsorde", [45], "kw"),
    # 49
    ("kun je ff opsommen welke nederlandse normen en waarden we percies bedoelen in de agenda?", [49, 81, 105], "typo"),
    # 58
    ("wanneer kun je zegen dat iemand niet vrij is om zn eigen leven in te richten, bv bij relaties of geloof?", [21, 22, 58], "typo"),
    # 62
    ("Hoe voorkomen we dat dat hele verhaal over 'onze waarden' juist mensen buitensluit?", [62], "nl"),
    # 68
    ("Is het onze taak als overheid om nieuwkomers een warm welkom te geven, of ligt dat vooral bij henzelf?", [68], "nl"),
    # 72
    ("Wanneer komen de resultaten van de trajecten met leerbedrijven die stagiairs objectiever gaan selecteren?", [72, 106], "timing"),
    # 74
    ("Is it true that Dutch people without a migrant background hardly show up in the honour-violence expertise centre's case figures, and why?", [74, 76], "en"),
    # 76
    ("Sinds welk jaar gebruikt de politie een aparte code om huiselijk geweld in haar systemen herkenbaar te maken?", [74, 76], "timing"),
    # 78
    ("Erkennen we dat geweld thuis en het doden van vrouwen net zo goed voorkomt in gezinnen zonder migratieverleden?", [74, 76, 78], "nl"),
    # 80
    ("maken we verschil tussen geslote gemeenschappen van migranten en bv streng gereformeerde gemeenschappen die hier al heel lang zijn?", GROUP_47, "typo"),
    # 81
    ("kernwaarden Nederlandse samenleving Grondwet", [49, 81, 105], "kw"),
    # 82
    ("Ligt polarisatie en extremisme alleen bij migrantengroepen, of speelt de rest van Nederland daar ook een rol in?", [82], "nl"),
    # 84
    ("Will the cabinet also step in to protect girls and women in strictly religious Christian communities?", GROUP_47, "en"),
    # 90
    ("Heeft de Arbeidsinspectie bevoegdheden om te handhaven als bedrijven discrimineren bij sollicitaties?", [90, 143], "fact"),
    # 91
    ("Which Dutch regulator oversees the DSA rule that platforms must be open about how their recommender systems work?", [91], "fact"),
    # 92
    ("beroepsnetwerk nieuwkomers mentoring", [65, 92], "kw"),
    # 103
    ("Wat doen we tegen vooroordelen en stereotypen over Nederlanders met een migratieachtergrond, voordat het uitmondt in discriminatie?", [103], "nl"),
    # 105
    ("Which core values is the integration action plan meant to reinforce?", [49, 81, 105], "en"),
    # 106
    ("aanpak discriminatie stageplek sollicitatie", [72, 96, 97, 101, 106], "kw"),
    # 112
    ("Welke commissie onderzoekt hoe je discriminatie aanpakt als iemand op meerdere gronden tegelijk wordt benadeeld, zoals gender en afkomst?", [112], "fact"),
    # 115
    ("Wat heeft het ministerie de afgelopen tijd al concreet gedaan tegen polarisatie?", [115], "nl"),
    # 120
    ("Toetsen we bij het geven van subsidie of een organisatie wel bij de doelen van de integratieagenda past?", [119, 120], "nl"),
    # 126
    ("hoe voorkom je dat we betuttelend overkomen als we geloofsdwang in migrantengemeenschapen aanpakken?", [126, 127, 128, 129], "typo"),
    # 128
    ("How do we tackle honour-based and domestic violence in migrant communities without stigmatising them?", [126, 127, 128, 129], "en"),
    # 138
    ("burgerschap scholen kerndoelen", [135, 138], "kw"),
    # 154
    ("Op grond van welk wetsartikel kunnen gemeenten regels stellen over hoe vaak en hoe hard een gebedsoproep klinkt?", [154, 173], "fact"),
    # 165
    ("Sinds wanneer bestaat het aanbod samen met het CMO voor imams die al in Nederland aan het werk zijn?", [165], "timing"),
    # 175
    ("Wat doet het kabinet aan taalles voor mensen die al jaren hier wonen maar nooit hoefden in te burgeren?", [175, 185], "nl"),
    # 177
    ("hoe zorgen we dat buitenlandse diplomas sneler erkend worden?", [98, 177], "typo"),
    # 179
    ("Zijn er bij UWV gevallen bekend van ingetrokken werkvergunningen van asielzoekers omdat hun verblijfsstatus veranderde?", [179], "fact"),
    # 182
    ("Hoe zorgen we dat vluchtelingen niet eindeloos in slecht betaalde flexbaantjes blijven hangen?", [100, 142, 182, 183, 189], "nl"),
    # 183
    ("How do we make sure refugees with a residence permit can eventually work in their own profession, not just wherever there is a labour shortage?", [100, 142, 182, 183, 189], "en"),
    # 184
    ("wat doet szw voor vrouwen met een hoofddoek die door voorordelen moeilijk aan een baan komen?", [61, 184], "typo"),
    # 189
    ("startbaan doorstroom passend werk", [100, 142, 182, 183, 189], "kw"),
    # 192
    ("Welk percentage van de Syrische statushouders uit het cohort 2021 heeft een bijstandsuitkering?", [192], "fact"),
    # 195
    ("Doen we in de uitwerking iets extra's om meer gevluchte vrouwen aan het werk te krijgen?", [195, 197], "nl"),
    # 196
    ("What holds female refugees back from finding a job, according to research?", [196], "en"),
    # 202
    ("Do other EU countries dock the benefits of recognised refugees who won't take a job?", [202], "en"),
    # 203
    ("Welk artikel van de Participatiewet regelt het financieel ontzorgen van inburgeringsplichtige statushouders in de bijstand?", [203], "fact"),
    # 211
    ("Wanneer begint de evaluatie van de regionale verbinders voor statushouders?", [211], "timing"),
    # 216
    ("Hoe rijm je dat het steeds beter gaat met integratie met een strengere koers?", [216], "nl"),
    # 220
    ("Does the state secretary always follow expert advice, or sometimes go with what they see in day-to-day reality?", [220], "en"),
    # 221
    ("Hoe gaan we straks meten of de actieagenda eigenlijk iets oplevert?", [70, 221], "nl"),
    # 223
    ("Wanneer horen we hoeveel geld er voor de uitvoering van de actieagenda vrijkomt?", [223], "timing"),
    # 224
    ("is al duidelijk wat de bezuinging op t ambtelijk apparaat betekent voor de actieagenda?", [224], "typo"),
    # 226
    ("titel agenda maatschappelijke samenhang", [225, 226], "kw"),
    # 229
    ("wanneer is iemand nou eigelijk geintegreerd volgens ons?", [23, 229], "typo"),
    # 233
    ("Ging Justitie akkoord met het opnemen van criminaliteitscijfers in de integratiebrief?", [233], "nl"),
    # 234
    ("Why were partner organisations only brought in after the action agenda had already been drafted?", GROUP_9, "en"),
    # 235
    ("Uit welk jaarverslag van de AIVD komt de passage dat de salafistische beweging nauwelijks geld uit de Golfregio krijgt?", [235], "fact"),
    # none, near 37
    ("Welke gedragingen worden straks strafbaar na de juridische verkenning naar het grijze gebied?", [], "none"),
    # none, near 7
    ("Per wanneer gaat de Wet transparantie maatschappelijke organisaties in?", [], "none"),
    # none, near 72
    ("hoeveel stagebedrijven in t hbo krijgen straks die hulp bij objectief werven?", [], "none"),
    # none, near 91
    ("How high are the fines the European Commission can give big platforms under the DSA?", [], "none"),
    # none, near 90
    ("Hoeveel meldingen van discriminatie bij sollicitaties kwamen er vorig jaar binnen?", [], "none"),
    # none, near 112
    ("Wanneer publiceert de Staatscommissie tegen Discriminatie en Racisme haar eindrapport?", [], "none"),
    # none, near 154
    ("Wat is het maximaal toegestane aantal decibel voor een versterkte gebedsoproep?", [], "none"),
    # none, near 165
    ("Hoeveel imams hebben het programma van het CMO over de Nederlandse samenleving inmiddels gevolgd?", [], "none"),
    # none, near 192
    ("Hoeveel procent van de Somalische statushouders heeft een bijstandsuitkering?", [], "none"),
    # none, near 211
    ("Welk onderzoeksbureau gaat de regionale verbinders statushouders evalueren?", [], "none"),
    # none, near 223
    ("How many millions per year are earmarked for the integration action agenda?", [], "none"),
    # none, near 233
    ("Op welke datum stemde de ministerraad in met de Kamerbrief over de actieagenda?", [], "none"),
    # none, near 184
    ("wanneer is die handreiking voor werkgevers over moslima's klaar? weet iemand de planing?", [], "none"),
    # none, near 179
    ("Hoeveel asielzoekers werken er op dit moment met een tewerkstellingsvergunning?", [], "none"),
    # none, near 76
    ("How many honour-related violence cases in 2024 ended in a conviction?", [], "none"),
    # none, near 120
    ("welke organisaties zijn hun subsidie kwijtgeraakt nadat ze getoets zijn aan de actieagenda?", [], "none"),
    # none, near 177
    ("Hoe lang duurt een erkenningsprocedure voor een buitenlands diploma nu gemiddeld?", [], "none"),
    # none, near 189
    ("Hoeveel statushouders zijn er inmiddels met een startbaan begonnen?", [], "none"),
    # none, near 196
    ("How many women took part in the HAN study on female refugees and work?", [], "none"),
    # none, near 175
    ("hoevel geld krijgen gemeentes via de WEB voor taal en basisvaardigheden?", [], "none"),
]


if __name__ == "__main__":
    write("g", ordered(QUERIES))
