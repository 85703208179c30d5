"""The English trigger lexicon (``data/en/triggers.tsv``): loading, and English sentences.

Every sentence here was written for these tests (no news text). Each PLOVER type
has at least two sentences that must raise the expected type and mode; the
negative sentences use the everyday senses of political words ("hosted the
match", "prices rallied") that must raise nothing. The English pipeline is the
one eventwire ships; it is loaded once per process.
"""

from __future__ import annotations

import pytest

from eventwire.code.lexicon import load_acts, load_lexicon
from eventwire.code.triggers import find_triggers
from eventwire.parse import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("en")


def triggers_of(nlp, sentence: str) -> list[tuple[str, str | None]]:
    lexicon = load_lexicon("en")
    doc = nlp(sentence)
    return [(m.trigger.type, m.trigger.mode) for s in doc.sents for m in find_triggers(s, lexicon)]


def test_both_spellings_are_listed() -> None:
    lexicon = load_lexicon("en")
    for british, american in [
        ("criticise", "criticize"),
        ("apologise", "apologize"),
        ("mobilise", "mobilize"),
        ("recognise", "recognize"),
        ("manoeuvre", "maneuver"),
    ]:
        assert lexicon.candidates(british) and lexicon.candidates(american)


def test_specific_english_lines_come_first() -> None:
    # "withdraw from the treaty" (SANCTION) must be tried before plain "withdraw" (RETREAT).
    first = load_lexicon("en").candidates("withdraw")[0]
    assert first.specificity == 1
    assert load_lexicon("en").candidates("withdraw")[-1].specificity == 0


