// Table tests for complaints stated as facts, ratings, idioms, questions and irony: the
// patterns added after the first held-out round (see docs/decisions/0004-text-lexicons.md).
import { describe, expect, it } from "vitest";
import { analyzeRules } from "./index";
import { ratingAt } from "./patterns";
import { tokenize } from "./tokenize";

type Case = [text: string, label: "positive" | "neutral" | "negative"];

function expectLabels(cases: Case[], language?: "da" | "en") {
  for (const [text, label] of cases) {
    const result = analyzeRules(text, language);
    expect({ text, label: result.label, evidence: result.evidence }).toMatchObject({ text, label });
  }
}

describe("complaints stated as facts", () => {
  it.each<Case>([
    ["Det er nu tirsdag og ingen har ringet.", "negative"],
    ["Jeg blev lovet et svar inden fredag. Det er nu tirsdag.", "negative"],
    ["Camilla lovede at sende papirerne samme dag. Det er nu 3 uger siden.", "negative"],
    ["Har ventet siden kl 9. Nu er den 11:30.", "negative"],
    ["Har stadig ikke hørt noget.", "negative"],
    ["Venter stadig på den lovede opringning", "negative"],
    ["Jeg har endnu ikke fået svar", "negative"],
    ["Tredje gang i denne uge at bussen er aflyst", "negative"],
    ["Kommunen har mistet min ansøgning for anden gang", "negative"],
    ["Ingen kunne give mig et klart svar", "negative"],
    ["Ingen sagde noget om at varen var udsolgt", "negative"],
    ["Der har ikke været nogen til at tage telefonen hele ugen", "negative"],
    ["Sagsbehandleren havde ikke læst min sag", "negative"],
    ["Svaret kom først efter fem uger", "negative"],
    ["2 mdr på en byggetilladelse", "negative"],
    ["Nu er prisen på mælk steget igen", "negative"],
    ["Bussen kom slet ikke i morges. Igen.", "negative"],
    ["De lovede at ringe i går. Intet.", "negative"],
  ])("%s -> %s", (text, label) => expectLabels([[text, label]], "da"));

  it.each<Case>([
    ["Still waiting for someone to call me back. It's been two weeks.", "negative"],
    ["I was promised a reply by Friday. It's now Wednesday.", "negative"],
    ["Nobody answered the phone all week", "negative"],
    ["They promised a call back yesterday. Nothing.", "negative"],
    ["I've sent three emails and still no answer", "negative"],
    ["My application has been sitting there for three months with no update", "negative"],
    ["The bus drove straight past me even though I waved", "negative"],
    ["Fees for everything. I'm switching banks.", "negative"],
  ])("%s -> %s", (text, label) => expectLabels([[text, label]], "en"));

  it("keeps facts, and the writer's own mishaps, neutral", () => {
    expectLabels(
      [
        ["Jeg ringede tirsdag.", "neutral"],
        ["Jeg venter på svar fra kommunen.", "neutral"],
        ["Der var ca 10 min ventetid", "neutral"],
        ["Hej, jeg har glemt min kode. Hvordan får jeg en ny?", "neutral"],
        ["Jeg mistede mit sygesikringskort og har bestilt et nyt", "neutral"],
        ["Jeg kom for sent til min tid, så jeg måtte bestille en ny", "neutral"],
        ["Jeg har ikke nogen kommentarer", "neutral"],
        ["Fik at vide at brevet ville komme inden for 14 dage", "neutral"],
        ["Jeg afleverede en klage over støj fra naboen.", "neutral"],
      ],
      "da",
    );
    expectLabels(
      [
        ["I forgot my PIN code. What should I do?", "neutral"],
        ["I lost my health card and ordered a new one", "neutral"],
        ["I will be back on Monday with the rest of the papers", "neutral"],
      ],
      "en",
    );
  });
});

