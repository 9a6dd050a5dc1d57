"""Blind evaluation set J for kamerstuk 32 824 nr. 451 (written from the source text only).

Writes eval/queries-own-j.jsonl: 60 answerable queries (one per drawn answer) and
20 unanswerable ones (style "none", gold []).
"""

from blind_sets import GROUP_47, GROUP_9, GROUP_100, GROUP_126, ordered, write

# (query, gold, style); the comment names the drawn answer it was written from
QUERIES = [
    # 3
    ("What would actually help most to fix the areas where integration is still going wrong?", [3], "en"),
    # 4
    ("Is intolerant of onverdraagzaam gedrag eigenlijk altijd strafbaar, of valt een deel daarvan buiten het strafrecht?", [4], "nl"),
    # 5
    ("Wanneer hoort de Kamer iets over de juridische verkenning naar het normeren van bepaald onverdraagzaam gedrag?", [5, 37, 122], "timing"),
    # 6
    ("Whose definition of foreign state interference does the cabinet follow?", [6], "fact"),
    # 7
    ("Is foreign interference only about money flowing in from abroad, or does the term cover more than that?", [6, 7], "en"),
    # 15
    ("hoelang blijf je eigenlijk nieuwkommer volgens de staatsecretaris?", [15], "typo"),
    # 33
    ("Staat er in de actieagenda ook met cijfers hoeveel minder migranten er moeten komen?", [33], "nl"),
    # 35
    ("Waarom noemt de brief die oververtegenwoordiging in de criminaliteit eigenlijk, als het toch vooral door leeftijd, opleiding en inkomen komt?", [35, 231], "nl"),
    # 36
    ("om welke strafbare fieten gaat het precies bij de oververtegenwoordiging van migrantengroepen?", [36], "typo"),
    # 37
    ("Als vrijheid van meningsuiting en het discriminatieverbod met elkaar botsen, wie bepaalt dan wat strafbaar is? Komt er een juridisch kader voor dat grijze gebied?", [37, 122], "nl"),
    # 41
    ("Verwacht de staatssecretaris dat het aandeel verdachten uit migrantengroepen nog verder gaat dalen?", [41], "nl"),
    # 43
    ("How does the state secretary view the shrinking gap in crime suspect rates between people with and without a migration background?", [43, 52], "en"),
    # 47
    ("Welk percentage van de vrouwelijke migranten heeft betaald werk, vergeleken met mannelijke migranten?", GROUP_47, "fact"),
    # 49
    ("Is er ergens een volledige lijst van de Nederlandse normen en waarden waar de actieagenda het steeds over heeft?", [49, 81, 105], "nl"),
    # 50
    ("Vallen Nederlanders zonder migratieachtergrond die zich niet aan onze normen en waarden houden ook onder de actieagenda?", [24, 50, 63, 64], "nl"),
    # 53
    ("sociaaleconomische factoren geslaagde integratie", [53], "kw"),
    # 56
    ("Which ministry is the coordinating department for gender-based violence?", [56], "fact"),
    # 61
    ("Wat gaat SZW doen tegen de achterstelling van vrouwen met een hoofddoek op de werkvloer?", [61, 184], "nl"),
    # 80
    ("Gaat het bij die gesloten gemeenschappen alleen om migranten, of ook om bijvoorbeeld streng-christelijke groepen waar vrouwen ook weinig te kiezen hebben?", GROUP_47, "nl"),
    # 85
    ("Hoe wil het kabinet nou concreet gedwongen huwelijken en besnijdenis van meisjes tegengaan?", [85, 121], "nl"),
    # 88
    ("oorzaken polarisatie Nederland", [88], "kw"),
    # 100
    ("How do we keep refugees with a residence permit from ending up only in low-paid, flexible and insecure jobs?", GROUP_100, "en"),
    # 104
    ("Weet iemand of contact met Nederlanders statushouders echt helpt om aan een baan te komen? Wat is daarover bekend?", [65, 92, 104], "nl"),
    # 106
    ("Welke concrete acties komen er tegen discriminatie van jongeren met een migratieachtergrond bij het zoeken naar een stageplek of baan?", [72, 96, 97, 101, 106], "nl"),
    # 107
    ("Hoeveel geld is er voor de periode 2022-2025 beschikbaar voor het meerjarenplan zelfbeschikking?", [107], "fact"),
    # 108
    ("Kun je even checken hoe zelforganisaties en gemeenschappen meedenken bij het verder uitwerken van de actieagenda?", GROUP_9, "nl"),
    # 109
    ("Why does the cabinet single out particular groups when it talks about strengthening self-determination?", GROUP_47, "en"),
    # 110
    ("Which groups exactly does the cabinet have in mind when it says freedom of choice is under pressure in closed communities?", GROUP_47, "en"),
    # 113
    ("When are the results of the new Pharos prevalence study on harmful practices expected?", [113], "timing"),
    # 117
    ("Welke maatregelen uit het meerjarenplan zelfbeschikking lijken tot nu toe het beste te werken?", [117], "nl"),
    # 118
    ("worden er op basis van onderzoek specifieke wijken of groepen getarget voor het zelfbeschikingsbeleid?", [117, 118], "typo"),
    # 127
    ("How does the cabinet make sure girls and women in closed communities can actually reach help when they are hardly visible to authorities?", GROUP_126, "en"),
    # 135
    ("burgerschap versterken scholen", [135, 138], "kw"),
    # 142
    ("hoe voorkom je dat werkgevers statushouders alleen als goedkpe krachten inzetten zonder vast contrct?", GROUP_100, "typo"),
    # 144
    ("Is anyone looking into whether the measures in the action agenda could end up causing hidden discrimination?", [144], "en"),
    # 145
    ("media negatieve beeldvorming integratie", [145], "kw"),
    # 148
    ("Sinds wanneer kunnen burgers signalen van buitenlandse inmenging bij de rijksoverheid kwijt?", [148, 150], "timing"),
    # 149
    ("How do we make sure the measures against foreign interference don't end up discriminating against certain migrant communities?", [149], "en"),
    # 151
    ("Wtmo selectief moskeeorganisaties", [151], "kw"),
    # 154
    ("Op grond van welk wetsartikel mogen gemeenten regels stellen voor de gebedsoproep?", [154, 173], "fact"),
    # 156
    ("wanneer komt JenV bij de Kamer terug over dat slimme verbod op organisaties met terroristische banden?", [156], "timing"),
    # 162
    ("Hoe vaak moet een imamopleiding opnieuw door de NVAO worden geaccrediteerd?", [162], "fact"),
    # 171
    ("Weet iemand hoe ze willen meten hoeveel last mensen hebben van gebedsoproepen via luidsprekers?", [167, 171], "nl"),
    # 179
    ("Hoeveel gevallen kent het UWV waarin een tewerkstellingsvergunning van een asielzoeker is ingetrokken omdat diens verblijfsstatus veranderde?", [179], "fact"),
    # 182
    ("Hoe zorgen we dat statushouders niet eindeloos blijven hangen in tijdelijk, slecht betaald werk zonder kans om door te groeien?", GROUP_100, "nl"),
    # 183
    ("programma statushouders voor de klas", GROUP_100, "kw"),
    # 185
    ("Hoeveel gemeenten bieden volgens de laatste meting passende taalcursussen aan voor statushouders?", [185], "fact"),
    # 186
    ("taalles personeel subsidie O&O-fondsen", [186], "kw"),
    # 187
    ("Tot wanneer loopt de SOWIS-regeling voor werkgevers die statushouders begeleiden nog?", [187], "timing"),
    # 189
    ("Met welke partijen onderzoekt SZW hoe leerwerktrajecten beter bruikbaar worden voor statushouders?", GROUP_100, "fact"),
    # 193
    ("welk deel van alle bijstandsgerechtigden is statushoudr? en kan dat per herkomstland?", [193], "typo"),
    # 202
    ("korten andere eu-landen statushouders op hun uitkering als ze wek weigeren?", [202], "typo"),
    # 208
    ("Hoe lang moet een statushouder wachten op een BSN als hij die nodig heeft om te kunnen werken?", [208], "timing"),
    # 215
    ("The letter claims there are more similarities than differences in the public debate; how does that translate into policy every group sees as fair?", [215], "en"),
    # 216
    ("hoe rijmt ze dat de integratie steeds beter gaat met een tegelijk veel strnger beleid?", [216], "typo"),
    # 220
    ("How does the state secretary weigh advice from experts and research institutes against political pressure?", [219, 220], "en"),
    # 225
    ("titel maatschappelijke samenhang geschrapt", [225, 226], "kw"),
    # 229
    ("wanneer is iemand nou eigelijk geintegreerd volgens het kabinet?", [23, 229], "typo"),
    # 233
    ("Did SZW and Justice ever agree on putting crime figures in the action agenda?", [233], "en"),
    # 235
    ("Which source is behind the remark that foreign funding of Salafist groups barely happens?", [235], "fact"),
    # none, near 107
    ("Hoeveel geld krijgt Netwerkpro voor die tweejarige pilot met vrouwen uit gesloten gemeenschappen?", [], "none"),
    # none, near 156
    ("Per wanneer gaat het slim verbod op organisaties met banden met terroristische groepen in?", [], "none"),
    # none, near 151
    ("What is the maximum fine an organisation can get under the Wtmo?", [], "none"),
    # none, near 187
    ("Hoeveel euro per statushouder krijgt een werkgever eigenlijk uit de SOWIS-regeling?", [], "none"),
    # none, near 190
    ("Hoe hoog is de bijstandsnorm op dit moment voor een alleenstaande statushouder?", [], "none"),
    # none, near 207
    ("Kun je even checken hoeveel statushouders onze gemeente dit jaar moet huisvesten volgens de taakstelling?", [], "none"),
    # none, near 54
    ("What share of people pass the civic integration exam at B1 level on their first attempt?", [], "none"),
    # none, near 113
    ("Hoeveel meisjes in Nederland lopen volgens het laatste onderzoek risico op genitale verminking?", [], "none"),
    # none, near 162
    ("Bij welke hogeschool of universiteit komt de nieuwe Nederlandstalige imamopleiding?", [], "none"),
    # none, near 208
    ("How many refugees used the BSN fast-track procedure last year?", [], "none"),
    # none, near 61
    ("Wanneer is de handreiking voor werkgevers over moslima's op de werkvloer klaar?", [], "none"),
    # none, near 148
    ("Weet iemand hoeveel signalen over ongewenste buitenlandse inmenging het Rijk tot nu toe in totaal heeft ontvangen?", [], "none"),
    # none, near 171
    ("Hoeveel gemeenten hebben nu al regels over de gebedsoproep in hun APV opgenomen?", [], "none"),
    # none, near 135
    ("Hoeveel uur burgerschapsonderwijs per week moet een basisschool geven?", [], "none"),
    # none, near 206
    ("Met hoeveel procent wordt de uitkering verlaagd als een statushouder een startbaan weigert?", [], "none"),
    # none, near 185
    ("Wat kost een B1-taalcursus voor een inburgeraar en hoeveel kan die daarvoor lenen bij DUO?", [], "none"),
    # none, near 107
    ("Who heads the Alliantie Verandering van Binnenuit?", [], "none"),
    # none, near 56
    ("Wanneer stuurt VWS de volgende voortgangsbrief over huiselijk geweld en kindermishandeling?", [], "none"),
    # none, near 33
    ("Hoeveel asielaanvragen kreeg Nederland in 2024?", [], "none"),
    # none, near 47
    ("What is the employment rate of Syrian refugee women in the Netherlands?", [], "none"),
]


if __name__ == "__main__":
    write("j", ordered(QUERIES))
