"""The trigger lexicon: data file validation, and one French sentence per family of triggers.

Sentences are written for these tests (no news text). spaCy is loaded once per
session (``eventwire.parse.load_pipeline`` is cached per process).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventwire.code.lexicon import load_lexicon
from eventwire.code.plover import load_plover, lookup
from eventwire.code.triggers import find_triggers
from eventwire.errors import DataFileError
from eventwire.event import PLOVER_TYPES
from eventwire.parse import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("fr")


def triggers_of(nlp, sentence: str) -> list[tuple[str, str | None]]:
    lexicon = load_lexicon("fr")
    doc = nlp(sentence)
    return [(m.trigger.type, m.trigger.mode) for s in doc.sents for m in find_triggers(s, lexicon)]


@pytest.mark.parametrize(("lang", "at_least"), [("fr", 150), ("en", 400)])
def test_lexicon_loads_and_covers_every_plover_type(lang: str, at_least: int) -> None:
    lexicon = load_lexicon(lang)
    types = {t.type for triggers in lexicon.by_lemma.values() for t in triggers}
    assert types == set(PLOVER_TYPES)
    assert len(lexicon) > at_least


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_line_cites_its_file_and_line(lang: str) -> None:
    for triggers in load_lexicon(lang).by_lemma.values():
        for trigger in triggers:
            assert re.fullmatch(rf"{lang}/triggers\.tsv:\d+", trigger.where)


def test_specific_lines_come_first() -> None:
    # "condamner à ... de prison" (SANCTION convict) must be tried before plain "condamner".
    first = load_lexicon("fr").candidates("condamner")[0]
    assert (first.type, first.mode) == ("SANCTION", "convict")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_type_and_mode_has_a_cameo_code_and_score(lang: str) -> None:
    load_plover()
    for triggers in load_lexicon(lang).by_lemma.values():
        for trigger in triggers:
            cameo, score = lookup(trigger.type, trigger.mode, trigger.cameo)
            assert cameo and -10.0 <= score <= 10.0


def test_a_bad_user_line_names_file_and_line(user_data: Path) -> None:
    (user_data / "fr").mkdir()
    bad = user_data / "fr" / "triggers.tsv"
    bad.write_text(
        "# source: test\nlemma\tpos\twith\tnot\ttype\tmode\tcameo\troles\n"
        "gronder\tVERB\t\t\tSCOLD\t\t\tdir\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"triggers\.tsv:3: type 'SCOLD'"):
        load_lexicon("fr")


def test_a_user_line_adds_a_trigger(user_data: Path) -> None:
    (user_data / "fr").mkdir()
    (user_data / "fr" / "triggers.tsv").write_text(
        "# source: test\nlemma\tpos\twith\tnot\ttype\tmode\tcameo\troles\n"
        "admonester\tVERB\t\t\tACCUSE\tdisapprove\t111\tdir\n",
        encoding="utf-8",
    )
    added = load_lexicon("fr").candidates("admonester")
    assert added and added[0].where.endswith("triggers.tsv:3")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # CONSULT: visits (noun, light verbs, "se rendre"), receiving, talks, phone
        ("Le ministre effectue une visite officielle au Japon.", ("CONSULT", "visit")),
        ("Le président s'est rendu en Inde lundi.", ("CONSULT", "visit")),
        ("Le Premier ministre a reçu l'ambassadeur du Brésil.", ("CONSULT", None)),
        ("Les deux ministres se sont entretenus mardi à Rome.", ("CONSULT", None)),
        ("Le président s'est entretenu au téléphone avec son homologue.", ("CONSULT", "phone")),
        # AGREE: signing a text, agreeing to
        ("Les deux pays ont signé un mémorandum d'accord.", ("AGREE", None)),
        ("La signature du traité a eu lieu à Genève.", ("AGREE", None)),
        ("Les deux parties ont convenu de renforcer leurs échanges.", ("AGREE", None)),
        ("Le président cherche des liens plus étroits avec le Japon.", ("AGREE", None)),
        ("Le rapprochement entre les deux voisins se confirme.", ("AGREE", None)),
        # SUPPORT: praise, thanks, congratulations
        ("Le ministre a salué les efforts du gouvernement.", ("SUPPORT", None)),
        ("Le président a félicité son homologue pour sa victoire.", ("SUPPORT", None)),
        ("L'ambassadeur a remercié les autorités locales.", ("SUPPORT", None)),
        # CONCEDE: apologies
        ("La ministre a présenté ses excuses aux habitants.", ("CONCEDE", "apologize")),
        # COOPERATE: joint patrols
        ("Les gardes-frontières ont mené une patrouille conjointe.", ("COOPERATE", None)),
        # AID
        ("Le Japon a apporté une aide humanitaire aux sinistrés.", ("AID", None)),
        # RETREAT: resignation, release
        ("Le Premier ministre a démissionné jeudi.", ("RETREAT", "resign")),
        ("Les rebelles ont libéré dix otages.", ("RETREAT", "release")),
        # REQUEST
        ("L'ONU a appelé à un cessez-le-feu immédiat.", ("REQUEST", None)),
        ("Le syndicat exige la hausse des salaires.", ("REQUEST", None)),
        # ACCUSE: condemn, denounce, accuse, investigate
        ("Le gouvernement a condamné l'attentat.", ("ACCUSE", "disapprove")),
        ("Paris a dénoncé une violation du droit international.", ("ACCUSE", "disapprove")),
        ("La justice a ouvert une enquête sur le ministre.", ("ACCUSE", "investigate")),
        # REJECT
        ("Le Parlement a rejeté le projet de loi.", ("REJECT", None)),
        # THREATEN
        ("Le président a menacé le pays voisin de représailles.", ("THREATEN", None)),
        # PROTEST: demonstrations, strikes
        ("Des milliers de personnes ont manifesté samedi à Paris.", ("PROTEST", "demo")),
        ("Les cheminots sont en grève depuis lundi.", ("PROTEST", "strike")),
        # SANCTION: sanctions, expulsions, convictions
        ("L'Union européenne a imposé des sanctions à la Russie.", ("SANCTION", None)),
        ("Le gouvernement a expulsé deux diplomates.", ("SANCTION", "expel")),
        ("Le tribunal l'a condamné à cinq ans de prison.", ("SANCTION", "convict")),
        # MOBILIZE
        ("L'armée a déployé des troupes à la frontière.", ("MOBILIZE", "troops")),
        # COERCE
        ("La police a arrêté trois militants.", ("COERCE", "arrest")),
        # ASSAULT
        ("Des affrontements ont éclaté dans la capitale.", ("ASSAULT", None)),
        ("L'aviation a mené des frappes aériennes sur la ville.", ("ASSAULT", "aerial")),
        ("Les soldats ont tué deux assaillants.", ("ASSAULT", None)),
        # trips named by other nouns, talks named by "dialogue", agreements "scellés"
        ("Une mission commerciale s'est rendue au Chili en mai.", ("CONSULT", "visit")),
        (
            "Lors de son déplacement officiel au Kenya, le ministre a parlé d'économie.",
            ("CONSULT", "visit"),
        ),
        ("Le gouvernement a ouvert un dialogue avec l'opposition.", ("CONSULT", None)),
        ("Les deux capitales ont scellé un accord de défense.", ("AGREE", None)),
        # demands, charges and refusals in other words
        ("Le juge a sommé le ministre de démissionner.", ("REQUEST", None)),
        ("Le président a été contraint à la démission par l'armée.", ("REQUEST", None)),
        ("Les syndicats ont déposé leurs revendications.", ("REQUEST", None)),
        ("Le ministre a stigmatisé l'attitude de ses voisins.", ("ACCUSE", "disapprove")),
        ("Le gouvernement a réfuté ces affirmations.", ("REJECT", None)),
        ("L'ambassadeur a décliné l'invitation du ministre.", ("REJECT", None)),
        (
            "La police a dispersé les manifestants devant le Parlement.",
            ("ASSAULT", "crowd-control"),
        ),
        ("Les policiers ont tiré des gaz lacrymogènes sur la foule.", ("ASSAULT", "crowd-control")),
        # elections won, support in other words
        ("Le candidat socialiste a remporté l'élection présidentielle.", ("SUPPORT", None)),
        ("Le ministre s'est réjoui de la libération des marins.", ("SUPPORT", None)),
        # aid paid or granted
        ("La Banque mondiale a versé 20 millions de dollars au Niger.", ("AID", None)),
        # giving up power, pardons
        ("Le président a renoncé à sa candidature.", ("RETREAT", "resign")),
        ("Le roi a gracié deux opposants.", ("RETREAT", "release")),
        # charges: blame, formal protest, charges filed
        ("Le gouvernement a imputé l'attaque aux rebelles.", ("ACCUSE", "disapprove")),
        ("Le ministère a convoqué l'ambassadeur de Russie.", ("ACCUSE", "disapprove")),
        ("Pékin a élevé une protestation officielle auprès de Tokyo.", ("ACCUSE", "disapprove")),
        ("L'ancien ministre a été mis en examen pour corruption.", ("ACCUSE", "disapprove")),
        # vetoes, threats brandished
        ("La Chine a mis son veto au projet de résolution.", ("REJECT", None)),
        ("Washington a brandi la menace de nouvelles sanctions.", ("THREATEN", None)),
        # ties cut, diplomats declared unwelcome
        ("Le Maroc a coupé les liens avec l'Iran.", ("SANCTION", "discontinue")),
        ("Le diplomate a été déclaré persona non grata.", ("SANCTION", "expel")),
        # forces sent or put on alert, arsenals built up
        ("Le gouvernement a dépêché des renforts dans la région.", ("MOBILIZE", "troops")),
        ("L'armée a été placée en état d'alerte.", ("MOBILIZE", "troops")),
        ("Le président veut renforcer la capacité nucléaire du pays.", ("MOBILIZE", "weapons")),
        # joining a coalition to act together
        ("Le Danemark a rejoint la coalition contre les djihadistes.", ("COOPERATE", None)),
        ("Paris a accueilli favorablement la proposition de Berlin.", ("SUPPORT", None)),
        ("Le député s'en est pris au ministre de l'Intérieur.", ("ACCUSE", "disapprove")),
        ("Le ministre a regretté la décision de son homologue.", ("ACCUSE", "disapprove")),
        ("L'ONG a attaqué l'État en justice.", ("ACCUSE", "disapprove")),
        ("Le Premier ministre a réaffirmé son opposition au projet.", ("REJECT", None)),
        ("L'armée a promis des représailles.", ("THREATEN", None)),
        ("L'Union européenne a débloqué une aide d'urgence.", ("AID", None)),
        # judgements (roles eval): the word itself, the rule decides whether it is an event
        ("Le ministre a qualifié ce vote de « mascarade ».", ("ACCUSE", "disapprove")),
        ("Le président a jugé ces propos « inacceptables ».", ("REJECT", None)),
        ("Le ministre a estimé que le sommet était un succès.", ("SUPPORT", None)),
    ],
)
def test_trigger_families(nlp, sentence: str, expected: tuple[str, str | None]) -> None:
    assert expected in triggers_of(nlp, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Le directeur s'est rendu compte de son erreur.",  # "se rendre compte" is not a visit
        "Le ministre a manifesté son soutien au projet.",  # expressing, not demonstrating
        "Le projet s'appelle Horizon.",  # "s'appeler" is not an appeal
        "Le ministère a accusé réception de la lettre.",  # acknowledging receipt is no charge
    ],
)
def test_lookalikes_are_not_triggers(nlp, sentence: str) -> None:
    found = triggers_of(nlp, sentence)
    assert ("CONSULT", "visit") not in found
    assert ("PROTEST", "demo") not in found
    assert ("REQUEST", None) not in found
    assert ("ACCUSE", "disapprove") not in found


# Words of French news added for the same PLOVER concepts in other words: one sentence a line.
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # CONSULT: envoys sent, talks under other names, summits and conferences attended
        ("L'ONU a envoyé un émissaire au Burundi.", ("CONSULT", "visit")),
        ("Le président a dépêché un émissaire à Kinshasa.", ("CONSULT", "visit")),
        ("Le président a eu une entrevue avec le chef de l'opposition.", ("CONSULT", None)),
        ("Les deux dirigeants ont eu un tête-à-tête à Genève.", ("CONSULT", None)),
        ("Le gouvernement a dialogué avec les syndicats.", ("CONSULT", None)),
        ("Les deux ministres ont tenu une visioconférence jeudi.", ("CONSULT", "phone")),
        ("Les dirigeants européens ont tenu un sommet à Bruxelles.", ("CONSULT", None)),
        ("Une vingtaine de pays ont participé à la conférence de Berlin.", ("CONSULT", None)),
        ("Le ministre a participé à une réunion des pays du G7.", ("CONSULT", None)),
        # AGREE: initialling, co-signing, reaching or concluding an agreement, tightening ties
        ("Les deux gouvernements ont paraphé un accord commercial.", ("AGREE", None)),
        ("Les deux pays ont cosigné une déclaration commune.", ("AGREE", None)),
        ("La conclusion de l'accord a été annoncée lundi.", ("AGREE", None)),
        ("Les discussions ont abouti à un accord de paix.", ("AGREE", None)),
        ("Les deux partis se sont entendus sur un programme commun.", ("AGREE", None)),
        ("Les négociateurs sont tombés d'accord sur le texte.", ("AGREE", None)),
        ("Les deux camps se sont mis d'accord sur une trêve.", ("AGREE", None)),
        ("Les deux pays veulent resserrer leurs liens économiques.", ("AGREE", None)),
        ("Le texte a été adopté à l'unanimité par le Sénat.", ("AGREE", None)),
        # SUPPORT
        ("Le ministre a fait l'éloge de son homologue.", ("SUPPORT", None)),
        ("Le Parlement a donné son approbation au plan du gouvernement.", ("SUPPORT", None)),
        ("Berlin a donné son feu vert à la livraison des chars.", ("SUPPORT", None)),
        ("Les électeurs ont plébiscité le président sortant.", ("SUPPORT", None)),
        ("Le parti a cautionné la réforme.", ("SUPPORT", None)),
        ("La reconnaissance de l'indépendance du pays a été annoncée.", ("SUPPORT", None)),
        # CONCEDE
        ("Le président a demandé pardon aux victimes.", ("CONCEDE", "apologize")),
        ("Le gouvernement s'est plié aux exigences des syndicats.", ("CONCEDE", None)),
        # COOPERATE
        ("Les deux partis se sont alliés contre le gouvernement.", ("COOPERATE", None)),
        ("Le Canada s'est joint à la coalition.", ("COOPERATE", None)),
        # AID
        ("Le Japon a alloué dix millions de dollars au Népal.", ("AID", None)),
        ("La Banque mondiale a accordé un prêt au Kenya.", ("AID", None)),
        ("La Chine a offert une aide d'urgence au Laos.", ("AID", None)),
        # RETREAT
        ("Les autorités ont remis en liberté deux journalistes.", ("RETREAT", "release")),
        ("La remise en liberté des détenus a été annoncée.", ("RETREAT", "release")),
        ("Le régime a libéré deux opposants.", ("RETREAT", "release")),
        ("Les deux camps ont annoncé la cessation des hostilités.", ("RETREAT", "ceasefire")),
        ("Le roi a abdiqué en faveur de son fils.", ("RETREAT", "resign")),
        ("L'abdication du souverain a surpris le pays.", ("RETREAT", "resign")),
        ("Les rebelles se sont repliés vers le nord.", ("RETREAT", "withdraw")),
        ("Le repli des troupes a commencé.", ("RETREAT", "withdraw")),
        # REQUEST
        ("Washington a pressé Pékin d'agir contre la fraude.", ("REQUEST", None)),
        ("Les familles ont supplié les ravisseurs de libérer les otages.", ("REQUEST", None)),
        ("Le ministre a insisté pour que les élections aient lieu.", ("REQUEST", None)),
        ("Le gouvernement a déposé une requête auprès de la Cour.", ("REQUEST", None)),
        ("Le ministre a lancé un plaidoyer pour la paix.", ("REQUEST", None)),
        ("Le préfet a mis en demeure la mairie de fermer le site.", ("REQUEST", None)),
        ("La mise en demeure adressée au gouvernement expire lundi.", ("REQUEST", None)),
        ("La police a adressé une sommation aux manifestants.", ("REQUEST", None)),
        ("Le tribunal a adressé une injonction au gouvernement.", ("REQUEST", None)),
        # ACCUSE
        ("L'opposition s'est insurgée contre la réforme.", ("ACCUSE", "disapprove")),
        ("Le gouvernement s'est offusqué des propos de l'ambassadeur.", ("ACCUSE", "disapprove")),
        ("Le député a pourfendu la politique du gouvernement.", ("ACCUSE", "disapprove")),
        ("Le président a tancé ses ministres.", ("ACCUSE", "disapprove")),
        ("La presse a étrillé le Premier ministre.", ("ACCUSE", "disapprove")),
        ("Le Vatican a réprouvé ces violences.", ("ACCUSE", "disapprove")),
        ("Le ministre a adressé des reproches à son homologue.", ("ACCUSE", "disapprove")),
        ("Le conseil a infligé un blâme au fonctionnaire.", ("ACCUSE", "disapprove")),
        (
            "Le ministre a dressé un réquisitoire contre la politique de son voisin.",
            ("ACCUSE", "disapprove"),
        ),
        ("La mise en cause du ministre a surpris.", ("ACCUSE", "disapprove")),
        ("La mise en examen du maire a été annoncée.", ("ACCUSE", "disapprove")),
        (
            "Le gouvernement a pointé du doigt les services secrets étrangers.",
            ("ACCUSE", "disapprove"),
        ),
        ("L'opposition a montré du doigt le ministre de l'Intérieur.", ("ACCUSE", "disapprove")),
        ("Le président a rendu les rebelles responsables de l'attaque.", ("ACCUSE", "disapprove")),
        ("Les enquêteurs suspectent le ministre de corruption.", ("ACCUSE", "disapprove")),
        ("Le parquet a annoncé l'inculpation du ministre.", ("ACCUSE", "disapprove")),
        ("Les responsables seront traduits en justice.", ("ACCUSE", "disapprove")),
        ("Le parquet a engagé des poursuites contre le maire.", ("ACCUSE", "disapprove")),
        ("La convocation de l'ambassadeur a été annoncée.", ("ACCUSE", "disapprove")),
        ("Le ministre a jugé ces propos scandaleux.", ("ACCUSE", "disapprove")),
        ("Le syndicat a qualifié la mesure de honteuse.", ("ACCUSE", "disapprove")),
        # REJECT
        ("Le gouvernement a dénié toute responsabilité.", ("REJECT", None)),
        ("Le gouvernement a opposé une fin de non-recevoir à la demande.", ("REJECT", None)),
        ("La Russie a bloqué la résolution au Conseil de sécurité.", ("REJECT", None)),
        # THREATEN
        ("La mise en garde du ministre vise les rebelles.", ("THREATEN", None)),
        ("Bruxelles a brandi des sanctions contre Varsovie.", ("THREATEN", None)),
        # PROTEST
        ("Des milliers de personnes ont défilé dans les rues de Lyon.", ("PROTEST", "demo")),
        ("Les enseignants sont descendus dans la rue mardi.", ("PROTEST", "demo")),
        ("Des protestataires ont bloqué la route.", ("PROTEST", "demo")),
        ("Des émeutiers ont incendié des voitures.", ("PROTEST", "riot")),
        ("Un débrayage a paralysé l'usine.", ("PROTEST", "strike")),
        # SANCTION
        ("La Commission a imposé une amende au groupe.", ("SANCTION", None)),
        ("La cour d'appel a confirmé la condamnation de l'opposant.", ("SANCTION", "convict")),
        ("La Cour constitutionnelle a confirmé la destitution du président.", ("SANCTION", None)),
        ("La révocation du préfet a été annoncée.", ("SANCTION", None)),
        ("Le rappel de l'ambassadeur a été décidé vendredi.", ("SANCTION", "withdraw")),
        ("Le gouvernement a renvoyé l'ambassadeur de France.", ("SANCTION", "expel")),
        ("La rupture des relations diplomatiques a été annoncée.", ("SANCTION", "discontinue")),
        ("Le gel des avoirs du ministre a été décidé.", ("SANCTION", None)),
        ("Le pays a quitté l'accord sur le climat.", ("SANCTION", "withdraw")),
        # MOBILIZE
        ("L'armée a acheminé des renforts vers le nord.", ("MOBILIZE", "troops")),
        ("Moscou a positionné des missiles près de la frontière.", ("MOBILIZE", "troops")),
        # COERCE
        ("La police a appréhendé deux suspects.", ("COERCE", "arrest")),
        ("Le suspect a été écroué vendredi.", ("COERCE", "arrest")),
        ("La garde à vue du maire a été prolongée.", ("COERCE", "arrest")),
        ("Les soldats ont capturé un chef rebelle.", ("COERCE", "arrest")),
        ("La police a mené une rafle dans le quartier.", ("COERCE", "arrest")),
        ("Un coup de filet de la police a visé un réseau de passeurs.", ("COERCE", "arrest")),
        ("Les douaniers ont confisqué la cargaison.", ("COERCE", "seize")),
        ("Le régime a muselé la presse.", ("COERCE", "censor")),
        ("La censure du journal a été décidée par le ministère.", ("COERCE", "censor")),
        # ASSAULT
        ("Les forces spéciales ont donné l'assaut contre le bâtiment.", ("ASSAULT", None)),
        ("L'armée a pilonné les positions rebelles.", ("ASSAULT", None)),
        ("Le pilonnage de la ville a duré toute la nuit.", ("ASSAULT", None)),
        ("Des hommes armés ont mitraillé le convoi.", ("ASSAULT", "firearms")),
        ("Les soldats ont fusillé trois prisonniers.", ("ASSAULT", "firearms")),
        ("Les rebelles ont assiégé la ville.", ("ASSAULT", None)),
        ("L'armée a mené une incursion dans le territoire voisin.", ("ASSAULT", None)),
        ("Les rebelles se sont emparés de la ville.", ("ASSAULT", None)),
        ("Les djihadistes ont décapité un otage.", ("ASSAULT", None)),
        ("Les forces gouvernementales ont progressé dans le sud du pays.", ("ASSAULT", None)),
        # more of each type: meetings called, reforms given up, surrenders, extraditions,
        # judicial inquiries, curfews and emergencies, kidnappings, executions
        ("Le président a réuni les dirigeants de la région à Dakar.", ("CONSULT", None)),
        ("Le ministre a informé son homologue allemand de la décision.", ("CONSULT", None)),
        ("Les deux pays ont noué un partenariat stratégique.", ("AGREE", None)),
        ("Le gouvernement a reculé sur la réforme des retraites.", ("CONCEDE", None)),
        ("Le gouvernement a fait marche arrière sur la taxe.", ("CONCEDE", None)),
        ("Le gouvernement a retiré le projet de loi.", ("CONCEDE", None)),
        ("L'exécutif a abandonné la réforme.", ("CONCEDE", None)),
        ("Le gouvernement a renoncé à la taxe sur le carburant.", ("CONCEDE", None)),
        ("Le président a accédé à la demande des manifestants.", ("CONCEDE", None)),
        ("Le gouvernement a satisfait les revendications des syndicats.", ("CONCEDE", None)),
        ("Le président a amnistié les prisonniers politiques.", ("RETREAT", "release")),
        ("La reddition des rebelles a été annoncée.", ("RETREAT", "withdraw")),
        ("Les derniers combattants ont capitulé.", ("RETREAT", "withdraw")),
        ("Les milices ont démobilisé leurs combattants.", ("RETREAT", None)),
        ("La démobilisation des anciens rebelles a commencé.", ("RETREAT", None)),
        ("L'Espagne a extradé le suspect vers la France.", ("COOPERATE", None)),
        ("Les deux pays vont partager des renseignements.", ("COOPERATE", None)),
        ("Les pays voisins ont porté secours aux naufragés.", ("AID", None)),
        ("Le pape a adjuré les belligérants de déposer les armes.", ("REQUEST", None)),
        (
            "Le parquet a ouvert une information judiciaire contre le ministre.",
            ("ACCUSE", "investigate"),
        ),
        ("Moscou a exclu toute intervention militaire.", ("REJECT", None)),
        ("Le ministre a dénoncé le chantage de Pékin.", ("THREATEN", None)),
        ("Le régime cherche à intimider les opposants.", ("THREATEN", None)),
        ("Les ouvriers de l'usine ont débrayé lundi.", ("PROTEST", "strike")),
        ("Des agriculteurs ont installé un barrage routier.", ("PROTEST", "obstruct")),
        ("Des hommes armés ont kidnappé deux ingénieurs.", ("ASSAULT", "abduct")),
        ("Le kidnapping de deux ingénieurs a été revendiqué.", ("ASSAULT", "abduct")),
        ("Les rebelles ont séquestré un diplomate.", ("ASSAULT", "abduct")),
        ("Le rapt de deux touristes a été revendiqué.", ("ASSAULT", "abduct")),
        ("Une prise d'otages a eu lieu dans une école.", ("ASSAULT", "abduct")),
        ("Les autorités ont imposé un couvre-feu dans la capitale.", ("COERCE", "restrict")),
        ("Le gouvernement a décrété l'état d'urgence.", ("COERCE", "restrict")),
        ("Le Kenya a fermé sa frontière avec la Somalie.", ("COERCE", "restrict")),
        ("La fermeture de la frontière a été décidée hier.", ("COERCE", "restrict")),
        ("Le gouvernement a dissous le parti d'opposition.", ("COERCE", "ban")),
        ("La dissolution du parti a été prononcée.", ("COERCE", "ban")),
        ("Le régime a exécuté trois opposants.", ("ASSAULT", None)),
        ("L'exécution des otages a été confirmée.", ("ASSAULT", None)),
        ("L'armée a riposté aux tirs des rebelles.", ("ASSAULT", None)),  # ("riposté en V-ant": the gerund's act)
        ("Les geôliers ont torturé les détenus.", ("ASSAULT", None)),
        ("Les deux camps ont violé la trêve à plusieurs reprises.", ("ASSAULT", None)),
        # diplomatic news: working sessions, gifts handed over, ties to develop
        ("Le ministre a eu une séance de travail avec la délégation japonaise.", ("CONSULT", None)),
        ("Le vice-Premier ministre a travaillé avec une délégation du Laos.", ("CONSULT", None)),
        ("Le président a pris part au sommet de l'ASEAN.", ("CONSULT", None)),
        ("L'ambassade a remis des dons aux sinistrés.", ("AID", None)),
        ("Les deux pays veulent dynamiser leur coopération économique.", ("AGREE", None)),
        ("Les deux parties ont convenu d'élargir leur coopération.", ("AGREE", None)),
        ("Les deux ministres ont souhaité développer la coopération bilatérale.", ("AGREE", None)),
        ("Les deux pays entendent raffermir leurs relations.", ("AGREE", None)),
        ("Les dirigeants veulent hisser les relations à un niveau supérieur.", ("AGREE", None)),
        ("Le ministre a plaidé pour l'approfondissement de la coopération.", ("AGREE", None)),
        # phone exchanges, treaties joined, fighting stopped, blacklists, push-backs, killings
        ("Les deux présidents ont eu un échange téléphonique lundi.", ("CONSULT", "phone")),
        ("Les ministres ont tenu une vidéoconférence mardi.", ("CONSULT", "phone")),
        ("Le pays a adhéré au traité de non-prolifération.", ("AGREE", None)),
        ("Les belligérants ont accepté de cesser les combats.", ("RETREAT", "ceasefire")),
        ("Washington a placé l'entreprise sur sa liste noire.", ("SANCTION", None)),
        ("Les migrants ont été reconduits à la frontière.", ("COERCE", "deport")),
        ("La police a refoulé des migrants à la frontière.", ("COERCE", "deport")),
        ("Une voiture piégée a explosé près du ministère.", ("ASSAULT", "explosives")),
        ("Des hommes armés ont massacré des villageois.", ("ASSAULT", None)),
        ("Paris a suspendu les livraisons d'armes à Riyad.", ("SANCTION", "discontinue")),
        ("La tuerie a fait douze morts.", ("ASSAULT", None)),
        ("Le carnage a eu lieu dans un marché.", ("ASSAULT", None)),
    ],
)
def test_more_words_of_each_type(nlp, sentence: str, expected: tuple[str, str | None]) -> None:
    assert expected in triggers_of(nlp, sentence)


# The political sense of words whose other senses a "not" list blocks still triggers.
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("La Chine a loué les efforts du Pakistan.", ("SUPPORT", None)),
        ("La France soutient la candidature du Maroc.", ("SUPPORT", None)),
        ("Le président déchu a fui le pays.", ("RETREAT", "withdraw")),
        ("La police détient trois suspects.", ("COERCE", "arrest")),
        ("La police a arrêté trois manifestants.", ("COERCE", "arrest")),
        ("La défense aérienne a intercepté deux drones.", ("ASSAULT", "aerial")),
        ("L'armée a déployé des chars à la frontière.", ("MOBILIZE", "troops")),
        ("Les rebelles combattent l'armée régulière.", ("ASSAULT", None)),
        ("Des combats à l'arme à feu ont éclaté.", ("ASSAULT", None)),
        ("L'armée a lancé une offensive contre les rebelles.", ("ASSAULT", None)),
    ],
)
def test_blocked_words_keep_their_political_sense(
    nlp, sentence: str, expected: tuple[str, str | None]
) -> None:
    assert expected in triggers_of(nlp, sentence)


@pytest.mark.parametrize(
    ("sentence", "wrong"),
    [
        # an arrest, not a warning
        ("Le maire a été mis en garde à vue.", ("THREATEN", None)),
        # a parade, not a march
        ("Les soldats ont défilé sur l'avenue.", ("PROTEST", "demo")),
        # taking up an issue
        ("Le ministre s'est emparé du dossier.", ("ASSAULT", None)),
        # speaking to the press
        ("Le ministre a tenu une conférence de presse.", ("CONSULT", None)),
        # disagreeing
        ("Les deux pays se sont opposés sur la marche à suivre.", ("REJECT", None)),
        # a vote of no confidence
        ("Les députés ont voté la motion de censure.", ("COERCE", "censor")),
        # dreading
        ("Le gouvernement appréhende la réaction des marchés.", ("COERCE", "arrest")),
        # a market fall
        ("Le repli de la Bourse de Paris s'est poursuivi.", ("RETREAT", "withdraw")),
        # questioned, not urged
        ("Le ministre a été pressé de questions.", ("REQUEST", None)),
        # credence, not a loan
        ("Le tribunal a accordé du crédit à ce témoignage.", ("AID", None)),
        # a rise, no army
        ("Le chômage a progressé de deux points en un an.", ("ASSAULT", None)),
        # a tender
        ("L'État a lancé un appel d'offres pour le pont.", ("REQUEST", None)),
        # a court
        ("La cour d'appel rendra sa décision lundi.", ("REQUEST", None)),
        # a surrender, no visit
        ("Le suspect s'est rendu à la police.", ("CONSULT", "visit")),
        # news shared, no intelligence
        ("Les habitants partagent des informations en ligne.", ("COOPERATE", None)),
        # pulling out, no concession
        ("Le pays s'est retiré du projet de gazoduc.", ("CONCEDE", None)),
        # renting
        ("L'ambassade a loué un bâtiment dans le centre.", ("SUPPORT", None)),
        # claiming
        ("Le gouvernement soutient que les accusations sont fausses.", ("SUPPORT", None)),
        # civilians fleeing
        ("Des milliers d'habitants ont fui les combats.", ("RETREAT", "withdraw")),
        # owning
        ("L'État détient 15 % du capital de l'entreprise.", ("COERCE", "arrest")),
        # stopping
        ("Le pays a arrêté son programme nucléaire.", ("COERCE", "arrest")),
        # tapping
        ("Les services ont intercepté des communications du ministre.", ("ASSAULT", None)),
        # a network rolled out
        ("L'opérateur a déployé la fibre dans la région.", ("MOBILIZE", "troops")),
        # fighting a social ill
        ("Le gouvernement veut combattre la corruption.", ("ASSAULT", None)),
        # fighting a social ill
        ("Le combat contre la pauvreté reste une priorité.", ("ASSAULT", None)),
        # a charm offensive
        ("Pékin a lancé une offensive diplomatique en Afrique.", ("ASSAULT", None)),
    ],
)
def test_other_senses_do_not_trigger(nlp, sentence: str, wrong: tuple[str, str | None]) -> None:
    assert wrong not in triggers_of(nlp, sentence)


def test_the_most_specific_line_wins_over_a_plain_one(nlp) -> None:
    # "demander pardon" is an apology, not a request; "rendre responsable" a charge, no visit
    assert triggers_of(nlp, "Le ministre a demandé pardon aux familles.") == [
        ("CONCEDE", "apologize")
    ]
    assert triggers_of(nlp, "Le ministre a rendu Moscou responsable de cet échec.") == [
        ("ACCUSE", "disapprove")
    ]