describe("ratings written as numbers", () => {
  it.each<Case>([
    ["10/10 ville komme igen", "positive"],
    ["9 ud af 10 herfra", "positive"],
    ["Giver dem 10 ud af 10", "positive"],
    ["Jeg er ellers ikke typen der giver 10, men det fortjener I", "positive"],
    ["5 stjerner", "positive"],
    ["3 ud af 5", "neutral"],
    ["7/10", "neutral"],
    ["1 stjerne. Kunne jeg give 0, gjorde jeg det.", "negative"],
    ["Jeg ville ønske jeg kunne give 0 stjerner", "negative"],
  ])("%s -> %s", (text, label) => expectLabels([[text, label]], "da"));

  it("reads 'would give zero' and leaves plain numbers alone", () => {
    expectLabels([["1 star. Would give zero if I could.", "negative"]], "en");
    const tokens = tokenize("Bus 350S kører hver 10. min fra kl 7");
    for (let i = 0; i < tokens.length; i++)
      expect(ratingAt(tokens, i, tokens.length)).toBeUndefined();
  });
});

describe("idioms", () => {
  it.each<Case>([
    ["JC fik styr på vores bestilling.", "positive"],
    ["Julies hjælp gjorde hele forskellen.", "positive"],
    ["Blev ringet op dagen efter. Det er sgu da service!", "positive"],
    ["Alt gik som det skulle.", "positive"],
    ["Kan ikke anbefale dem nok", "positive"],
    ["Skiftede bank sidste år og har ikke fortrudt et sekund.", "positive"],
    ["Jeg var bange for at det ville tage en evighed, men det tog kun en uge. Flot.", "positive"],
    ["Min sag er gået i stå og jeg aner ikke hvorfor", "negative"],
    ["Giver ingen mening at jeg skal udfylde de samme papirer igen", "negative"],
    ["Den ene hånd ved ikke hvad den anden gør", "negative"],
    ["Fik to vidt forskellige svar. Lars burde vide bedre.", "negative"],
    ["Henrik lovede en bedre rente. Det blev aldrig til noget.", "negative"],
    ["De tager sig god tid. Alt for god tid.", "negative"],
    ["Nogle gange er det godt, andre gange mindre godt.", "neutral"],
    ["Jeg var der kun kort, så svært at sige", "neutral"],
  ])("%s -> %s", (text, label) => expectLabels([[text, label]], "da"));

  it.each<Case>([
    ["JC sorted out my order in five minutes.", "positive"],
    ["She walked me through everything step by step.", "positive"],
    ["I can't recommend them enough", "positive"],
    ["Couldn't be more pleased with the help I got", "positive"],
    ["I give up trying to reach you by phone", "negative"],
    ["This makes no sense.", "negative"],
    ["Some things were good, some weren't. It depends on who you get.", "neutral"],
    ["I was only there briefly so hard to say", "neutral"],
  ])("%s -> %s", (text, label) => expectLabels([[text, label]], "en"));
});

describe("questions", () => {
  it("keeps requests for information neutral, whatever their words", () => {
    expectLabels(
      [
        ["Hvordan klager man over en parkeringsbøde?", "neutral"],
        ["Kan man aflevere farligt affald på genbrugspladsen?", "neutral"],
        ["Har I stadig de der gratis poser til hundelorte ved indgangen?", "neutral"],
      ],
      "da",
    );
    expectLabels(
      [
        ["Is there a lost and found for things left on the bus?", "neutral"],
        ["Where do I report a broken streetlight?", "neutral"],
        ["Is there frost on the roads tomorrow? Wondering if the buses will be delayed", "neutral"],
      ],
      "en",
    );
  });

  it("hears the complaint in a rhetorical question", () => {
    expectLabels(
      [
        ["Hvordan kan det tage 12 uger at få et pas???", "negative"],
        ["Hvorfor er det så svært at få svar?", "negative"],
        ["Er det normalt at man skal vente 3 uger på svar?", "negative"],
        ["gider i lige svare på jeres mails", "negative"],
      ],
      "da",
    );
  });
});

