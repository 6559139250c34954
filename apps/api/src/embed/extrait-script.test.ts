import { describe, expect, it } from "vitest";
import { extraitScript, type ManifesteExtrait } from "./extrait-script.js";

const manifeste: ManifesteExtrait = {
  dossierVersion: "v0.1.0/",
  chargeurs: { module: "trousse.js" },
  widgets: { "trousse-rendre-devoir": { entree: "rendre-devoir.js", fichiers: ["rendre-devoir.js"] } },
  fichiers: {
    "trousse.js": { integrite: "sha384-chargeur" },
    "rendre-devoir.js": { integrite: "sha384-widget" },
  },
};

describe("extraitScript (/integrer)", () => {
  it("porte le module de l'élément lui-même (SRI), après le chargeur : il s'exécute avec les scripts différés de la page, sans attendre un import() du chargeur", () => {
    const lignes = extraitScript(
      manifeste,
      "https://t.exemple.fr",
      "rendre-devoir",
      ' ent-connexion="demo"',
    ).split("\n");
    expect(lignes).toEqual([
      '<link rel="modulepreload" href="https://t.exemple.fr/widgets/v0.1.0/rendre-devoir.js" integrity="sha384-widget" crossorigin="anonymous">',
      '<script type="module" src="https://t.exemple.fr/widgets/v0.1.0/trousse.js" integrity="sha384-chargeur" crossorigin="anonymous"></script>',
      '<script type="module" src="https://t.exemple.fr/widgets/v0.1.0/rendre-devoir.js" integrity="sha384-widget" crossorigin="anonymous"></script>',
      '<trousse-rendre-devoir ent-connexion="demo"></trousse-rendre-devoir>',
    ]);
  });

  it("sans manifeste (pas encore chargé) ou avec un manifeste sans `entree` : le chargeur seul, comme avant", () => {
    expect(extraitScript(null, "https://t.exemple.fr", "choisir-visio", "")).toBe(
      '<script type="module" src="https://t.exemple.fr/widgets/trousse.js"></script>\n<trousse-choisir-visio></trousse-choisir-visio>',
    );
    const ancien: ManifesteExtrait = {
      ...manifeste,
      widgets: { "trousse-rendre-devoir": { fichiers: ["rendre-devoir.js"] } },
    };
    expect(extraitScript(ancien, "", "rendre-devoir", "")).not.toContain(
      'src="/widgets/v0.1.0/rendre-devoir.js"',
    );
  });
});
