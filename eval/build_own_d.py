"""Blind evaluation set D for kamerstuk 32 824 nr. 451 (written from the source text only).

Writes eval/queries-own-d.jsonl: 60 answerable queries (one per drawn answer) and
20 unanswerable ones (style "none", gold []).
"""

from blind_sets import GROUP_47, GROUP_9, ordered, write

# (query, gold, style); the comment names the drawn answer it was written from
QUERIES = [
    # 3
    ("Waar moet je volgens het kabinet vooral op inzetten om de integratie vlot te trekken waar die achterblijft?", [3], "nl"),
    # 7
    ("Is foreign interference only about money coming in from abroad, or does it cover more than that?", [7], "en"),
    # 8
    ("Waarom koppelt het kabinet migratie en integratie aan elkaar, en wat doet de Actieagenda daar dan mee?", [8, 33], "nl"),
    # 14
    ("Staat er ergens in de wet omschreven wat een nieuwkomer precies is?", [14], "fact"),
    # 21
    ("How many cases with a suspected honour motive came in at the LEC EGG in 2024?", [21, 22], "fact"),
    # 22
    ("welke vrijheden bedoelt de stas nou precies die in t gedrang komen, gaat t om zelf je partner of geloof kiezen enzo?", [21, 22, 58], "typo"),
    # 25
    ("Gaat de staatssecretaris ook echt in gesprek met migrantengemeenschappen en jongeren over hun zorgen en ervaren discriminatie?", [17, 25], "nl"),
    # 26
    ("What does the cabinet actually mean by getting a grip on migration, is that about population growth?", [26], "en"),
    # 27
    ("Maakt veel diversiteit in herkomst het samenleven lastiger? Wat zegt de WRR daar eigenlijk over?", [20, 27], "nl"),
    # 28
    ("Leven Nederlanders zonder migratieachtergrond eigenlijk meer in hun eigen bubbel, en wat wordt er van hen verwacht?", [28], "nl"),
    # 33
    ("Does the integration agenda include targets or numbers for bringing migration down?", [33], "en"),
    # 37
    ("Komt er een juridische regeling voor gedrag dat schuurt maar net niet strafbaar is?", [5, 37, 122], "nl"),
    # 38
    ("budget Actieagenda integratie", [38, 223], "kw"),
    # 40
    ("How big a deal is the remaining 0.8 point overrepresentation of non-European groups among crime suspects?", [40], "en"),
    # 44
    ("definitie problematisch gedrag", [44, 45], "kw"),
    # 52
    ("vind de staatsecretaris het goed nieuws dat mensen met een buiten-europese achtergrond nu veel minder vaak verdacht zijn dan in 2005?", [43, 52], "typo"),
    # 53
    ("factoren geslaagde integratie gezondheid woonsituatie", [53], "kw"),
    # 54
    ("Hoe checken we of iemand onze waarden echt kent en respecteert, en geldt dat ook voor mensen die hier geboren zijn?", [54], "nl"),
    # 59
    ("Beschermt de wet de vrijheid van alle groepen even goed, of pakt dat per gemeenschap anders uit?", [59, 131], "nl"),
    # 62
    ("Couldn't all this talk about Dutch norms and values end up shutting people out instead of bringing them in?", [62], "en"),
    # 65
    ("Welke organisatie koppelt jongeren met een migratieachtergrond via mentoring aan professionals?", [65, 92], "fact"),
    # 68
    ("Vindt de staatssecretaris dat de overheid moet zorgen dat nieuwkomers zich hier welkom voelen, of ligt dat bij henzelf?", [68], "nl"),
    # 72
    ("Hoeveel leerbedrijven gaan aan de slag met objectief werven en selecteren van stagiairs?", [72], "fact"),
    # 75
    ("What share of women murdered in the Netherlands between 2017 and 2021 were killed by a (former) partner?", [75], "fact"),
    # 77
    ("Where can a Dutch woman without a migrant background turn if she is facing domestic violence?", [77], "en"),
    # 80
    ("Kijkt het kabinet bij vrouwen die niet vrij zijn alleen naar migrantengroepen, of ook naar streng christelijke kringen die hier al eeuwen zitten?", GROUP_47, "nl"),
    # 82
    ("ligt polarisatie en extremisme alleen bij mensen met een migratieachtergond of hebben autochtonen daar ook een rol in?", [82], "typo"),
    # 85
    ("aanpak huwelijksdwang kabinet", [85], "kw"),
    # 97
    ("What is the government doing to get employers more involved in hiring refugees and people with a migrant background?", [97], "en"),
    # 103
    ("vooroordelen stereotypering tegengaan", [103], "kw"),
    # 104
    ("Do Dutch friends or contacts actually improve a refugee's chances of finding a job?", [65, 92, 104], "en"),
    # 112
    ("Welke commissie zoekt uit hoe je discriminatie op meerdere gronden tegelijk het beste aanpakt?", [112], "fact"),
    # 122
    ("Wanneer hoort de Kamer iets over de juridische verkenning naar het normeren van ondermijnend gedrag?", [5, 37, 122], "timing"),
    # 125
    ("migrantenvrouwen financieel zelfstandig projecten", [107, 125], "kw"),
    # 138
    ("welke rol krijgen schoolen bij het aanleren van de basiswaarden van de rechtstaat?", [135, 138], "typo"),
    # 147
    ("Met wat voor training probeert de politie etnisch profileren tegen te gaan?", [147], "fact"),
    # 152
    ("Hoe worden gemeenschappen met een migratieachtergrond betrokken bij het tegengaan van inmenging door andere landen?", sorted(GROUP_9 + [149]), "nl"),
    # 153
    ("If a community organisation is being threatened by a foreign government, what can the ministry do to protect it?", [153], "en"),
    # 156
    ("Wanneer informeert JenV de Kamer over de inventarisatie van verboden op organisaties met terroristische banden?", [156], "timing"),
    # 157
    ("When can parliament expect an update on the process around amplified calls to prayer?", [157], "timing"),
    # 159
    ("Welk bureau heeft onderzocht of moskeebestuurders en bezoekers een imamopleiding in Nederland zien zitten?", [159], "fact"),
    # 160
    ("Isn't the state overstepping the separation of church and state by pushing for an imam training programme?", [160], "en"),
    # 163
    ("waarom zn in nederland opgeleide imams beter voor de integratie dan imams uit t buitenland?", [163], "typo"),
    # 164
    ("Kunnen moskeeën straks nog gewoon een imam uit het buitenland halen als er een Nederlandse opleiding is?", [158, 164, 165], "nl"),
    # 165
    ("Sinds wanneer krijgen imams die al in Nederland werken een aanbod over taal en samenleving?", [165], "timing"),
    # 166
    ("Welke motie vroeg de regering om de versterkte oproep tot gebed beter te regelen?", [166], "fact"),
    # 167
    ("cijfers overlast gebedsoproep", [167, 171], "kw"),
    # 168
    ("Which specific new rules for amplified prayer calls is the cabinet thinking of?", [168], "en"),
    # 169
    ("Gaan de nieuwe geluidsregels alleen voor moskeeën gelden of ook voor andere geloven?", [169, 170], "nl"),
    # 171
    ("gegevens moskeeën versterkte gebedsoproep gemeenten", [171], "kw"),
    # 180
    ("Lukt het om de nieuwe Europese opvangregels op tijd in te voeren, dus vóór juni 2026?", [180], "timing"),
    # 185
    ("Wat bleek uit de Marktmonitor over het taalaanbod voor statushouders bij gemeenten?", [185], "fact"),
    # 202
    ("kunnen we statushouders harder korten dan nederlanders als ze werk weigeren, en hoe doen andere eu landen dat?", [202, 203], "typo"),
    # 207
    ("Wat houdt zo'n startbaan voor statushouders in en wat doet de gemeente aan begeleiding?", [207], "nl"),
    # 214
    ("Met welke partijen gaat de staatssecretaris samenwerken om de Actieagenda uit te voeren?", GROUP_9, "nl"),
    # 216
    ("Als het met de integratie steeds beter gaat, waarom wordt het beleid dan juist strenger?", [216], "nl"),
    # 218
    ("Tot wanneer blijven de regionale verbinders statushouders gemeenten helpen?", [218], "timing"),
    # 220
    ("luistert de staatssecretaris eigelijk naar deskundigen of beslist die uiteindelijk op gevoel?", [219, 220], "typo"),
    # 229
    ("wanneer ben je nou eigenlijk geintegreerd volgens t kabinet?", [23, 229], "typo"),
    # 231
    ("Why does the agenda still bring up crime figures for migrant groups if their background doesn't explain them?", [35, 40, 231], "en"),
    # unanswerable: near-misses and a few broader ones
    ("Hoeveel geld trekt het kabinet in 2026 uit voor de Actieagenda integratie?", [], "none"),
    ("wanneer gaat de wet transparantie maatschappelijke organisaties in?", [], "none"),
    ("Welke boete riskeert een moskee die de gebedsoproep te hard laat klinken?", [], "none"),
    ("Hoeveel statushouders zitten inmiddels in een startbaan?", [], "none"),
    ("hoeveel femicides waren er in 2024 in nederlnad", [], "none"),
    ("eerzaken LEC EGG 2021", [], "none"),
    ("Hoeveel loon krijgt een statushouder ongeveer als die via een startbaan begint?", [], "none"),
    ("wie is op dit moment de nationaal coordinator tegen discriminatie en racsime?", [], "none"),
    ("Hoeveel inburgeraars hebben al holocausteducatie gehad?", [], "none"),
    ("hoeveel meldingen zijn er al binnen bij het OBI-meldpunt", [], "none"),
    ("strafmaat huwelijksdwang", [], "none"),
    ("Hoeveel nieuwkomers verwacht het kabinet de komende jaren per jaar?", [], "none"),
    ("Hoeveel ambtenaren werken er bij SZW aan de Actieagenda?", [], "none"),
    ("How many imams per year is the new Dutch imam programme expected to train?", [], "none"),
    ("Who will manage the register of recognised imams?", [], "none"),
    ("How much does an employer receive per refugee under the SOWIS subsidy?", [], "none"),
    ("When will the evaluation of the regional refugee connectors be published?", [], "none"),
    ("What does the cabinet think of Denmark's laws on so-called parallel societies?", [], "none"),
    ("How many VR headsets has the police bought for the training against ethnic profiling?", [], "none"),
    ("Has the Senate already approved the Participatiewet in Balans bill?", [], "none"),
]


if __name__ == "__main__":
    write("d", ordered(QUERIES))
