import { describe, expect, it } from "vitest";
import { getOutil, outils } from "./catalogue.js";
import { COLONNES_CSV, outilsEnCsv } from "./csv.js";
import type { Outil } from "./schema.js";

/** Petit lecteur RFC 4180 (guillemets doublés, séparateurs et sauts de ligne dans les cellules). */
function lireCsv(texte: string, sep: string): string[][] {
  const lignes: string[][] = [];
  let ligne: string[] = [];
  let cellule = "";
  let entreGuillemets = false;
  for (let i = 0; i < texte.length; i++) {
    const c = texte[i]!;
    if (entreGuillemets) {
      if (c === '"' && texte[i + 1] === '"') {
        cellule += '"';
        i++;
      } else if (c === '"') entreGuillemets = false;
      else cellule += c;
    } else if (c === '"') entreGuillemets = true;
    else if (c === sep) {
      ligne.push(cellule);
      cellule = "";
    } else if (c === "\r" && texte[i + 1] === "\n") {
      ligne.push(cellule);
      lignes.push(ligne);
      ligne = [];
      cellule = "";
      i++;
    } else cellule += c;
  }
  return lignes;
}

describe("outilsEnCsv", () => {
  it("commence par le BOM UTF-8, sépare par « ; » et finit chaque ligne par CRLF", () => {
    const csv = outilsEnCsv(outils);
    expect(csv.startsWith("\uFEFFid;nom;")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/(?<!")\n/);
  });

  it("une ligne par outil, autant de cellules que de colonnes, relisible sans perte", () => {
    const lignes = lireCsv(outilsEnCsv(outils).slice(1), ";");
    expect(lignes[0]).toEqual(COLONNES_CSV);
    expect(lignes).toHaveLength(outils.length + 1);
    for (const l of lignes) expect(l).toHaveLength(COLONNES_CSV.length);
    const col = (nom: string) => COLONNES_CSV.indexOf(nom);
    const via = lignes.find((l) => l[0] === "classe-virtuelle-via")!;
    expect(via[col("nom")]).toBe("Classe virtuelle VIA");
    expect(via[col("limites")]).toBe(
      "La version « Flash » n'est plus disponible il faudra télécharger l'application VIA et l'associer à l'ouverture de l'application",
    );
    expect(via[col("doctrine_rgpd")]).toBe("non-renseigne");
    const renavisio = lignes.find((l) => l[0] === "renavisio")!;
    expect(renavisio[col("participants_max")]).toBe("10");
    expect(renavisio[col("reservation_obligatoire")]).toBe("oui");
    expect(renavisio[col("limites")]).toBe("Réunions jusqu'à 10 personnes | Soumis à réservation");
    expect(lignes.find((l) => l[0] === "web-conference-ode")![col("ent_requis")]).toBe("ode");
  });

  it("met entre guillemets les cellules avec séparateur, guillemet ou saut de ligne", () => {
    const o: Outil = { ...getOutil("jitsi")!, nom: 'Nom ; avec "guillemets"\net saut' };
    const csv = outilsEnCsv([o], { bom: false });
    expect(csv).toContain('"Nom ; avec ""guillemets""\net saut"');
    expect(lireCsv(csv, ";")[1]![1]).toBe(o.nom);
  });

  it("sait produire un CSV séparé par des virgules et sans BOM", () => {
    const csv = outilsEnCsv([getOutil("filesender")!], { separateur: ",", bom: false });
    expect(csv.startsWith("id,nom,")).toBe(true);
    const [entete, ligne] = lireCsv(csv, ",");
    expect(ligne).toHaveLength(entete!.length);
    expect(ligne![COLONNES_CSV.indexOf("avantages")]).toBe("Envoi sécurisé de documents lourds");
  });

  it("rend seulement l'en-tête pour une liste vide", () => {
    expect(outilsEnCsv([], { bom: false })).toBe(COLONNES_CSV.join(";") + "\r\n");
  });
});
