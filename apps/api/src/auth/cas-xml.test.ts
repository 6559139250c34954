import { describe, expect, it } from "vitest";
import { ErreurXml, lireReponseCas, lireXml } from "./cas-xml.js";

const SUCCES = `<?xml version="1.0" encoding="UTF-8"?>
<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">
  <!-- commentaire -->
  <cas:authenticationSuccess>
    <cas:user>u-42</cas:user>
    <cas:attributes>
      <cas:type>ENSEIGNANT</cas:type>
      <cas:classNames>4B</cas:classNames>
      <cas:classNames>3A</cas:classNames>
      <cas:username>Marie &amp; Paul &#233;&#x2014;</cas:username>
      <cas:schoolName><![CDATA[Lycée <Victor> Hugo]]></cas:schoolName>
    </cas:attributes>
  </cas:authenticationSuccess>
</cas:serviceResponse>`;

describe("lireReponseCas", () => {
  it("lit l'utilisateur et les attributs (répétés → plusieurs valeurs, entités et CDATA)", () => {
    expect(lireReponseCas(SUCCES)).toEqual({
      succes: true,
      utilisateur: "u-42",
      attributs: {
        type: ["ENSEIGNANT"],
        classNames: ["4B", "3A"],
        username: ["Marie & Paul é—"],
        schoolName: ["Lycée <Victor> Hugo"],
      },
    });
  });

  it("lit un attribut imbriqué (profils SDET écrits par entcore) comme les valeurs de ses enfants", () => {
    const r = lireReponseCas(`<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">
      <cas:authenticationSuccess><cas:user>u</cas:user><cas:attributes>
        <cas:ENTPersonProfils><cas:ENTPersonProfil>National_ENS</cas:ENTPersonProfil><cas:ENTPersonProfil>National_TUT</cas:ENTPersonProfil></cas:ENTPersonProfils>
        <cas:ENTEleveClasses></cas:ENTEleveClasses>
      </cas:attributes></cas:authenticationSuccess></cas:serviceResponse>`);
    expect(r).toMatchObject({
      succes: true,
      attributs: { ENTPersonProfils: ["National_ENS", "National_TUT"], ENTEleveClasses: [""] },
    });
  });

  it("lit un échec avec son code", () => {
    expect(
      lireReponseCas(`<cas:serviceResponse xmlns:cas='http://www.yale.edu/tp/cas'>
        <cas:authenticationFailure code="INVALID_TICKET">Ticket ST-1 not recognized</cas:authenticationFailure>
      </cas:serviceResponse>`),
    ).toEqual({ succes: false, code: "INVALID_TICKET", message: "Ticket ST-1 not recognized" });
  });

  it("refuse toute DTD : aucune entité n'est développée (billion laughs, entité externe)", () => {
    const bombe = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>
<cas:serviceResponse xmlns:cas="x"><cas:authenticationSuccess><cas:user>&lol2;</cas:user></cas:authenticationSuccess></cas:serviceResponse>`;
    expect(() => lireReponseCas(bombe)).toThrow(ErreurXml);
    const externe = `<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>`;
    expect(() => lireXml(externe)).toThrow(/DTD/);
  });

  it("refuse les entités inconnues, les balises mal fermées et les documents qui ne sont pas CAS", () => {
    expect(() => lireXml("<a>&nbsp;</a>")).toThrow(/entité/);
    expect(() => lireXml("<a><b></a></b>")).toThrow(ErreurXml);
    expect(() => lireXml("<a>")).toThrow(/non fermé/);
    expect(() => lireXml("<a/><b/>")).toThrow(/racine/);
    expect(() => lireXml("<a x=1/>")).toThrow(/guillemets/);
    expect(() => lireReponseCas("<html><body>Erreur 500</body></html>")).toThrow(/serviceResponse/);
    expect(() =>
      lireReponseCas(
        '<cas:serviceResponse xmlns:cas="x"><cas:authenticationSuccess></cas:authenticationSuccess></cas:serviceResponse>',
      ),
    ).toThrow(/cas:user/);
  });

  it("résiste aux noms d'attributs piégés (__proto__, constructor)", () => {
    const r =
      lireReponseCas(`<cas:serviceResponse xmlns:cas="x"><cas:authenticationSuccess><cas:user>u</cas:user>
      <cas:attributes><cas:__proto__>a</cas:__proto__><cas:constructor>b</cas:constructor></cas:attributes>
      </cas:authenticationSuccess></cas:serviceResponse>`);
    expect(r.succes && r.attributs["__proto__"]).toEqual(["a"]);
    expect(r.succes && r.attributs["constructor"]).toEqual(["b"]);
    expect(({} as Record<string, unknown>).a).toBeUndefined();
  });

  it("borne la profondeur et la taille du document", () => {
    expect(() => lireXml("<a>".repeat(40) + "</a>".repeat(40))).toThrow(/profond/);
    expect(() => lireXml(`<a>${"x".repeat(1_000_001)}</a>`)).toThrow(/volumineux/);
  });
});
