/** Un flux d'objets PDF (`/Type /ObjStm`) capturé : ses octets bruts et ses filtres, dans l'ordre. */
export interface FluxObjetsPdf {
  octets: Uint8Array;
  filtres: string[];
}

/** Ce que l'analyse a trouvé : une action active, ou un flux d'objets trop grand pour être examiné. */
export type ConstatPdf = "script-pdf" | "lancement-pdf" | "flux-trop-grand";

/**
 * Noms PDF (après décodage des `#xx`) qui désignent une action active. Une `Map` : dans un objet littéral,
 * `/toString` ou `/constructor` trouvaient une propriété héritée et un PDF ordinaire était refusé.
 */
const ACTIFS = new Map<string, ConstatPdf>([
  ["JavaScript", "script-pdf"],
  ["JS", "script-pdf"],
  ["Launch", "lancement-pdf"],
]);

const enum Etat {
  Normal,
  Commentaire,
  Chaine,
  Chevron,
  ChaineHex,
  Nom,
  Mot,
  FinLigneFlux,
  Flux,
}

/** Classe de chaque octet : 0 ordinaire, 1 espace, 2 délimiteur (une table : l'analyse lit chaque octet). */
const CLASSE = new Uint8Array(256);
for (const b of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASSE[b] = 1;
for (const b of [0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]) CLASSE[b] = 2;
const FIN_FLUX = Array.from("endstream", (c) => c.charCodeAt(0));

const decoderNom = (brut: string): string =>
  brut.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/**
 * Analyse un PDF **au fil de ses octets** (morceau par morceau, mémoire bornée), sans l'interpréter : un
 * découpage en jetons qui saute les commentaires, les chaînes (littérales, avec échappements et parenthèses
 * imbriquées, et hexadécimales) et le contenu des flux, et décode les noms (`/J#61vaScript` est `/JavaScript`).
 * Il signale le premier nom d'action active (`/JavaScript`, `/JS`, `/Launch`) hors chaînes et hors flux.
 * Les flux d'objets (`/Type /ObjStm`, où un PDF récent range ses dictionnaires, compressés) sont capturés
 * (au plus `captureMax` octets, sinon `flux-trop-grand`) et remis à `surFluxObjets` : à l'appelant de les
 * décompresser et d'analyser leur contenu avec un autre `AnalyseurPdf` (les règles ne font pas d'entrée-sortie
 * ni de décompression). Ne lève jamais.
 *
 * Ce qui n'est pas couvert : un dictionnaire d'action dans un flux ordinaire (contenu de page) n'est pas une
 * action pour un lecteur PDF et n'est pas cherché ; le code JavaScript d'un formulaire XFA (`<script>` dans
 * le flux XFA) non plus.
 *
 * @example
 * const a = new AnalyseurPdf();
 * a.lire(new TextEncoder().encode("1 0 obj << /S /J#61vaScript /JS (app.alert(1)) >> endobj"));
 * a.constat; // "script-pdf"
 */
export class AnalyseurPdf {
  /** Le premier constat, ou `null`. */
  constat: ConstatPdf | null = null;
  /** Vrai si le document est chiffré (`/Encrypt`) : ses flux d'objets ne se décompressent pas sans la clé. */
  chiffre = false;
  readonly #surFluxObjets: ((flux: FluxObjetsPdf) => void) | undefined;
  readonly #captureMax: number;
  #etat: Etat = Etat.Normal;
  #profondeur = 0;
  #echappe = false;
  #jeton = "";
  /** Noms vus depuis le dernier mot-clé `obj` (le dictionnaire de l'objet en cours). */
  #nomsObjet: string[] = [];
  #fin = 0;
  #capture: Uint8Array[] | null = null;
  #tailleCapture = 0;

  constructor(options: { surFluxObjets?: (flux: FluxObjetsPdf) => void; captureMax?: number } = {}) {
    this.#surFluxObjets = options.surFluxObjets;
    this.#captureMax = options.captureMax ?? 16 * 1024 * 1024;
  }

  /**
   * Lit le morceau suivant du fichier.
   *
   * @example
   * for await (const morceau of flux) { analyseur.lire(morceau); if (analyseur.constat) break; }
   */
  lire(octets: Uint8Array): void {
    let i = 0;
    while (i < octets.length && this.constat === null) {
      if (this.#etat === Etat.Flux) {
        i = this.#lireFlux(octets, i);
        continue;
      }
      const b = octets[i] as number;
      i++;
      switch (this.#etat) {
        case Etat.Commentaire:
          if (b === 0x0a || b === 0x0d) this.#etat = Etat.Normal;
          break;
        case Etat.Chevron:
          // « << » ouvre un dictionnaire ; « < » suivi d'autre chose, une chaîne hexadécimale.
          this.#etat = b === 0x3c ? Etat.Normal : b === 0x3e ? Etat.Normal : Etat.ChaineHex;
          break;
        case Etat.ChaineHex:
          if (b === 0x3e) this.#etat = Etat.Normal;
          break;
        case Etat.FinLigneFlux:
          // Après « stream » : CRLF ou LF, puis les données.
          if (b === 0x0d) break;
          if (b !== 0x0a) i--;
          this.#etat = Etat.Flux;
          break;
        case Etat.Nom:
        case Etat.Mot: {
          // Boucle serrée jusqu'à la fin du jeton ; un mot-clé utile (« obj », « stream ») est court : on ne
          // garde que ses 7 premiers caractères (127 pour un nom).
          const garder = this.#etat === Etat.Nom ? 127 : 7;
          let j = i - 1;
          let jeton = this.#jeton;
          while (j < octets.length && CLASSE[octets[j] as number] === 0) {
            if (jeton.length < garder) jeton += String.fromCharCode(octets[j] as number);
            j++;
          }
          this.#jeton = jeton;
          i = j;
          if (j < octets.length) this.#finirJeton();
          break;
        }
        case Etat.Chaine: {
          let j = i - 1;
          let profondeur = this.#profondeur;
          let echappe = this.#echappe;
          for (; j < octets.length; j++) {
            const c = octets[j] as number;
            if (echappe) echappe = false;
            else if (c === 0x5c) echappe = true;
            else if (c === 0x28) profondeur++;
            else if (c === 0x29 && --profondeur === 0) {
              this.#etat = Etat.Normal;
              j++;
              break;
            }
          }
          this.#profondeur = profondeur;
          this.#echappe = echappe;
          i = j;
          break;
        }
        default:
          this.#normal(b);
      }
    }
  }

  #normal(b: number): void {
    if (b === 0x25) this.#etat = Etat.Commentaire;
    else if (b === 0x28) {
      this.#etat = Etat.Chaine;
      this.#profondeur = 1;
      this.#echappe = false;
    } else if (b === 0x3c) this.#etat = Etat.Chevron;
    else if (b === 0x2f) {
      this.#etat = Etat.Nom;
      this.#jeton = "";
    } else if (CLASSE[b] === 0) {
      this.#etat = Etat.Mot;
      this.#jeton = String.fromCharCode(b);
    }
  }

  #finirJeton(): void {
    const jeton = this.#jeton;
    const etait = this.#etat;
    this.#etat = Etat.Normal;
    this.#jeton = "";
    if (etait === Etat.Nom) {
      const nom = decoderNom(jeton);
      const actif = ACTIFS.get(nom);
      if (actif) this.constat = actif;
      if (nom === "Encrypt") this.chiffre = true;
      if (this.#nomsObjet.length < 256) this.#nomsObjet.push(nom);
      return;
    }
    if (jeton === "obj") this.#nomsObjet = [];
    else if (jeton === "stream") {
      const objets = this.#nomsObjet.includes("ObjStm");
      this.#capture = objets && this.#surFluxObjets ? [] : null;
      this.#tailleCapture = 0;
      this.#fin = 0;
      this.#etat = Etat.FinLigneFlux;
    }
  }

  /** Dans les données d'un flux : cherche « endstream » (capture les octets d'un flux d'objets). */
  #lireFlux(octets: Uint8Array, debut: number): number {
    let i = debut;
    while (i < octets.length) {
      if (this.#fin === 0) {
        const e = octets.indexOf(0x65, i);
        if (e === -1) {
          this.#capturer(octets.subarray(debut, octets.length));
          return octets.length;
        }
        i = e;
      }
      const b = octets[i] as number;
      if (b === FIN_FLUX[this.#fin]) {
        this.#fin++;
        i++;
        if (this.#fin === FIN_FLUX.length) {
          this.#capturer(octets.subarray(debut, i));
          this.#terminerFlux();
          return i;
        }
      } else {
        this.#fin = b === 0x65 ? 1 : 0;
        i++;
      }
    }
    this.#capturer(octets.subarray(debut, i));
    return i;
  }

  #capturer(morceau: Uint8Array): void {
    if (!this.#capture || morceau.length === 0) return;
    this.#tailleCapture += morceau.length;
    if (this.#tailleCapture > this.#captureMax + FIN_FLUX.length) {
      this.constat = "flux-trop-grand";
      this.#capture = null;
      return;
    }
    this.#capture.push(morceau.slice());
  }

  #terminerFlux(): void {
    this.#etat = Etat.Normal;
    this.#fin = 0;
    const capture = this.#capture;
    this.#capture = null;
    if (!capture || !this.#surFluxObjets) return;
    const tout = new Uint8Array(this.#tailleCapture);
    let o = 0;
    for (const m of capture) {
      tout.set(m, o);
      o += m.length;
    }
    // Sans « endstream » ni la fin de ligne qui le précède.
    let fin = tout.length - FIN_FLUX.length;
    if (tout[fin - 1] === 0x0a) fin--;
    if (tout[fin - 1] === 0x0d) fin--;
    const filtres = this.#nomsObjet.filter((n) => n.endsWith("Decode") || n === "Fl" || n === "AHx");
    this.#surFluxObjets({ octets: tout.subarray(0, Math.max(0, fin)), filtres });
  }
}