describe("irony", () => {
  it("flips applause and short praise that answer a complaint", () => {
    expectLabels(
      [
        ["Nå, så lukker kommunen endnu en filial. Tak for ingenting 👏", "negative"],
        ["Flot, endnu en aflyst afgang. Godt gået 👏", "negative"],
        ["Har ventet siden kl 9. Ingen har sagt noget. Flot 😑", "negative"],
        ["Så er der lukket for varmen igen. Tak for det.", "negative"],
      ],
      "da",
    );
    expectLabels([["The branch closed with no warning. Great job 👏", "negative"]], "en");
  });

  it("keeps sincere applause and praise after a worry", () => {
    expectLabels(
      [
        ["Særlig tak til Kim 👏", "positive"],
        ["Hatten af for chaufføren der ventede på den gamle dame 👏", "positive"],
      ],
      "da",
    );
    expectLabels([["Clean, punctual, wifi. Love it", "positive"]], "en");
  });
});

describe("third-round rules", () => {
  it("keeps a complaint that nobody spoke about a complaint", () => {
    expectLabels([["Ingen sagde noget om forsinkelsen", "negative"]], "da");
  });

  it("lets 'uden at' negate the verb phrase after it", () => {
    expectLabels([["Hun afviste lånet uden at kigge ordentligt på budgettet", "negative"]], "da");
  });

  it("reads the owner's own slip as no complaint", () => {
    expectLabels(
      [
        ["Hun hjalp mig med at finde min glemte taske", "positive"],
        ["Jeg tror min søn har glemt sin hue i bussen", "neutral"],
      ],
      "da",
    );
  });

  it("reads 'zero' as none and idioms of worth, mixed and lukewarm verdicts", () => {
    expectLabels(
      [
        ["Rådgivningen er nul værd", "negative"],
        ["Jeg har sendt tre mails og fået nul svar", "negative"],
        ["Det var både godt og skidt", "neutral"],
        ["Ikke noget at klage over, men heller ikke noget særligt", "neutral"],
        ["Ikke én eneste forsinkelse i hele januar. Det har jeg aldrig oplevet før 👏", "positive"],
        ["Kasper var en stor hjælp", "positive"],
        ["Han burde finde sig et andet job", "negative"],
      ],
      "da",
    );
  });

  it("does not complain about a service repeated for the writer", () => {
    expectLabels(
      [
        ["Hun har ringet til mig flere gange for at høre hvordan det gik", "neutral"],
        ["Jeg har ringet fire gange", "negative"],
      ],
      "da",
    );
  });

  it("treats trouble someone explains as the topic", () => {
    expectLabels([["Hun kom rundt og forklarede forsinkelsen", "positive"]], "da");
  });

  it("gives family helping the writer no credit to the organisation", () => {
    expectLabels([["Mit barnebarn hjalp mig med at bestille billetten", "neutral"]], "da");
    expectLabels([["My colleague Joy and I took the train today", "neutral"]], "en");
  });

  it("scores 'patient' as praise only as an adjective", () => {
    expectLabels(
      [
        ["First time using patient transport", "neutral"],
        ["She was so patient with my mother", "positive"],
        ["He keeps forgetting what we agreed", "negative"],
      ],
      "en",
    );
  });

  it("reads things that could not be had or were not told as complaints", () => {
    expectLabels(
      [
        ["Kunne ikke få en tolk", "negative"],
        ["Jeg kan ikke få nok af den service", "positive"],
        ["fik ikke noget at vide om bivirkningerne", "negative"],
        ["Der er ingen vejledning", "negative"],
        ["Min far blev udskrevet alt for tidligt", "negative"],
        ["Svært at svare på", "neutral"],
        ["Middelmådig oplevelse", "neutral"],
        ["Har aldrig haft grund til at klage", "positive"],
        ["Blev mødt med respekt", "positive"],
      ],
      "da",
    );
    expectLabels(
      [
        ["Couldn't log in to the online bank for three days", "negative"],
        ["They handled everything", "positive"],
      ],
      "en",
    );
  });

  it("reads idioms of praise and of complaints not taken seriously", () => {
    expectLabels(
      [
        ["Mikkel fik strømmen tilbage. Kan ikke takke nok", "positive"],
        ["Tog ikke min klage alvorligt", "negative"],
        ["Han tager ikke klager seriøst", "negative"],
        ["De er et makkerpar uden lige", "positive"],
        ["Hun er blevet alt for hård på sit hold", "negative"],
        ["Hun lovede at ringe, det gjorde hun ikke", "negative"],
      ],
      "da",
    );
    expectLabels([["She was so encouraging", "positive"]], "en");
  });

  it("lets a fact after 'men' complain even after praise before it", () => {
    expectLabels(
      [["Han er sød nok, men han har lovet at fikse døren siden marts", "negative"]],
      "da",
    );
  });

  it("reads outages, staffing and auto-replies as complaints, and lukewarm words as neutral", () => {
    expectLabels(
      [
        ["Strømmen har været væk i to dage", "negative"],
        ["Vaskeriet er ude af drift igen", "negative"],
        ["Børnehaven mangler personale", "negative"],
        ["Jeg har skrevet tre mails og fået et automatisk svar", "negative"],
        ["Ikke just kundevenligt at lukke receptionen i weekenden", "negative"],
        ["Fin nok lejlighed", "neutral"],
        ["Alt fungerer", "positive"],
      ],
      "da",
    );
    expectLabels(
      [
        ["The hot water has been out for two days", "negative"],
        ["They told us our son would start in August. It's October", "negative"],
        ["This place has gone downhill since the renovation", "negative"],
        ["Meh", "neutral"],
      ],
      "en",
    );
  });
});

