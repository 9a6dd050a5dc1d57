"""Blind query set E for kamerstuk 32824-451 (written from the source text only).

Writes eval/queries-own-e.jsonl: 60 answerable queries (one per drawn answer) and
20 unanswerable ones. Styles are shuffled with a fixed seed so they are mixed.
"""

import random

from blind_sets import GROUP_9 as G9
from blind_sets import GROUP_47 as G47
from blind_sets import GROUP_100 as G142
from blind_sets import GROUP_126 as G126
from blind_sets import write

# (query, gold, style)
QUERIES = [
    # --- answerable: one per drawn answer ---
    ("Met hoeveel procentpunt is de arbeidsparticipatie van mensen met een buiten-Europese achtergrond gestegen sinds 2003?", [1], "fact"),
    ("Kan justitie iets doen tegen mensen die zich volledig afsluiten en hun groep tegen anderen opzetten, of is dat gewoon niet strafbaar?", [4], "nl"),
    ("Who did the state secretary talk to while drawing up the integration action agenda, which organisations?", G9, "en"),
    ("Which pillar of the action agenda is about strengthening social cohesion among all Dutch people?", [12, 66], "en"),
    ("Na hoeveel jaar ben je eigenlijk geen nieuwkomer meer volgens het ministerie?", [15], "nl"),
    ("Gaat de staatssecretaris ook in gesprek met jongeren uit verschillende gemeenschappen over hun zorgen en ervaringen met uitsluiting?", [17, 25], "nl"),
    ("What research does the cabinet rely on when it decides which groups need extra attention on integration?", [19, 32], "en"),
    ("Which advisory bodies does the cabinet cite when it talks about growing tensions and dividing lines in a more diverse society?", [20, 27], "en"),
    ("wat verstaat het kabinet eigelijk onder integratie, is daar een vaste defenitie voor?", [23, 229], "typo"),
    ("Heeft het ministerie bij het opstellen van de integratieplannen gekeken naar wat onderzoekers van bijvoorbeeld de WRR en het KIS aanraden?", [19, 32], "nl"),
    ("Komt de oververtegenwoordiging van migranten bij verdachten door hun afkomst, of door dingen als leeftijd, opleiding en waar ze wonen?", [39, 42], "nl"),
    ("Telt het hebben van thuiswonende kinderen mee in de Risbo-analyse van de verdachtencijfers?", [42], "fact"),
    ("voorbeelden problematisch gedrag", [45], "kw"),
    ("Op welke groepen mensen richt de actieagenda zich specifiek, bv wie achterblijft met taal en werk?", [10, 46], "nl"),
    ("Hoeveel procent van de vrouwelijke migranten heeft betaald werk, vergeleken met de mannen?", G47, "fact"),
    ("hoe verhoud integratie zich tot het vasthouden aan nederlandse normen en waarden volgens t kabinet?", [51, 62], "typo"),
    ("Which ministries is SZW teaming up with on harmful practices such as honour-based violence?", [57, 85], "en"),
    ("Wat verwacht het kabinet concreet van nieuwkomers, en van mensen die hier al lang wonen, als het om meedoen gaat?", [24, 63, 64, 217], "nl"),
    ("Does the cabinet see integration as a two-way process? What is expected of the receiving society?", [28, 66], "en"),
    ("Waar lopen statushouders tegenaan als ze willen meedoen, denk aan trauma's of gezinshereniging, en wat doet het kabinet daaraan?", [69, 94], "nl"),
    ("Sinds wanneer registreert de politie huiselijk geweld met een aparte code in het systeem?", [74, 76], "timing"),
    ("Is het niet scheef om beperkte keuzevrijheid van vrouwen vooral aan migratie te koppelen? Er zijn toch ook orthodox-joodse gemeenschappen waar dit speelt", G47, "nl"),
    ("Does the government also want to protect women and girls in strict Christian closed communities?", G47, "en"),
    ("arbeidsmarktdiscriminatie meten praktijktest", [90, 143], "kw"),
    ("Voor wie is de ECHO Award bedoeld?", [65, 92], "fact"),
    ("Helpt het bij het inburgeren als je Nederlandse vrienden of kennissen hebt?", [93], "nl"),
    ("wat doet t kabinet om de erkennings procedure van buitenlandse diplomas bij gereglementeerde beroepen te versimpelen?", [98, 177], "typo"),
    ("What concrete help do employers get to work on equal opportunities in hiring, like a helpdesk or e-learning?", [96, 97, 101], "en"),
    ("Wanneer wordt het wetsvoorstel over de strafbaarstelling van mensenhandel en arbeidsuitbuiting in de Kamer behandeld?", [102], "timing"),
    ("subsidies toetsen aan actieagenda", [119, 120], "kw"),
    ("Hoeveel geld gaat er jaarlijks naar holocausteducatie voor inburgeraars?", [123], "fact"),
    ("Hoe zorgt het kabinet dat de aanpak van dwang binnen geloofsgemeenschappen niet betuttelend overkomt bij migranten?", G126, "nl"),
    ("werkt de overheid bij de aanpak van eergerelateerd gewld samen met vrouwenorganisaties uit de gemeenschapen zelf, zodat t niet stigmatiserend overkomt?", G126, "typo"),
    ("Mag een geloofsgemeenschap met een beroep op godsdienstvrijheid de keuzes van haar eigen leden beperken?", [131], "nl"),
    ("Wanneer is het onderzoek van Right to Rise naar een uitreisverbod of het intrekken van paspoorten bij vgv klaar?", [121, 132], "timing"),
    ("waardenonderzoek open samenleving bevolking", [70, 139, 221], "kw"),
    ("Welk programma helpt statushouders via zij-instroom aan een baan in het onderwijs?", G142, "fact"),
    ("kan de overheid iets doen tegen media die steeds negatief over migranten berigten?", [145], "typo"),
    ("Wat gaat SZW doen om gemeenschappen in Nederland weerbaarder te maken tegen bemoeienis van buitenlandse overheden?", [149], "nl"),
    ("Sinds wanneer kun je bij de rijksoverheid signalen van buitenlandse inmenging melden?", [148, 150], "timing"),
    ("stand van zaken imamopleiding", [155], "kw"),
    ("mogen gemeentes en geloofsgemeenschappen meepraten over de nieuwe regels voor gebedsoproepen of is dat nog niet bekent?", [172], "typo"),
    ("Op grond van welk wetsartikel mogen gemeenten regels stellen aan het volume van een gebedsoproep?", [154, 173], "fact"),
    ("Hoe lang is een tewerkstellingsvergunning voor een asielzoeker geldig?", [179], "timing"),
    ("handhaving taaleis gemeenten", [176, 181], "kw"),
    ("subsidie taalscholing werknemers", [186, 187], "kw"),
    ("Do Ukrainian students at Dutch universities pay the regular statutory tuition fee or the higher institutional rate?", [191], "en"),
    ("Welk deel van alle bijstandsontvangers is eigenlijk statushouder?", [193], "nl"),
    ("Welke werkgeversorganisaties zitten in de Taskforce VIA?", [194], "fact"),
    ("Which municipality is held up as a good example for guiding female refugees into work?", [198], "fact"),
    ("mag nederland statushouders n lagere uitkering geven dan gewone nederlanders?", [202, 203], "typo"),
    ("In welk jaar gaat de evaluatie van de regionale verbinders voor statushouders van start?", [211], "timing"),
    ("erkent de staatsecretaris dat de meeste nieuwkomers gwoon hun best doen en graag mee willen doen?", [222], "typo"),
    ("Will the spending cuts and the shrinking civil service at SZW affect what the action agenda can deliver?", [224], "en"),
    ("Waarom legt de staatssecretaris in de naam van de agenda de nadruk op de open en vrije samenleving in plaats van op samenhang?", [225, 226], "nl"),
    ("Why did the state secretary go against the advice on the name of the integration agenda?", [225, 226], "en"),
    ("Is discriminatie uit de probleemschets van de actieagenda gelaten omdat de Nationaal Coördinator daar al over gaat?", [227], "nl"),
    ("Waar in de Kamerbrief wordt het SCP-rapport over gemengde sociale contacten genoemd?", [228], "fact"),
    ("waarom wetsvoorstel informeel onderwijs", [232], "kw"),
    ("According to the AIVD, how much money from the Gulf goes to the Salafist movement in the Netherlands?", [235], "en"),
    # --- unanswerable: no answer in nr. 451 states this ---
    ("Hoeveel statushouders zijn er tot nu toe via een startbaan aan het werk gekomen?", [], "none"),
    ("wanneer gaat de wet toezicht informeel onderwijs in, is daar al n datum voor?", [], "none"),
    ("Hoeveel signalen over ongewenste buitenlandse inmenging heeft de rijksoverheid al binnengekregen?", [], "none"),
    ("kosten imamopleiding overheid", [], "none"),
    ("Welke boete krijgt een moskee als de gebedsoproep te hard staat?", [], "none"),
    ("Is de wet die arbeidsuitbuiting beter strafbaar stelt inmiddels door de Kamer aangenomen?", [], "none"),
    ("budget SOWIS per jaar", [], "none"),
    ("Hoeveel zaken van meisjesbesnijdenis zijn de afgelopen jaren echt voor de rechter gekomen?", [], "none"),
    ("Hoeveel vrouwen komen er per jaar op het vgv-spreekuur in het Hagaziekenhuis?", [], "none"),
    ("hoe lang duurt een diploma-erkennig gemiddeld voor een statushouder?", [], "none"),
    ("Krijgt een gemeente een sanctie als ze de taaleis in de bijstand niet handhaaft?", [], "none"),
    ("Hoeveel Oekraïense studenten krijgen nu korting op het instellingscollegegeld?", [], "none"),
    ("Wanneer wordt de actieagenda als geheel geëvalueerd, is daar een datum voor?", [], "none"),
    ("How many honour killings were recorded in the Netherlands last year?", [], "none"),
    ("Which universities are currently in talks to host the Dutch imam training?", [], "none"),
    ("How much funding is there for the regional connectors for refugees in 2025 and 2026?", [], "none"),
    ("How many weekend schools have been caught inciting children to hatred?", [], "none"),
    ("How much is the WODC paying Right to Rise for the FGM prevention study?", [], "none"),
    ("How many complaints about hiring discrimination did the Netherlands Institute for Human Rights receive in 2024?", [], "none"),
    ("What is the cabinet's view on dual nationality for newcomers?", [], "none"),
]

assert len(QUERIES) == 80
order = list(range(len(QUERIES)))
random.Random(4515).shuffle(order)

write("e", [QUERIES[i] for i in order])
