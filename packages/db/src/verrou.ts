import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { ErreurDb } from "./erreurs.js";

/** An exclusive lock held on a data folder; `liberer()` is idempotent. */
export interface Verrou {
  readonly chemin: string;
  liberer(): void;
}

function processusVivant(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function lireProprietaire(chemin: string): { pid: number; hote: string } | null {
  try {
    const [pid, hote] = readFileSync(chemin, "utf8").split("\n");
    const n = Number(pid);
    return Number.isInteger(n) && n > 0 ? { pid: n, hote: hote ?? "" } : null;
  } catch {
    return null;
  }
}

/**
 * Takes the exclusive lock file `chemin` (created with O_EXCL, holding the pid and host name).
 * A lock left by a dead process on this host is stale and taken over; a live owner makes it throw
 * `ErreurDb("donnees-verrouillees")`.
 *
 * @example
 * const verrou = prendreVerrou("/srv/trousse/trousse.lock", "/srv/trousse");
 * try { … } finally { verrou.liberer(); }
 */
export function prendreVerrou(chemin: string, dossier: string): Verrou {
  for (let essai = 0; essai < 2; essai++) {
    let fd: number;
    try {
      fd = openSync(chemin, "wx", 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const proprietaire = lireProprietaire(chemin);
      const perime =
        proprietaire !== null && proprietaire.hote === hostname() && !processusVivant(proprietaire.pid);
      if (perime && essai === 0) {
        rmSync(chemin, { force: true });
        continue;
      }
      const qui = proprietaire ? ` (pid ${proprietaire.pid} sur ${proprietaire.hote || "?"})` : "";
      throw new ErreurDb(
        "donnees-verrouillees",
        `Le dossier de données « ${dossier} » est déjà utilisé par un autre processus Trousse${qui}. ` +
          `PGlite ne sert qu'un seul processus à la fois : arrêtez l'autre processus, choisissez un autre dossier ` +
          `avec TROUSSE_DATA_DIR, ou passez à PostgreSQL avec DATABASE_URL pour lancer plusieurs processus. ` +
          `Si aucun processus Trousse ne tourne, supprimez le fichier « ${chemin} ».`,
      );
    }
    writeSync(fd, `${process.pid}\n${hostname()}\n${new Date().toISOString()}\n`);
    closeSync(fd);
    let libere = false;
    const liberer = (): void => {
      if (libere) return;
      libere = true;
      process.off("exit", liberer);
      const p = lireProprietaire(chemin);
      if (p?.pid === process.pid) rmSync(chemin, { force: true });
    };
    // Last resort if the process exits without closing the database.
    process.on("exit", liberer);
    return { chemin, liberer };
  }
  /* c8 ignore next */
  throw new ErreurDb(
    "donnees-verrouillees",
    `Impossible de verrouiller le dossier de données « ${dossier} ».`,
  );
}