describe("fourth-round rules", () => {
  it("reads the particle 'godt' after a modal as no praise, 'kan godt lide' as praise", () => {
    expectLabels(
      [
        ["Åbningstiderne kunne godt være længere", "neutral"],
        ["Kunne godt bruge flere kasser", "neutral"],
        ["Jeg kan godt lide jer", "positive"],
      ],
      "da",
    );
  });

  it("reads 'the cleaner' as a noun, not the comparative of 'clean'", () => {
    expectLabels(
      [
        ["The cleaner comes on Mondays", "neutral"],
        ["The cleaner skipped the bathroom again", "negative"],
        ["The kitchen is much cleaner now", "positive"],
      ],
      "en",
    );
  });

  it("lets a negation cover praise right after the praise it negated", () => {
    expectLabels([["Det er ikke gjort rent ordentligt", "negative"]], "da");
  });

  it("does not complain about the trouble a person made easier", () => {
    expectLabels([["They made a stressful move so much easier", "positive"]], "en");
    expectLabels([["Hun gjorde en svær dag meget lettere", "positive"]], "da");
  });

  it("reads a point in time ('for 3 uger siden', 'ago') as no wait", () => {
    expectLabels([["Vi tog imod pakken for 3 uger siden", "neutral"]], "da");
    expectLabels([["They took my details three weeks ago", "neutral"]], "en");
  });

  it("keeps a lone 'Nothing' neutral unless something was awaited", () => {
    expectLabels([["Nothing", "neutral"]], "en");
    expectLabels([["De lovede at ringe. Intet.", "negative"]], "da");
  });

  it("reads common idioms of praise, complaint and indifference", () => {
    expectLabels(
      [
        ["Ikke noget at forbedre", "positive"],
        ["Intet at klage over, intet at juble over", "neutral"],
        ["Altid kø ved kassen", "negative"],
        ["Frugten var rådden", "negative"],
        ["Kan ikke sige nok godt om dem", "positive"],
        ["Jeg følte mig set for første gang", "positive"],
      ],
      "da",
    );
    expectLabels(
      [
        ["Milk was out of date", "negative"],
        ["Had to explain my case to three people", "negative"],
        ["He checked the radiators without being asked", "positive"],
        ["You rock", "positive"],
      ],
      "en",
    );
  });

  it("reads a sentence that opens with a comparative and a noun as a wish", () => {
    expectLabels(
      [
        ["Bedre skiltning til toiletterne", "neutral"],
        ["Flere kasser åbne", "neutral"],
        ["Bedre end forventet!", "positive"],
      ],
      "da",
    );
  });

  it("keeps the state of the writer's own people and pets out of the verdict", () => {
    expectLabels([["Dyrlægen var så rolig med vores angste hund", "positive"]], "da");
  });

  it("reads outages, struggles and missing explanations as complaints", () => {
    expectLabels(
      [
        ["Varmen er stadig væk", "negative"],
        ["Det er en kamp at få fat i nogen", "negative"],
        ["Han lovede et møde. Det skete aldrig.", "negative"],
        ["1400 kr i efterregning uden nogen forklaring", "negative"],
        ["God læge, men 2.800 kr for en konsultation er for meget", "negative"],
      ],
      "da",
    );
    expectLabels([["The heating has been off for 2 days", "negative"]], "en");
  });
});

