import { createHash, type Hash } from "node:crypto";
import { createReadStream } from "node:fs";

interface Etat {
  hash: Hash;
  octets: number;
}

/**
 * Garde, pour chaque téléversement en cours, l'état du sha256 des octets déjà reçus.
 * Une reprise (nouveau PATCH) continue le même calcul ; si l'état est perdu (redémarrage du serveur,
 * écriture interrompue), le préfixe déjà écrit sur le disque est relu et haché une seule fois.
 */
export class EmpreintesEnCours {
  readonly #etats = new Map<string, Etat>();
  /** Nombre d'octets relus du disque pour reconstruire un état perdu (mesure du coût des reprises). */
  octetsRelus = 0;

  /**
   * Rend le hash des `offset` premiers octets du fichier `chemin`, en le reconstruisant si besoin.
   *
   * @example
   * const hash = await empreintes.reprendre("abc", 0, "/data/televersements/abc");
   */
  async reprendre(id: string, offset: number, chemin: string): Promise<Hash> {
    const etat = this.#etats.get(id);
    if (etat && etat.octets === offset) return etat.hash;
    const hash = createHash("sha256");
    if (offset > 0) {
      const flux = createReadStream(chemin, { start: 0, end: offset - 1, highWaterMark: 1 << 20 });
      let lus = 0;
      for await (const morceau of flux) {
        hash.update(morceau as Buffer);
        lus += (morceau as Buffer).length;
      }
      if (lus !== offset) throw new Error(`préfixe incomplet : ${lus} octets lus, ${offset} attendus`);
      this.octetsRelus += lus;
    }
    this.#etats.set(id, { hash, octets: offset });
    return hash;
  }

  /**
   * Note que le hash de `id` couvre désormais `octets` octets.
   *
   * @example
   * empreintes.avancer("abc", 4096);
   */
  avancer(id: string, octets: number): void {
    const etat = this.#etats.get(id);
    if (etat) etat.octets = octets;
  }

  /**
   * Termine le calcul et renvoie le sha256 en hexadécimal ; l'état est oublié.
   *
   * @example
   * const sha256 = empreintes.terminer("abc");
   */
  terminer(id: string): string {
    const etat = this.#etats.get(id);
    if (!etat) throw new Error(`aucun calcul d'empreinte en cours pour ${id}`);
    this.#etats.delete(id);
    return etat.hash.digest("hex");
  }

  /**
   * Oublie l'état de `id` (écriture interrompue dont on ne sait plus ce qui est sur le disque).
   *
   * @example
   * empreintes.oublier("abc");
   */
  oublier(id: string): void {
    this.#etats.delete(id);
  }

  /** Nombre de calculs en cours. */
  get taille(): number {
    return this.#etats.size;
  }
}