def test_english_acts_are_nouns_of_acts() -> None:
    acts = load_acts("en")
    assert {"decision", "move", "measure", "plan", "announcement"} <= set(acts)
    assert len(acts) > 20
    assert acts["agreement"] == "AGREE" and acts["decision"] == ""  # "the agreement": the last one told


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # CONSULT: visits, trips, hosting and receiving, talks, phone calls, mediation
        ("The Japanese foreign minister paid an official visit to Brazil last week.", ("CONSULT", "visit")),
        ("The prime minister will visit India next month.", ("CONSULT", "visit")),
        ("The defence secretary travelled to Warsaw on Tuesday.", ("CONSULT", "visit")),
        ("The president received the ambassador of Chile at the palace.", ("CONSULT", None)),
        ("The chancellor hosted her French counterpart in Berlin.", ("CONSULT", None)),
        ("The two ministers met in Geneva on Monday.", ("CONSULT", None)),
        ("The leaders held talks on trade and security.", ("CONSULT", None)),
        ("The foreign secretary spoke with the Secretary of State about the case.", ("CONSULT", None)),
        ("The president spoke by phone with his Turkish counterpart.", ("CONSULT", "phone")),
        ("The two leaders had a telephone conversation on Friday.", ("CONSULT", "phone")),
        ("Norway offered its mediation between the government and the rebels.", ("CONSULT", "third-party")),
        # AGREE: signing a text, reaching a deal, agreeing, pledging, ratifying
        ("The two countries signed a memorandum of understanding on energy.", ("AGREE", None)),
        ("Canada and the European Union signed a free trade agreement in Brussels.", ("AGREE", None)),
        ("The negotiators reached an agreement after ten hours of talks.", ("AGREE", None)),
        ("Both sides agreed to strengthen cooperation in education.", ("AGREE", None)),
        ("The president wants closer ties with Japan.", ("AGREE", None)),
        ("The government pledged to reduce emissions by half.", ("AGREE", None)),
        ("The senate ratified the treaty on Thursday.", ("AGREE", None)),
        # SUPPORT: praise, welcome, congratulations, thanks, backing, condolences, elections won
        ("The minister praised the efforts of the rescue teams.", ("SUPPORT", None)),
        ("The government welcomed the decision of the court.", ("SUPPORT", None)),
        ("The president congratulated his counterpart on his election.", ("SUPPORT", None)),
        ("The ambassador thanked the local authorities for their help.", ("SUPPORT", None)),
        ("Germany backed the French proposal on migration.", ("SUPPORT", None)),
        ("The party endorsed the former governor for the presidency.", ("SUPPORT", None)),
        ("The queen expressed her condolences to the families of the victims.", ("SUPPORT", None)),
        ("The opposition party won the general election with a large majority.", ("SUPPORT", None)),
        # CONCEDE: apologies in both spellings, sanctions lifted, plans dropped
        ("The minister apologised to the families of the victims.", ("CONCEDE", "apologize")),
        ("The company apologized for the delay.", ("CONCEDE", "apologize")),
        ("The United States lifted sanctions on the country's airline.", ("CONCEDE", None)),
        ("The government dropped the plan after weeks of protests.", ("CONCEDE", None)),
        # COOPERATE: joint patrols, cooperating, joining a coalition
        ("The two navies carried out a joint patrol in the gulf.", ("COOPERATE", None)),
        ("The police of both countries cooperated in the investigation.", ("COOPERATE", None)),
        ("Denmark joined the coalition against the militants.", ("COOPERATE", None)),
        # AID: aid provided, sent, granted, donated
        ("Japan provided humanitarian aid to the flood victims.", ("AID", None)),
        ("The World Bank granted a loan of 20 million dollars to Niger.", ("AID", None)),
        ("The charity donated blankets to the refugees.", ("AID", None)),
        ("The European Union sent food aid to the region.", ("AID", None)),
        # RETREAT: resignations (phrasal "step down"), withdrawals ("pull out"), releases
        ("The prime minister resigned on Thursday.", ("RETREAT", "resign")),
        ("The minister stepped down after the scandal.", ("RETREAT", "resign")),
        ("The army withdrew its troops from the border town.", ("RETREAT", "withdraw")),
        ("The last soldiers pulled out of the city on Sunday.", ("RETREAT", "withdraw")),
        ("The rebels released ten hostages.", ("RETREAT", "release")),
        ("The authorities freed two journalists on Monday.", ("RETREAT", "release")),
        # REQUEST: "call for", "call on", demand, urge, ask, appeal
        ("The United Nations called for an immediate ceasefire.", ("REQUEST", None)),
        ("The minister called on the rebels to lay down their arms.", ("REQUEST", None)),
        ("The union demanded higher wages for nurses.", ("REQUEST", None)),
        ("The foreign secretary urged the embassy to reconsider.", ("REQUEST", None)),
        ("The police asked the embassy to waive his immunity.", ("REQUEST", None)),
        ("The charity appealed for donations after the earthquake.", ("REQUEST", None)),
        # ACCUSE: condemn, accuse, criticise/criticize, denounce, blame, summon; investigate
        ("The government condemned the attack on the embassy.", ("ACCUSE", "disapprove")),
        ("The minister accused Russia of meddling in the election.", ("ACCUSE", "disapprove")),
        ("The opposition criticised the budget.", ("ACCUSE", "disapprove")),
        ("The senator criticized the president's handling of the crisis.", ("ACCUSE", "disapprove")),
        ("The ministry denounced the memorandum between the two states.", ("ACCUSE", "disapprove")),
        ("The government blamed the rebels for the explosion.", ("ACCUSE", "disapprove")),
        ("The foreign ministry summoned the Russian ambassador.", ("ACCUSE", "disapprove")),
        ("The prosecutor opened an investigation into the minister.", ("ACCUSE", "investigate")),
        ("The president instructed the agencies to investigate the leak.", ("ACCUSE", "investigate")),
        # REJECT: reject, decline a request, deny, veto, refuse; a visit cancelled
        ("Parliament rejected the bill by a wide margin.", ("REJECT", None)),
        ("The opposition declined the government's offer.", ("REJECT", None)),
        ("The ministry denied the allegations.", ("REJECT", None)),
        ("Russia vetoed the draft resolution.", ("REJECT", None)),
        ("The president refused to sign the law.", ("REJECT", None)),
        ("The president cancelled his visit to Paris.", ("REJECT", "meet")),
        # THREATEN: threats, vows of revenge, arrest warrants
        ("The president threatened the neighbouring country with reprisals.", ("THREATEN", None)),
        ("The army vowed revenge for the attack.", ("THREATEN", None)),
        ("The bloc threatened to impose sanctions on the country.", ("THREATEN", None)),
        ("The court issued an arrest warrant for the general.", ("THREATEN", "arrest")),
        # PROTEST: demonstrations, marches, protesters, strikes, boycotts, riots
        ("Thousands of people protested in the capital on Saturday.", ("PROTEST", "demo")),
        ("About a million people marched in London against the plan.", ("PROTEST", "demo")),
        ("Protesters gathered outside the parliament.", ("PROTEST", "demo")),
        ("Railway workers went on strike on Monday.", ("PROTEST", "strike")),
        ("The nurses have been on strike since March.", ("PROTEST", "strike")),
        ("The opposition boycotted the election.", ("PROTEST", "boycott")),
        ("Protesters clashed with police in front of the parliament.", ("PROTEST", "riot")),
        # SANCTION: sanctions, expulsions, ties cut, convictions, recalls, leaving a union
        ("The European Union imposed sanctions on Russia.", ("SANCTION", None)),
        ("The government expelled two diplomats.", ("SANCTION", "expel")),
        ("Greece expelled the Libyan ambassador.", ("SANCTION", "expel")),
        ("Morocco severed ties with Iran.", ("SANCTION", "discontinue")),
        ("The court sentenced him to five years in prison.", ("SANCTION", "convict")),
        ("The country recalled its ambassador.", ("SANCTION", "withdraw")),
        ("The prime minister intends to leave the EU by January.", ("SANCTION", "withdraw")),
        ("The parliament impeached the president.", ("SANCTION", None)),
        # MOBILIZE: troops deployed or sent, alerts, missile tests, military exercises
        ("The army deployed troops along the border.", ("MOBILIZE", "troops")),
        ("The government sent reinforcements to the region.", ("MOBILIZE", "troops")),
        ("The army was placed on high alert.", ("MOBILIZE", "troops")),
        ("The country tested a ballistic missile on Sunday.", ("MOBILIZE", "weapons")),
        ("The navy held military exercises near the island.", ("MOBILIZE", None)),
        # COERCE: arrests (active and passive), detention, bans, seizures, deportations, coups
        ("Police arrested three activists.", ("COERCE", "arrest")),
        ("At least 71 people were arrested on Friday night.", ("COERCE", "arrest")),
        ("The authorities detained the opposition leader.", ("COERCE", "arrest")),
        ("The government banned the airline from its airspace.", ("COERCE", "ban")),
        ("The coast guard seized a tanker in the strait.", ("COERCE", "seize")),
        ("The country deported hundreds of migrants.", ("COERCE", "deport")),
        ("The army staged a coup last year.", ("COERCE", "coup")),
        ("The queen suspended parliament for five weeks.", ("COERCE", "restrict")),
        # ASSAULT: attacks, bombing, air strikes, killings, shootings, fighting, crowd control
        ("Rebels attacked a village in the north.", ("ASSAULT", None)),
        ("Warplanes bombed the city overnight.", ("ASSAULT", "aerial")),
        ("The army carried out air strikes on the town.", ("ASSAULT", "aerial")),
        ("Gunmen killed ten people at a market.", ("ASSAULT", None)),
        ("Soldiers shot two protesters.", ("ASSAULT", "firearms")),
        ("Fighting broke out in the capital.", ("ASSAULT", None)),
        ("Troops clashed with rebels near the border.", ("ASSAULT", None)),
        ("Police fired tear gas at the protesters.", ("ASSAULT", "crowd-control")),
        ("Police dispersed the demonstrators with water cannon.", ("ASSAULT", "crowd-control")),
        ("A suicide bombing killed twenty people.", ("ASSAULT", "explosives")),
        ("Gunmen kidnapped three aid workers.", ("ASSAULT", "abduct")),
        # judgements (roles eval): the word itself; the coder decides whether it is an event
        ('The minister called the agreement "null and void".', ("ACCUSE", "disapprove")),
        ("The king considered it inappropriate.", ("ACCUSE", "disapprove")),
        ("The minister said the proposal was unacceptable.", ("REJECT", None)),
    ],
)
def test_english_sentence_triggers(nlp, sentence: str, expected: tuple[str, str | None]) -> None:
    assert expected in triggers_of(nlp, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # everyday senses of political words
        "The concert was held in the old theatre.",
        "She received a letter from her brother.",
        "The team hosted the final match of the tournament.",
        "The earthquake struck the coast at dawn.",
        "He asked whether the shop was open.",
        "The company released its annual report.",
        "The airline ordered 114 new aircraft.",
        "The festival opens in March.",
        "She spoke to reporters outside the court.",
        "The spokesman declined to comment.",
        "Doctors fight the disease with new drugs.",
        "The firm demonstrated its new technology at the fair.",
        "The company failed to meet its sales targets.",
        "The new plant will help cut costs.",
        "The storm killed twelve people.",
        "Scientists warned that temperatures would rise.",
        "She called her mother on Sunday.",
        "The doctor ordered more tests.",
        "The players fought hard for the title.",
    ],
)
def test_everyday_senses_raise_nothing(nlp, sentence: str) -> None:
    assert triggers_of(nlp, sentence) == []


def test_strike_is_a_labour_strike_or_an_air_strike(nlp) -> None:
    assert ("PROTEST", "strike") in triggers_of(nlp, "Dock workers began a strike on Monday.")
    assert ("ASSAULT", "aerial") in triggers_of(nlp, "A drone strike hit the convoy.")
    assert ("PROTEST", "hunger") in triggers_of(nlp, "The prisoner is on hunger strike.")


def test_withdrawing_from_a_treaty_is_a_sanction(nlp) -> None:
    found = triggers_of(nlp, "The country withdrew from the nuclear treaty.")
    assert ("SANCTION", "withdraw") in found
    assert ("RETREAT", "withdraw") not in found