describe("fourth round: spelling, averted harm, rewards and sheer", () => {
  it("reads a strong word with its doubled consonant written single", () => {
    expectLabels(
      [
        ["jeg var utrolig skufet over den behandling", "negative"],
        // one letter from a sentiment word but a word of its own: not repaired
        ["Det gælder hele verden", "neutral"],
      ],
      "da",
    );
  });

  it("reads a harm that was averted as help, and illness as no verdict", () => {
    expectLabels(
      [
        ["Hans råd sparede os for en stor skade. Tak", "positive"],
        ["Hun var der da far fik det dårligt, og det gjorde hele forskellen", "positive"],
        ["Servicen var dårlig, og jeg fik det dårligt af at vente", "negative"],
      ],
      "da",
    );
    expectLabels([["Her advice saved us from a costly mistake", "positive"]], "en");
  });

  it("reads a reward for a person and sheer as praise and blame", () => {
    expectLabels(
      [
        ["Hun fortjener en kage 🎂", "positive"],
        ["I er guld", "positive"],
        ["Det er ren udnyttelse", "negative"],
        ["Der var rent og pænt", "positive"],
        ["Jeg er ærlig talt hverken imponeret eller skuffet", "neutral"],
        ["Hver gang er det en ny medarbejder. Ingen kender min sag", "negative"],
        ["Der var ingen bag skranken", "negative"],
      ],
      "da",
    );
    expectLabels(
      [
        ["He deserves a pay rise", "positive"],
        ["Not impressed. The helpers rush in and out", "negative"],
      ],
      "en",
    );
  });
});

describe("fourth round: stories of kindness and denied complaints", () => {
  it("reads someone else acting of their own accord as kindness, not the writer", () => {
    expectLabels(
      [
        ["Hun ringede endda til SU-kontoret for mig", "positive"],
        ["Han lagde endda på", "negative"],
        ["Jeg ringede selv til dem", "neutral"],
        ["Han havde skiftet viskerbladene uden at tage noget for det", "positive"],
        ["Det glemmer vi ikke", "positive"],
        ["Mere af det!", "positive"],
      ],
      "da",
    );
    expectLabels(
      [
        ["He even stayed late", "positive"],
        ["Hats off to the night shift", "positive"],
        ["She hates it", "negative"],
        ["Could not have asked for more.", "positive"],
      ],
      "en",
    );
  });

  it("reads a complaint verb denied by the negation after it as praise", () => {
    expectLabels(
      [
        ["Han ved alt om biler og han snyder ikke", "positive"],
        ["Hun svigtede aldrig", "positive"],
        ["Låste op kl 22. Uden at brokke sig", "positive"],
        ["Skraldespanden er ikke blevet tømt i 3 uger", "negative"],
        ["Skraldespanden blev tømt", "neutral"],
        ["Intet at sætte fingeren på her", "positive"],
      ],
      "da",
    );
    expectLabels([["Bins weren't emptied on Tuesday", "negative"]], "en");
  });
});

describe("fifth-round words", () => {
  it("knows words of praise and complaint the fifth round's sets used", () => {
    expectLabels(
      [
        ["Håndteringen af min sag var eksemplarisk", "positive"],
        ["Træneren favoriserer de samme børn hver gang", "negative"],
        ["Kæmpe cadeau til vejfolkene", "positive"],
        ["Jeg har anmeldt skaden online", "neutral"],
        ["Edel om morgenen og Benny om aftenen. Bedre kan det ikke blive.", "positive"],
        ["Det er et spørgsmål om tid før nogen kommer til skade", "negative"],
        ["Når skaden sker, er I ikke til at finde", "negative"],
        ["Fru Leth i udlejningen er ikke til at tale med", "negative"],
      ],
      "da",
    );
    expectLabels([["The hygienist was rough and my gums bled", "negative"]], "en");
  });
});
