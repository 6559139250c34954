import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { FileStore } from "@tus/file-store";
import { ERRORS, Upload, type Locker } from "@tus/server";
import { controlerContenu, OCTETS_A_EXAMINER } from "./controle-contenu.js";
import { EmpreintesEnCours } from "./empreintes-en-cours.js";
import { ErreurTeleversement } from "./erreur-televersement.js";
import { ecrireFichierAtomique, synchroniserFichier } from "./fsync.js";
import { InspectionPdf, inspecterDocument } from "./inspecter-document.js";
import type { RegistreTeleversements } from "./registre.js";
import type { ContraintesTeleversement, FamilleFichier, TeleversementTermine, TypeReconnu } from "./types.js";

export interface OptionsStoreTeleversements {
  /** Dossier des téléversements (dans le dossier de données). */
  dossier: string;
  /** Durée après laquelle un téléversement inachevé expire (défaut : 24 h). */
  expirationMs?: number;
  /** Durée après laquelle un fichier reçu mais jamais rendu est supprimé (défaut : 7 jours). */
  expirationTerminesMs?: number;
  /**
   * Où les envois en attente sont comptés (en base) : un envoi supprimé (annulé, refusé, expiré, consommé)
   * y est oublié. Sans registre, le magasin ne compte rien (outils et tests du magasin seul).
   */
  registre?: Pick<RegistreTeleversements, "liberer">;
  /**
   * Le verrou des envois, celui du serveur tus (partagé entre processus : `VerrouEnvoisPostgres`). Avec lui,
   * un envoi trouvé complet sur le disque mais jamais achevé (processus tué entre le dernier octet et
   * l'écriture de sa fin) est achevé par qui le rencontre (`lireTermine`) ; sans lui, il reste inachevé.
   */
  verrou?: Locker;
}

const JOUR = 24 * 60 * 60 * 1000;
const ID_VALIDE = /^[0-9a-f]{32}$/;

/** Lit les contraintes enregistrées dans les métadonnées d'un téléversement. */
function contraintesDe(upload: Upload): ContraintesTeleversement {
  const meta = upload.metadata ?? {};
  return {
    familles: (meta.familles ?? "").split(",").filter(Boolean) as FamilleFichier[],
    tailleMaxOctets: Number(meta.tailleMax ?? 0),
    nombreMax: Number(meta.nombreMax ?? 1),
  };
}

/**
 * Le magasin de fichiers des rendus : un `FileStore` de `@tus/file-store` qui, pendant le flux,
 * calcule le sha256 (repris d'un PATCH à l'autre), vérifie le type par octets magiques dès les premiers
 * octets, écrit sans jamais garder le fichier entier en mémoire, et synchronise (fsync) le fichier et
 * ses métadonnées avant d'accuser la fin de l'envoi.
 */
export class StoreTeleversements extends FileStore {
  readonly dossier: string;
  readonly empreintes = new EmpreintesEnCours();
  /**
   * L'inspection des PDF en cours d'envoi, au fil des octets écrits (comme le sha256) : à la fin, le fichier
   * n'est relu que si elle a été perdue (reprise par un autre processus, écriture interrompue).
   */
  readonly #inspections = new Map<string, InspectionPdf>();
  /** Nombre de PDF relus en entier à la fin pour être inspectés (mesure du coût des reprises). */
  inspectionsRelues = 0;
  readonly expirationTerminesMs: number;
  readonly #registre: Pick<RegistreTeleversements, "liberer"> | undefined;
  readonly #verrou: Locker | undefined;
  /** Nombre d'envois complets sur le disque mais jamais achevés, achevés par `lireTermine` (reprises après un arrêt brutal). */
  achevesApresCoupure = 0;

  constructor(options: OptionsStoreTeleversements) {
    super({ directory: options.dossier, expirationPeriodInMilliseconds: options.expirationMs ?? JOUR });
    // Pas d'envoi à taille différée : la taille annoncée est contrôlée avant tout octet. La découverte tus
    // (OPTIONS, `Tus-Extension`) ne l'annonce donc pas.
    this.extensions = this.extensions.filter((e) => e !== "creation-defer-length");
    this.dossier = options.dossier;
    this.expirationTerminesMs = options.expirationTerminesMs ?? 7 * JOUR;
    this.#registre = options.registre;
    this.#verrou = options.verrou;
  }

