/** The respondent's languages: Danish first, English second. */
export type Lang = "da" | "en";

export const languages: readonly Lang[] = ["da", "en"];

export function isLang(value: unknown): value is Lang {
  return value === "da" || value === "en";
}

/** Every text the survey page shows, per language. Functions take the number they name. */
export type Strings = {
  languageName: string;
  pageTitle: string;
  loading: string;
  intro: string;
  defaultScoreQuestion: string;
  defaultWhyQuestion: string;
  scaleLow: string;
  scaleHigh: string;
  optional: string;
  charsLeft: (n: number) => string;
  consent: string;
  consentHint: string;
  name: string;
  submit: string;
  submitEdit: string;
  sending: string;
  alreadyAnswered: string;
  errorScoreMissing: string;
  errorTooMany: string;
  errorOffline: string;
  errorClosed: string;
  errorGeneric: string;
  errorCommentTooLong: string;
  errorNameTooLong: string;
  errorInvitation: string;
  notFoundTitle: string;
  notFoundBody: string;
  loadErrorTitle: string;
  loadErrorBody: string;
  retry: string;
  thanksTitle: string;
  thanksPromoter: string;
  thanksPassive: string;
  thanksDetractor: string;
  closePage: string;
  editAnswer: string;
  nextIn: (seconds: number) => string;
  newAnswer: string;
};

const da: Strings = {
  languageName: "Dansk",
  pageTitle: "Din mening",
  loading: "Henter spørgsmålene …",
  intro: "To korte spørgsmål – det tager under et minut.",
  defaultScoreQuestion:
    "Hvor sandsynligt er det, at du vil anbefale os til en ven eller en kollega?",
  defaultWhyQuestion: "Hvad er den vigtigste grund til dit svar?",
  scaleLow: "0 = Slet ikke sandsynligt",
  scaleHigh: "10 = Meget sandsynligt",
  optional: "(valgfrit)",
  charsLeft: (n) => `${n} tegn tilbage`,
  consent: "I må gerne vise min kommentar på vores interne skærm",
  consentHint: "Kun kommentaren og tallet – aldrig dit navn.",
  name: "Dit navn",
  submit: "Send svar",
  submitEdit: "Gem rettelsen",
  sending: "Sender …",
  alreadyAnswered: "Du har allerede svaret – du kan rette dit svar",
  errorScoreMissing: "Vælg et tal fra 0 til 10.",
  errorTooMany: "Der kommer mange svar lige nu. Prøv igen om lidt.",
  errorOffline: "Dit svar blev ikke sendt. Tjek din internetforbindelse, og prøv igen.",
  errorClosed: "Undersøgelsen er lukket, så vi kan desværre ikke tage imod flere svar.",
  errorGeneric: "Noget gik galt, og dit svar blev ikke gemt. Prøv igen.",
  errorCommentTooLong: "Din kommentar er for lang. Gør den lidt kortere, og prøv igen.",
  errorNameTooLong: "Navnet er for langt. Skriv det lidt kortere.",
  errorInvitation:
    "Dette personlige link virker ikke længere. Du kan stadig svare via det almindelige link.",
  notFoundTitle: "Undersøgelsen findes ikke",
  notFoundBody:
    "Linket er forkert, eller også er undersøgelsen lukket. Tak, fordi du ville give din mening.",
  loadErrorTitle: "Vi kunne ikke hente spørgsmålene",
  loadErrorBody: "Tjek din internetforbindelse, og prøv igen.",
  retry: "Prøv igen",
  thanksTitle: "Tak for dit svar!",
  thanksPromoter: "Hvor er det dejligt at høre. Tak, fordi du tog dig tid.",
  thanksPassive: "Vi bruger dit svar til at blive endnu bedre.",
  thanksDetractor: "Tak for din ærlighed. Vi bruger dit svar til at blive bedre.",
  closePage: "Du kan roligt lukke siden nu.",
  editAnswer: "Ret dit svar",
  nextIn: (s) => `Klar til næste svar om ${s} ${s === 1 ? "sekund" : "sekunder"}`,
  newAnswer: "Nyt svar",
};

const en: Strings = {
  languageName: "English",
  pageTitle: "Your opinion",
  loading: "Loading the questions …",
  intro: "Two short questions – it takes less than a minute.",
  defaultScoreQuestion: "How likely is it that you would recommend us to a friend or colleague?",
  defaultWhyQuestion: "What is the main reason for your answer?",
  scaleLow: "0 = Not at all likely",
  scaleHigh: "10 = Very likely",
  optional: "(optional)",
  charsLeft: (n) => `${n} ${n === 1 ? "character" : "characters"} left`,
  consent: "You may show my comment on our internal wall",
  consentHint: "Only the comment and the number – never your name.",
  name: "Your name",
  submit: "Send answer",
  submitEdit: "Save changes",
  sending: "Sending …",
  alreadyAnswered: "You have already answered – you can edit your answer",
  errorScoreMissing: "Please choose a number from 0 to 10.",
  errorTooMany: "We are receiving many answers right now. Please try again shortly.",
  errorOffline: "Your answer was not sent. Check your internet connection and try again.",
  errorClosed: "The survey has closed, so we can no longer accept answers.",
  errorGeneric: "Something went wrong and your answer was not saved. Please try again.",
  errorCommentTooLong: "Your comment is too long. Please shorten it and try again.",
  errorNameTooLong: "The name is too long. Please shorten it.",
  errorInvitation:
    "This personal link no longer works. You can still answer through the ordinary link.",
  notFoundTitle: "Survey not found",
  notFoundBody:
    "The link is wrong or the survey has closed. Thank you for wanting to share your opinion.",
  loadErrorTitle: "We could not load the questions",
  loadErrorBody: "Check your internet connection and try again.",
  retry: "Try again",
  thanksTitle: "Thank you for your answer!",
  thanksPromoter: "That is lovely to hear. Thank you for taking the time.",
  thanksPassive: "We will use your answer to get even better.",
  thanksDetractor: "Thank you for your honesty. We will use your answer to improve.",
  closePage: "You can close this page now.",
  editAnswer: "Edit your answer",
  nextIn: (s) => `Ready for the next answer in ${s} ${s === 1 ? "second" : "seconds"}`,
  newAnswer: "New answer",
};

export const strings: Record<Lang, Strings> = { da, en };
