import { INSECABLE as _ } from "@trousse/rules";
import { describe, expect, it } from "vitest";
import { verifierAvantEnvoi } from "./verifier-avant-envoi.js";

const contraintes = { familles: ["document"] as const, tailleMaxOctets: 1024 * 1024 };
const fichier = (contenu: BlobPart[], nom: string) => new File(contenu, nom);

describe("verifierAvantEnvoi (règles de @trousse/rules, dans le navigateur)", () => {
  it("accepte un PDF reconnu par son contenu", async () => {
    expect(await verifierAvantEnvoi(fichier(["%PDF-1.7\n1 0 obj\n"], "devoir.pdf"), contraintes)).toBeNull();
  });

  it("refuse un exécutable renommé en .pdf, avec le message français des règles", async () => {
    const mz = new Uint8Array(256);
    mz.set([0x4d, 0x5a]);
    const r = await verifierAvantEnvoi(fichier([mz], "devoir.pdf"), contraintes);
    expect(r).toEqual({
      nom: "devoir.pdf",
      code: "fichier-executable",
      message: `Le fichier «${_}devoir.pdf${_}» est un programme : seuls les documents sont acceptés.`,
    });
  });

  it("refuse un nom qui cache un contrôle de direction (« facture\\u202Egpj.exe »), message sans le piège", async () => {
    const r = await verifierAvantEnvoi(fichier(["%PDF-1.7\n1 0 obj\n"], "facture\u202Egpj.exe"), contraintes);
    expect(r?.code).toBe("nom-invalide");
    expect(r?.message).toMatch(/sens d'écriture/);
    expect(r?.message).not.toContain("\u202E");
  });

  it("refuse un texte nommé .html (extension-incoherente) en disant ce qu'est le fichier", async () => {
    const r = await verifierAvantEnvoi(fichier(["Mon exposé.\n"], "exposé.html"), contraintes);
    expect(r).toEqual({
      nom: "exposé.html",
      code: "extension-incoherente",
      message:
        `Le fichier «${_}exposé.html${_}» est en réalité un document (TXT) : son extension «${_}.html${_}» ne ` +
        `correspond pas à son contenu. Renommez-le en «${_}exposé.txt${_}», ou ouvrez-le et enregistrez-le de ` +
        "nouveau au bon format.",
    });
  });

  it("refuse un fichier trop gros avant tout envoi", async () => {
    const gros = new Uint8Array(2 * 1024 * 1024);
    gros.set(new TextEncoder().encode("%PDF-1.7\n"));
    const r = await verifierAvantEnvoi(fichier([gros], "gros.pdf"), contraintes);
    expect(r?.code).toBe("fichier-trop-gros");
    expect(r?.message).toBe(
      `Le fichier «${_}gros.pdf${_}» pèse 2${_}Mo : la limite est de 1${_}Mo par fichier.`,
    );
  });
});
