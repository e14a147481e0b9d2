// Realistic answer bodies for the public submit endpoint: scores cycling 0-10, short
// Danish (and a few English) comments, consent on some, team and touchpoint on all.

const comments = [
  "Meget venlig betjening, og jeg fik svar med det samme.",
  "Tak til Julie i borgerservice, hun var utrolig hjælpsom.",
  "Ventetiden var alt for lang i dag.",
  "Fin oplevelse, men hjemmesiden er svær at finde rundt i.",
  "Medarbejderen forklarede alt om mit nye pas meget tydeligt.",
  "Ingen svarede på min mail, og jeg måtte ringe tre gange.",
  "Hurtig og effektiv sagsbehandling, tusind tak!",
  "Det var ok, hverken godt eller skidt.",
  "Great service at the front desk, thank you Mads.",
  "Jobcentret gav mig gode råd om min ansøgning 😊",
  "Telefonkøen var lang, men damen i telefonen var sød.",
];
const praise = [0, 1, 4, 6, 8, 9].map((i) => comments[i] as string);
const teams = ["Borgerservice", "Jobcenter", "Hjemmepleje", "Teknik og Miljø"];
const touchpoints = ["Skranke", "Telefon", "Hjemmeside", "Selvbetjening", "Møde"];

export type AnswerBody = {
  score: number;
  comment?: string;
  consentToDisplay?: boolean;
  team?: string;
  touchpoint?: string;
};

/**
 * `count` answers, answer i has score i % 11; three in four carry a comment, half of
 * those with consent to show it on the wall.
 */
export function answerBodies(count: number): AnswerBody[] {
  const bodies: AnswerBody[] = [];
  for (let i = 0; i < count; i++) {
    const body: AnswerBody = {
      score: i % 11,
      team: teams[i % teams.length],
      touchpoint: touchpoints[i % touchpoints.length],
    };
    if (i % 4 !== 3) {
      body.comment = comments[(i * 7) % comments.length];
      body.consentToDisplay = i % 2 === 0;
    }
    bodies.push(body);
  }
  return bodies;
}

/** A promoter with a comment the wall may show: what the wall-latency bench posts. */
export function promoterBody(i: number): AnswerBody {
  return {
    score: 9 + (i % 2),
    comment: praise[i % praise.length],
    consentToDisplay: true,
    team: teams[i % teams.length],
    touchpoint: touchpoints[i % touchpoints.length],
  };
}
