import type { Coins, QuartsDeTour } from "./geometrie.js";

/** A page as kept in IndexedDB: the photo as taken, the pupil's settings, and the page made from them. */
export interface PageGardee {
  id: string;
  devoirId: string;
  photo: Blob;
  nom: string;
  rotation: QuartsDeTour;
  coins: Coins;
  /** The straightened A4 page (JPEG) and its pixel size, once made. */
  jpeg?: Blob;
  largeur?: number;
  hauteur?: number;
}

/** The order of an assignment's pages and the « document » choice. */
interface Copie {
  devoirId: string;
  ids: string[];
  document: boolean;
}

const BASE = "trousse-scan";
let ouverture: Promise<IDBDatabase> | undefined;

const requete = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((ok, ko) => {
    r.onsuccess = () => ok(r.result);
    r.onerror = () => ko(r.error);
  });

function base(): Promise<IDBDatabase> {
  ouverture ??= new Promise<IDBDatabase>((ok, ko) => {
    const r = indexedDB.open(BASE, 1);
    r.onupgradeneeded = () => {
      r.result.createObjectStore("pages", { keyPath: "id" });
      r.result.createObjectStore("copies", { keyPath: "devoirId" });
    };
    r.onsuccess = () => ok(r.result);
    r.onerror = () => ko(r.error);
  }).catch((e: unknown) => {
    ouverture = undefined;
    throw e;
  });
  return ouverture;
}

async function transaction<T>(
  mode: IDBTransactionMode,
  travail: (pages: IDBObjectStore, copies: IDBObjectStore) => Promise<T> | T,
): Promise<T> {
  const t = (await base()).transaction(["pages", "copies"], mode);
  const fini = new Promise<void>((ok, ko) => {
    t.oncomplete = () => ok();
    t.onabort = t.onerror = () => ko(t.error);
  });
  const r = await travail(t.objectStore("pages"), t.objectStore("copies"));
  await fini;
  return r;
}

/**
 * The pages kept for an assignment, in the pupil's order, and the « document » choice (true when nothing
 * was kept yet).
 *
 * @example
 * const { pages, document } = await lirePages(devoirId);
 */
export async function lirePages(devoirId: string): Promise<{ pages: PageGardee[]; document: boolean }> {
  return transaction("readonly", async (pages, copies) => {
    const copie = (await requete(copies.get(devoirId))) as Copie | undefined;
    if (!copie) return { pages: [], document: true };
    const lues = await Promise.all(
      copie.ids.map((id) => requete(pages.get(id)) as Promise<PageGardee | undefined>),
    );
    return { pages: lues.filter((p): p is PageGardee => !!p), document: copie.document };
  });
}

/**
 * Saves the order and choice, and the given pages (only those that changed: a reorder rewrites no photo);
 * pages no longer listed are deleted.
 *
 * @example
 * await garderPages(devoirId, pages, true, [pageModifiee]);
 */
export async function garderPages(
  devoirId: string,
  ordre: readonly PageGardee[],
  document: boolean,
  modifiees: readonly PageGardee[] = [],
): Promise<void> {
  await transaction("readwrite", async (pages, copies) => {
    const avant = (await requete(copies.get(devoirId))) as Copie | undefined;
    const ids = ordre.map((p) => p.id);
    for (const id of avant?.ids ?? []) if (!ids.includes(id)) pages.delete(id);
    for (const p of modifiees) pages.put(p);
    copies.put({ devoirId, ids, document } satisfies Copie);
  });
}

/**
 * Forgets an assignment's pages (after the hand-in, or when the pupil discards them).
 *
 * @example
 * await effacerPages(devoirId);
 */
export async function effacerPages(devoirId: string): Promise<void> {
  await garderPages(devoirId, [], true);
  await transaction("readwrite", (_pages, copies) => void copies.delete(devoirId));
}
