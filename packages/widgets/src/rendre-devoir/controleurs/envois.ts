import type { ReactiveController } from "lit";
import { televerser, type OptionsEnvoi } from "../televerser.js";
import type { Devoir } from "../types-api.js";
import { nomDistinct } from "../noms-distincts.js";
import { palierAnnonce } from "../palier-annonce.js";
import type { ApiControleur } from "./api.js";
import type { HoteRendreDevoir } from "./hote.js";
import { jetonDe } from "./coffre-session.js";

/** One picked file and where its upload stands. */
export interface Envoi {
  cle: number;
  nom: string;
  /** The picked file itself (for a thumbnail, a retry…). */
  fichier: File;
  pourcent: number;
  /** `attente`: the server is busy (503), the upload resumes by itself after `Retry-After`. */
  etat: "envoi" | "reprise" | "attente" | "termine" | "refuse" | "erreur";
  message?: string;
  /** The upload id, once the server has the whole file. */
  id?: string;
  /** A small thumbnail of an image (a `data:` URL: host pages' CSPs allow it more often than `blob:`). */
  apercu?: string;
  dernierPalier: number;
  /** The file's SHA-256 (hex), computed in the browser as soon as it is checked: what « Rendre » commits to. */
  empreinte?: Promise<string>;
  /** Resolves with the upload id when the whole file is on the server (rejects if the upload fails). */
  fin?: Promise<string>;
}

/** The function that puts one checked file on the wire (tus by default; replaceable in tests). */
export type Televerseur = (o: OptionsEnvoi) => Promise<string>;

/**
 * THE upload path of the pupil's hand-in — every way a file arrives (file picker, drag and drop, camera,
 * scan mode) calls {@link EnvoisControleur.ajouter}; every checked file leaves through
 * {@link EnvoisControleur.televerserUn}. Each file is checked in the browser with the server's own rules
 * (nothing refused is sent), then uploaded (tus, resumable) with its own progress bar, progress announced
 * every 10 %.
 *
 * Seams for what plugs in: `ajouter(fichiers, devoir)` takes any `File[]` (a scan builds one);
 * `televerserUn` is the one place a file goes to the server (hashing, commitment, back-off wrap it).
 *
 * @example
 * ```ts
 * const envois = new EnvoisControleur(element, api);
 * await envois.ajouter(input.files, devoir);
 * envois.idsTermines(); // what « Rendre le devoir » sends
 * ```
 */
export class EnvoisControleur implements ReactiveController {
  envois: Envoi[] = [];
  /** True once the pupil's commitment is recorded (« Rendre » pressed): the busy message says so. */
  horodate = false;
  private cle = 0;

  constructor(
    private readonly hote: HoteRendreDevoir,
    private readonly api: ApiControleur,
    private readonly televerseur: Televerseur = televerser,
  ) {
    hote.addController(this);
  }

  hostConnected(): void {}

  private maj(): void {
    this.hote.requestUpdate();
  }

  /** The files that are entirely on the server, in the order picked. */
  termines(): Envoi[] {
    return this.envois.filter((e) => e.etat === "termine" && e.id);
  }

  /** Their upload ids, for the hand-in. */
  idsTermines(): string[] {
    return this.termines().map((e) => e.id!);
  }

  /** True while at least one file is still going up. */
  get enAttente(): boolean {
    return this.envois.some((e) => e.etat === "envoi" || e.etat === "reprise" || e.etat === "attente");
  }

  /** The files that will be handed in: uploaded or still going up (not refused, not failed). */
  actifs(): Envoi[] {
    return this.envois.filter((e) => e.etat !== "refuse" && e.etat !== "erreur");
  }

  /** Forgets every file (after a hand-in, a change of assignment, a sign-out). */
  vider(): void {
    this.envois = [];
    this.horodate = false;
    this.maj();
  }

  /** Removes one file from the list (a finished upload is simply not handed in). */
  retirer(e: Envoi): void {
    this.envois = this.envois.filter((x) => x !== e);
    this.maj();
  }

