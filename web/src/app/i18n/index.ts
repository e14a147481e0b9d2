import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import da from "./da.json";
import en from "./en.json";

export const LANGUAGES = ["da", "en"] as const;
export type AppLanguage = (typeof LANGUAGES)[number];

const STORAGE_KEY = "anbefal.language";

function storedLanguage(): AppLanguage {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    if (value === "da" || value === "en") return value;
  } catch {
    // Storage can be blocked (private mode, policies): Danish is the default anyway.
  }
  return "da";
}

/** BCP 47 locale for numbers and dates: Danish users get 1.234,5; English users 1,234.5. */
export function localeOf(language: string): string {
  return language === "en" ? "en-GB" : "da-DK";
}

export function setLanguage(language: AppLanguage): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // See storedLanguage.
  }
  void i18n.changeLanguage(language);
}

i18n.on("languageChanged", (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: { da: { translation: da }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: "da",
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = i18n.language;

export default i18n;
