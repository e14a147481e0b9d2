import { describe, expect, it } from "vitest";
import { detectLanguage } from "./index";

describe("detectLanguage", () => {
  it.each([
    ["Det var ikke godt.", "da"],
    ["Tak", "da"],
    ["Tusind tak for hjælpen 🙏", "da"],
    ["Karin var sød", "da"],
    ["Ventetiden var lang", "da"],
    ["Sagsbehandlingstiden er alt for lang", "da"],
    ["Hej, hvornår åbner I?", "da"],
    ["Mega fedt!", "da"],
    ["Terrible experience, nobody helped me", "en"],
    ["Thanks", "en"],
    ["Great job", "en"],
    ["When do you open on Monday?", "en"],
    ["The staff were lovely and made us feel welcome.", "en"],
    ["👍", "other"],
    ["😡😡😡", "other"],
    ["Super", "other"],
    ["OK", "other"],
    ["", "other"],
    ["12345", "other"],
    ["Das war wirklich sehr schlecht und unfreundlich.", "other"],
    ["C'était vraiment une très mauvaise expérience.", "other"],
  ])("%s -> %s", (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it("decides mixed texts by the dominant language", () => {
    expect(detectLanguage("Super nice personale, og de var virkelig søde ved os")).toBe("da");
    expect(detectLanguage("The service was great, tak for det")).toBe("en");
  });

  it("uses the injected n-gram detector only when function words do not decide", () => {
    let calls = 0;
    const detector = () => {
      calls++;
      return { de: 0.9 };
    };
    expect(detectLanguage("Det var ikke godt, og jeg er skuffet.", detector)).toBe("da");
    expect(calls).toBe(0);
    expect(detectLanguage("Wirklich schlecht gemacht leider.", detector)).toBe("other");
    expect(calls).toBe(1);
  });
});