  /**
   * Crée le dossier des envois. (Les envois en attente sont comptés en base, pas dans ce processus :
   * voir `reconcilierTeleversements` pour ce qu'un arrêt brutal a laissé.)
   *
   * @example
   * const store = new StoreTeleversements({ dossier: "/data/televersements" });
   * await store.initialiser();
   */
  async initialiser(): Promise<void> {
    await mkdir(this.dossier, { recursive: true });
  }

  /**
   * Chemin du fichier d'un téléversement (l'id est vérifié : aucune traversée de dossier possible).
   *
   * @example
   * store.chemin("0123456789abcdef0123456789abcdef");
   */
  chemin(id: string): string {
    if (!ID_VALIDE.test(id)) throw ERRORS.FILE_NOT_FOUND;
    return path.join(this.dossier, id);
  }

  /**
   * Supprime un envoi : ses fichiers d'abord, puis sa ligne en base (un arrêt entre les deux laisse une
   * ligne sans fichier, que `reconcilierTeleversements` oublie ; jamais un fichier qui ne compterait plus).
   */
  override async remove(id: string): Promise<void> {
    this.empreintes.oublier(id);
    this.#inspections.delete(id);
    await rm(this.chemin(id), { force: true });
    await rm(path.join(this.dossier, `${id}.json`), { force: true });
    await this.#registre?.liberer([id]);
  }

  /**
   * Writes the bytes of a PATCH at `offset`. `lu`: the upload as the caller just read it under the upload's
   * lock (the native PATCH), so that it is not read from the disk a second time.
   */
  override async write(readable: Readable, id: string, offset: number, lu?: Upload): Promise<number> {
    const upload = lu?.id === id && lu.offset === offset ? lu : await this.getUpload(id);
    const taille = upload.size ?? 0;
    const chemin = this.chemin(id);
    const nom = upload.metadata?.nom ?? "";
    const contraintes = contraintesDe(upload);
    const hash = await this.empreintes.reprendre(id, offset, chemin);
    const besoin = Math.min(OCTETS_A_EXAMINER, taille);
    // Un PDF est inspecté pendant qu'il s'écrit, si l'inspection couvre déjà tout ce qui est sur le disque.
    let inspection = this.#inspections.get(id);
    if (offset === 0 && /\.pdf$/i.test(nom)) {
      inspection = new InspectionPdf(taille);
      this.#inspections.set(id, inspection);
    } else if (inspection && inspection.octets !== offset) {
      this.#inspections.delete(id);
      inspection = undefined;
    }

    // Tant que les premiers octets ne sont pas tous là, on les garde (au plus OCTETS_A_EXAMINER)
    // pour reconnaître le type avant d'écrire quoi que ce soit de nouveau.
    let prefixe: Buffer | null = offset < besoin ? await this.#lirePrefixe(chemin, offset) : null;
    // The type recognised from the first bytes in this very write: the end of the upload does not read them again.
    let reconnu: TypeReconnu | undefined;
    let recus = 0;
    // Tampons de 1 Mio de bout en bout (Node 20 : 16 Kio par défaut) : moins d'allers-retours de contre-pression.
    const controle = new Transform({
      highWaterMark: 1 << 20,
      transform(morceau: Buffer, _enc, suite) {
        hash.update(morceau);
        recus += morceau.length;
        if (prefixe === null) {
          inspection?.lire(morceau);
          return suite(null, morceau);
        }
        const dejaSurDisque = offset;
        prefixe = Buffer.concat([prefixe, morceau]);
        if (prefixe.length < besoin) return suite();
        try {
          reconnu = controlerContenu(nom, taille, prefixe.subarray(0, besoin), contraintes);
        } catch (erreur) {
          return suite(erreur as Error);
        }
        const aEcrire = prefixe.subarray(dejaSurDisque);
        prefixe = null;
        inspection?.lire(aEcrire);
        suite(null, aEcrire);
      },
      flush(suite) {
        // Flux coupé avant d'avoir tous les octets d'examen : on écrit ce qui est arrivé, l'examen
        // se fera à la reprise à partir du disque.
        if (prefixe !== null && prefixe.length > offset) {
          inspection?.lire(prefixe.subarray(offset));
          suite(null, prefixe.subarray(offset));
        } else suite();
      },
    });
    const ecriture = createWriteStream(chemin, { flags: "r+", start: offset, highWaterMark: 1 << 20 });
    try {
      await pipeline(readable, controle, ecriture);
    } catch (erreur) {
      if (erreur instanceof ErreurTeleversement) {
        await this.remove(id);
        throw erreur;
      }
      this.empreintes.oublier(id);
      this.#inspections.delete(id);
      // Corps plus long que la taille annoncée (coupé avant écriture) : 413, pas une erreur du serveur.
      if (erreur === ERRORS.ERR_SIZE_EXCEEDED) throw erreur;
      throw ERRORS.FILE_WRITE_ERROR;
    }
    const nouvelOffset = offset + recus;
    const surDisque = (await stat(chemin)).size;
    if (surDisque !== nouvelOffset) {
      this.empreintes.oublier(id);
      this.#inspections.delete(id);
      return surDisque;
    }
    this.empreintes.avancer(id, nouvelOffset);
    if (nouvelOffset === taille) {
      try {
        await this.#terminer(upload, chemin, contraintes, reconnu);
      } catch (erreur) {
        // Refusé à la fin (document actif, bombe zip…) : l'envoi est supprimé, sa place libérée.
        if (erreur instanceof ErreurTeleversement) await this.remove(id);
        throw erreur;
      }
    }
    return nouvelOffset;
  }

