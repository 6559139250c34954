import { describe, expect, it } from "vitest";
import { hacherTicketCas, lireDemandeDeconnexionCas } from "./deconnexion-cas.js";

const demande = (contenu: string) =>
  "logoutRequest=" +
  encodeURIComponent(
    `<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="LR-1" Version="2.0" IssueInstant="2026-03-25T10:00:00Z">${contenu}</samlp:LogoutRequest>`,
  );

describe("lireDemandeDeconnexionCas", () => {
  it("lit le SessionIndex (le ticket) et le NameID d'un LogoutRequest SAML", () => {
    expect(
      lireDemandeDeconnexionCas(
        demande(
          '<saml:NameID xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">u1</saml:NameID><samlp:SessionIndex> ST-1-abc </samlp:SessionIndex>',
        ),
      ),
    ).toEqual({ sessionIndex: "ST-1-abc", nameId: "u1" });
    expect(lireDemandeDeconnexionCas(demande("<samlp:SessionIndex>ST-2</samlp:SessionIndex>"))).toEqual({
      sessionIndex: "ST-2",
    });
  });

  it("renvoie null pour tout le reste : pas de champ, pas de SessionIndex, autre élément, DTD", () => {
    expect(lireDemandeDeconnexionCas("")).toBeNull();
    expect(lireDemandeDeconnexionCas("autre=1")).toBeNull();
    expect(lireDemandeDeconnexionCas(demande("<saml:NameID>u1</saml:NameID>"))).toBeNull();
    expect(
      lireDemandeDeconnexionCas(
        "logoutRequest=" + encodeURIComponent("<a><SessionIndex>x</SessionIndex></a>"),
      ),
    ).toBeNull();
    expect(
      lireDemandeDeconnexionCas(
        "logoutRequest=" +
          encodeURIComponent(
            '<!DOCTYPE a [<!ENTITY x "ST-1">]><LogoutRequest><SessionIndex>&x;</SessionIndex></LogoutRequest>',
          ),
      ),
    ).toBeNull();
  });
});

describe("hacherTicketCas", () => {
  it("donne l'empreinte SHA-256 hexadécimale, jamais le ticket", () => {
    expect(hacherTicketCas("ST-1")).toMatch(/^[0-9a-f]{64}$/);
    expect(hacherTicketCas("ST-1")).toBe(hacherTicketCas("ST-1"));
    expect(hacherTicketCas("ST-1")).not.toBe(hacherTicketCas("ST-2"));
  });
});
