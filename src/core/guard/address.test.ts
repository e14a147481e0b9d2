import { describe, expect, it } from "vitest";
import { findPersonalData } from "./index";

function found(text: string, kind = "address"): string[] {
  return findPersonalData(text)
    .filter((f) => f.kind === kind)
    .map((f) => text.slice(f.start, f.end));
}

describe("findPersonalData: street addresses", () => {
  it.each([
    ["Jeg bor på Vestergade 12B, 2. tv. og vil gerne have post", "Vestergade 12B, 2. tv."],
    ["Send det til Nørregade 5 st. th", "Nørregade 5 st. th"],
    ["Adressen er Algade 3, 9000 Aalborg.", "Algade 3, 9000 Aalborg"],
    ["Vestergade 12B, 2. tv., 8000 Aarhus C", "Vestergade 12B, 2. tv., 8000 Aarhus C"],
    ["Vi mødtes på Frederiksberg Allé 12 i går", "Frederiksberg Allé 12"],
    ["Min mor bor på Gammel Kongevej 10, 1610 København V", "Gammel Kongevej 10, 1610 København V"],
    [
      "H.C. Andersens Boulevard 27, 1553 København V",
      "H.C. Andersens Boulevard 27, 1553 København V",
    ],
    ["jeg bor på vestergade 12 og har ikke fået brevet", "vestergade 12"],
    ["Rådhuspladsen 1, 1550 København V", "Rådhuspladsen 1, 1550 København V"],
    ["Kongens Nytorv 8", "Kongens Nytorv 8"],
    ["Vi bor Islands Brygge 43, 4. th.", "Islands Brygge 43, 4. th."],
    ["Bøgevænget 7 har fået nye skraldespande", "Bøgevænget 7"],
    ["Skolestræde 4 var lukket", "Skolestræde 4"],
    ["Hent den på Lærkebakken 22, 2800 Kongens Lyngby", "Lærkebakken 22, 2800 Kongens Lyngby"],
    ["Egetoften 9 1. sal", "Egetoften 9 1. sal"],
    ["Rosenhaven 14 mangler en lygtepæl", "Rosenhaven 14"],
    ["Søparken 3, st.", "Søparken 3, st."],
    ["Havnegade 12-14 er blevet flot", "Havnegade 12-14"],
    ["adresse: nørrebrogade 20, 2200 København N", "nørrebrogade 20, 2200 København N"],
    ["Min adresse er Bredgade nr. 5", "Bredgade nr. 5"],
  ])("finds %j", (text, address) => {
    expect(found(text)).toEqual([address]);
  });

  it.each([
    ["Vi holdt til på arbejdspladsen 3 dage"],
    ["Der var kø på motorvej 18 hele vejen"],
    ["Hej alle 3 og tak for i dag"],
    ["I have 2 kids and a dog"],
    ["Vi var på vej 2 gange"],
    ["Parkeringsplads 3 var optaget"],
    ["Vestergade er blevet så flot"],
    ["Vi har været i København 3 gange"],
    ["Kongevej 2023 festival"],
    ["Børnene leger på legepladsen 2 timer om dagen"],
    ["Han kørte på motorvejen 5 timer"],
    ["Ringen 12 er lukket"],
    ["alle 3 medarbejdere var søde"],
    ["Vi har fået børnehaveplads 1. august"],
    ["det var en omvej 2 gange"],
    ["Vestergade 12,5 km væk"],
  ])("does not flag %j as an address", (text) => {
    expect(found(text)).toEqual([]);
  });
});