  /**
   * Les premiers octets (au plus `OCTETS_A_EXAMINER`) d'un téléversement, pour revérifier son type.
   *
   * @example
   * const debut = await store.lireDebut(id);
   */
  async lireDebut(id: string): Promise<Buffer> {
    return this.#lirePrefixe(this.chemin(id), OCTETS_A_EXAMINER);
  }

  async #lirePrefixe(chemin: string, octets: number): Promise<Buffer> {
    if (octets === 0) return Buffer.alloc(0);
    const fichier = await open(chemin, "r");
    try {
      const tampon = Buffer.alloc(octets);
      const { bytesRead } = await fichier.read(tampon, 0, octets, 0);
      return tampon.subarray(0, bytesRead);
    } finally {
      await fichier.close();
    }
  }

  async #terminer(
    upload: Upload,
    chemin: string,
    contraintes: ContraintesTeleversement,
    reconnu: TypeReconnu | undefined,
  ): Promise<void> {
    const taille = upload.size ?? 0;
    const type: TypeReconnu =
      reconnu ??
      controlerContenu(
        upload.metadata?.nom ?? "",
        taille,
        await this.#lirePrefixe(chemin, Math.min(OCTETS_A_EXAMINER, taille)),
        contraintes,
      );
    // Le document entier : scripts PDF, macros, programme intégré, bombe zip (voir inspecter-document.ts) ;
    // un PDF inspecté au fil de l'envoi n'est pas relu.
    const inspection = this.#inspections.get(upload.id);
    this.#inspections.delete(upload.id);
    if (type.extension === "pdf" && inspection?.octets !== taille) this.inspectionsRelues++;
    await inspecterDocument(chemin, taille, type, upload.metadata?.nom ?? "", inspection);
    const sha256 = this.empreintes.terminer(upload.id);
    await synchroniserFichier(chemin);
    const info = new Upload({
      id: upload.id,
      size: taille,
      offset: taille,
      creation_date: upload.creation_date,
      metadata: {
        ...upload.metadata,
        sha256,
        mime: type.mime,
        extension: type.extension,
        famille: type.famille,
        termineLe: new Date().toISOString(),
      },
    });
    // Le contenu est synchronisé ci-dessus : c'est lui qu'un accusé de réception garantit. Les métadonnées
    // (sha256, type) sont écrites atomiquement sans fsync : perdues par une panne du système, l'envoi serait
    // simplement à refaire, jamais accusé à tort (le rendu relie le fichier ailleurs et synchronise ce dossier).
    await ecrireFichierAtomique(path.join(this.dossier, `${upload.id}.json`), JSON.stringify(info), {
      durable: false,
    });
  }

  /**
   * Le téléversement `id` s'il est entièrement reçu, haché et synchronisé ; sinon null.
   *
   * @example
   * const t = await store.lireTermine(id); // → { sha256, taille, nom, … } | null
   */
  async lireTermine(id: string): Promise<TeleversementTermine | null> {
    if (!ID_VALIDE.test(id)) return null;
    let info = await this.configstore.get(id);
    if (!info) return null;
    const chemin = this.chemin(id);
    const tailleSurDisque = () =>
      stat(chemin).then(
        (s) => s.size,
        () => -1,
      );
    let taille = await tailleSurDisque();
    // Every byte is on the disk but the end was never written: its process died between the two (the client,
    // told offset = size by HEAD, will never send anything again). Finish it here, from the bytes on disk.
    if (!info.metadata?.sha256 && info.size !== undefined && info.size > 0 && taille === info.size) {
      info = await this.#acheverApresCoupure(id, chemin);
      if (!info) return null;
      taille = await tailleSurDisque();
    }
    const meta = info.metadata;
    if (!meta?.sha256 || !meta.mime || !meta.famille) return null;
    if (taille !== info.size) return null;
    return {
      id,
      nom: meta.nom ?? "",
      devoirId: meta.devoir ?? "",
      proprietaireId: meta.proprietaire ?? "",
      taille,
      sha256: meta.sha256,
      mime: meta.mime,
      extension: meta.extension ?? "",
      famille: meta.famille as FamilleFichier,
      chemin,
      termineLe: meta.termineLe ?? "",
    };
  }

  /**
   * Achève, sous le verrou de l'envoi, un envoi complet sur le disque dont la fin n'a jamais été écrite :
   * sha256 et type relus du disque, document inspecté, fichier synchronisé, fin écrite — ce qu'aurait fait le
   * dernier PATCH. Sous le verrou, un PATCH encore en train de l'achever (autre processus vivant) finit
   * d'abord, et sa fin est alors simplement relue. Un contenu refusé (document actif…) supprime l'envoi et
   * lève l'erreur, comme à la fin d'un envoi.
   */
  async #acheverApresCoupure(id: string, chemin: string): Promise<Upload | undefined> {
    if (!this.#verrou) return undefined;
    const verrou = this.#verrou.newLock(id);
    // Every byte is already there: a PATCH asked to let go has nothing left to receive.
    await verrou.lock(new AbortController().signal, async () => undefined);
    try {
      const upload = await this.getUpload(id).catch(() => undefined);
      if (!upload?.metadata || upload.metadata.sha256) return upload;
      const taille = upload.size ?? 0;
      if (upload.offset !== taille || taille === 0) return upload;
      await this.empreintes.reprendre(id, taille, chemin);
      try {
        await this.#terminer(upload, chemin, contraintesDe(upload), undefined);
      } catch (erreur) {
        this.empreintes.oublier(id);
        if (erreur instanceof ErreurTeleversement) await this.remove(id);
        throw erreur;
      }
      this.achevesApresCoupure++;
      return await this.configstore.get(id);
    } finally {
      await verrou.unlock().catch(() => undefined);
    }
  }

  /**
   * Supprime les téléversements inachevés expirés, les fichiers reçus jamais rendus trop anciens et
   * les fichiers orphelins laissés par un arrêt brutal. Renvoie le nombre de téléversements supprimés.
   *
   * @example
   * const n = await store.deleteExpired();
   */
  override async deleteExpired(): Promise<number> {
    const maintenant = Date.now();
    const noms = await readdir(this.dossier);
    const avecInfo = new Set(noms.filter((n) => n.endsWith(".json")).map((n) => n.slice(0, -5)));
    let supprimes = 0;
    for (const id of avecInfo) {
      const info = await this.configstore.get(id);
      const cree = info?.creation_date ? new Date(info.creation_date).getTime() : 0;
      const termine = Boolean(info?.metadata?.sha256);
      const limite = cree + (termine ? this.expirationTerminesMs : this.getExpiration());
      if (!info || maintenant > limite) {
        await this.remove(id);
        supprimes++;
      }
    }
    for (const nom of noms) {
      if (!ID_VALIDE.test(nom) || avecInfo.has(nom)) continue;
      const chemin = path.join(this.dossier, nom);
      const age = maintenant - (await stat(chemin)).mtimeMs;
      if (age > this.getExpiration()) {
        await rm(chemin, { force: true });
        supprimes++;
      }
    }
    return supprimes;
  }
}