  /** Checks then uploads the picked files, each with its own progress bar. */
  async ajouter(fichiers: FileList | File[] | null | undefined, devoir: Devoir | undefined): Promise<void> {
    if (!devoir || !fichiers) return;
    for (const choisi of Array.from(fichiers)) {
      // Two files with one name (two phone photos « image.jpg ») get distinct names, for the pupil and,
      // since the upload carries the name, for the teacher.
      const nom = nomDistinct(
        choisi.name,
        this.envois.filter((e) => e.etat !== "refuse" && e.etat !== "erreur").map((e) => e.nom),
      );
      const fichier =
        nom === choisi.name
          ? choisi
          : new File([choisi], nom, { type: choisi.type, lastModified: choisi.lastModified });
      const envoi: Envoi = {
        cle: ++this.cle,
        nom,
        fichier,
        pourcent: 0,
        etat: "envoi",
        dernierPalier: 0,
      };
      const actifs = this.envois.filter((e) => e.etat !== "refuse" && e.etat !== "erreur").length;
      this.envois = [...this.envois, envoi];
      const refus =
        actifs >= devoir.contraintes.nombreMax
          ? this.hote.t.tropDeFichiers(devoir.contraintes.nombreMax)
          : (
              await (
                await import("../verifier-avant-envoi.js")
              ).verifierAvantEnvoi(fichier, devoir.contraintes)
            )?.message;
      if (refus) {
        Object.assign(envoi, { etat: "refuse", message: refus });
        this.api.annoncer(refus);
        continue;
      }
      this.maj();
      // Hashed while it goes up (a lazily loaded module): « Rendre » then commits to it at once.
      envoi.empreinte = import("../empreinte-sha256.js").then((m) => m.empreinteFichier(fichier));
      envoi.empreinte.catch(() => undefined);
      void vignette(fichier).then((apercu) => {
        if (apercu) {
          envoi.apercu = apercu;
          this.maj();
        }
      });
      envoi.fin = this.televerserUn(envoi, devoir);
      envoi.fin.then(
        (id) => {
          Object.assign(envoi, { id, etat: "termine", pourcent: 100 });
          this.api.annoncer(this.hote.t.envoiTermine(envoi.nom));
        },
        (e: unknown) => {
          Object.assign(envoi, { etat: "erreur", message: e instanceof Error ? e.message : String(e) });
          this.api.annoncer(envoi.message ?? "");
        },
      );
    }
  }

  /** Uploads one checked file; resolves with its upload id. The one place a file goes to the server. */
  protected televerserUn(envoi: Envoi, devoir: Devoir): Promise<string> {
    const t = this.hote.t;
    return this.televerseur({
      api: this.hote.baseApi,
      jeton: () => jetonDe(this.api),
      devoirId: devoir.id,
      fichier: envoi.fichier,
      onProgres: ({ envoyes, total }) => {
        envoi.pourcent = total ? Math.floor((envoyes / total) * 100) : 0;
        envoi.etat = "envoi";
        const palier = palierAnnonce(envoi.pourcent, envoi.dernierPalier);
        if (palier !== null) {
          envoi.dernierPalier = palier;
          this.api.annoncer(t.envoi(envoi.nom, palier));
        }
        this.maj();
      },
      onReprise: () => {
        envoi.etat = "reprise";
        this.api.annoncer(t.reprise(envoi.nom));
      },
      onOccupe: (secondes) => {
        envoi.etat = "attente";
        envoi.message = t.occupe(secondes, this.horodate);
        this.api.annoncer(envoi.message);
        this.maj();
      },
    });
  }
}

/**
 * A 96 px wide thumbnail of an image (a picked file, or a handed-in image the teacher's follow-up fetched),
 * decoded and drawn again as a JPEG `data:` address: what is shown is never the original bytes. `undefined`
 * when it is not an image or the browser cannot decode it.
 */
export async function vignette(fichier: Blob): Promise<string | undefined> {
  if (!fichier.type.startsWith("image/") || typeof createImageBitmap !== "function") return undefined;
  try {
    const image = await createImageBitmap(fichier, { resizeWidth: 96, resizeQuality: "medium" });
    const toile = document.createElement("canvas");
    toile.width = image.width;
    toile.height = image.height;
    toile.getContext("2d")?.drawImage(image, 0, 0);
    image.close();
    return toile.toDataURL("image/jpeg", 0.7);
  } catch {
    return undefined;
  }
}
