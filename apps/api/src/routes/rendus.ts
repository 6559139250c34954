import { and, desc, eq } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import {
  devoirs,
  fichiersRendu,
  rendus,
  retours,
  type TrousseDb,
  type UtilisateurConnecte,
} from "@trousse/db";
import { formaterDateParis, nettoyerNomFichier } from "@trousse/rules";
import {
  chargerDevoir,
  estUuid,
  exigerAuteur,
  groupeDe,
  relationAuDevoir,
  type LigneDevoir,
} from "../devoirs/acces.js";
import { horloge, type DepsDevoirs, type EnvSession } from "../devoirs/deps.js";
import { corpsAttendu } from "../devoirs/corps-attendu.js";
import { erreurApi, repondreErreurApi } from "../devoirs/erreur-api.js";
import { validerCorps, lireJson } from "../devoirs/saisie-devoir.js";
import { statutEleve } from "../devoirs/vue-devoir.js";
import { entreesArchive } from "../rendus/archive-rendus.js";
import { fichiersDesRendus, idTusVersUuid } from "../rendus/rendre.js";
import { rendreRejouable } from "../rendus/rendre-rejouable.js";
import { suiviDevoir } from "../rendus/suivi.js";
import { dispositionPieceJointe, journaliser, servirFichier } from "../rendus/telechargement.js";
import { creerZip } from "../rendus/zip-stream.js";
import { Readable } from "node:stream";

/** Corps de `POST /devoirs/:id/rendre` (aussi le schéma du document OpenAPI). */
export const rendreSchema = z.object({
  televersements: z
    .array(z.string(), { error: "televersements doit être la liste des identifiants de vos envois." })
    .max(20),
  declarationCochee: z.boolean().default(false),
});

/** Corps de `POST /rendus/:id/retour` (aussi le schéma du document OpenAPI). */
export const retourSchema = z.object({
  commentaire: z
    .string()
    .trim()
    .max(20_000, { error: "Le commentaire dépasse 20 000 caractères." })
    .default(""),
  televersement: z.string().nullable().optional(),
});

const INTROUVABLE = (): Error =>
  erreurApi(404, "rendu-introuvable", "Ce rendu n'existe pas ou ne vous est pas accessible.");

/** Charge une version de rendu et son devoir, et vérifie que l'utilisateur est l'élève auteur ou l'enseignant du devoir. */
async function chargerRendu(db: TrousseDb, id: string, u: UtilisateurConnecte) {
  if (!estUuid(id)) throw INTROUVABLE();
  const [ligne] = await db
    .select({ r: rendus, d: devoirs })
    .from(rendus)
    .innerJoin(devoirs, eq(devoirs.id, rendus.devoirId))
    .where(eq(rendus.id, id));
  if (!ligne) throw INTROUVABLE();
  const estEleve = u.role === "eleve" && ligne.r.eleveId === u.id;
  const estEnseignant = u.role === "enseignant" && ligne.d.enseignantId === u.id;
  if (!estEleve && !estEnseignant) throw INTROUVABLE();
  return { rendu: ligne.r, devoir: ligne.d as LigneDevoir, estEnseignant };
}

async function vueRetour(db: TrousseDb, renduId: string) {
  const [r] = await db.select().from(retours).where(eq(retours.renduId, renduId));
  if (!r) return null;
  return {
    id: r.id,
    commentaire: r.commentaire,
    retourneLe: r.retourneLe.toISOString(),
    retourneLeAffiche: formaterDateParis(r.retourneLe),
    fichier: r.fichierNom
      ? {
          nom: r.fichierNom,
          taille: r.fichierTaille,
          mime: r.fichierMime,
          sha256: r.fichierSha256,
          url: `/v1/rendus/${renduId}/retour/fichier`,
        }
      : null,
  };
}

/**
 * Les routes des rendus (montées sous `/v1`) :
 * - élève : `POST /devoirs/:id/rendre` → accusé de réception ; `GET /devoirs/:id/mon-rendu` (versions, retour) ;
 * - enseignant : `GET /devoirs/:id/suivi`, `GET /devoirs/:id/rendus.zip` (archive en flux + manifeste),
 *   `POST /rendus/:id/retour` ;
 * - élève auteur ou enseignant : `GET /rendus/:id/fichiers/:fichierId`, `GET /rendus/:id/retour/fichier`.
 *
 * @example
 * app.route("/v1", routesRendus({ db, exigerSession, store, stockage }));
 */
export function routesRendus(deps: DepsDevoirs) {
  const { db, stockage } = deps;
  const maintenant = horloge(deps);
  const app = new Hono<EnvSession>();
  app.onError((e, c) => {
    const r = repondreErreurApi(e, c);
    if (r) return r;
    throw e;
  });
  app.use("/devoirs/*", deps.exigerSession);
  app.use("/rendus/*", deps.exigerSession);

  return app
    .post("/devoirs/:id/rendre", corpsAttendu(rendreSchema), async (c) => {
      const u = c.get("session").utilisateur;
      const devoir = await chargerDevoir(db, c.req.param("id"));
      const relation = await relationAuDevoir(db, devoir, u);
      if (relation.type !== "eleve")
        throw erreurApi(
          403,
          "reserve-aux-eleves",
          "Seuls les élèves de la classe ou du groupe peuvent rendre ce devoir.",
        );
      const corps = validerCorps(rendreSchema, await lireJson(c));
      // Rejouable : la même demande (mêmes envois) déjà enregistrée renvoie le même accusé, en 200.
      const { accuse, dejaRendu } = await rendreRejouable(
        { db, store: deps.store, stockage, maintenant },
        devoir,
        u,
        corps,
      );
      if (dejaRendu) c.header("Idempotent-Replayed", "true");
      return c.json({ accuseReception: accuse }, dejaRendu ? 200 : 201);
    })

    .get("/devoirs/:id/mon-rendu", async (c) => {
      const u = c.get("session").utilisateur;
      const devoir = await chargerDevoir(db, c.req.param("id"));
      const relation = await relationAuDevoir(db, devoir, u);
      if (relation.type !== "eleve")
        throw erreurApi(403, "reserve-aux-eleves", "Cette page montre le rendu de l'élève connecté.");
      const versions = await db
        .select()
        .from(rendus)
        .where(and(eq(rendus.devoirId, devoir.id), eq(rendus.eleveId, u.id)))
        .orderBy(desc(rendus.version));
      const fichiers = await fichiersDesRendus(
        db,
        versions.map((v) => v.id),
      );
      const retenue = versions[0] ?? null;
      const t = maintenant();
      return c.json({
        ...statutEleve(devoir, retenue, t),
        versionRetenue: retenue?.version ?? null,
        versions: versions.map((v) => ({
          renduId: v.id,
          version: v.version,
          retenue: v.id === retenue?.id,
          renduLe: v.renduLe.toISOString(),
          renduLeAffiche: formaterDateParis(v.renduLe),
          enRetard: v.enRetard,
          declarationCochee: v.declarationCochee,
          fichiers: (fichiers.get(v.id) ?? []).map((f) => ({
            id: f.id,
            nom: f.nom,
            taille: f.taille,
            sha256: f.sha256,
            mime: f.mime,
            url: `/v1/rendus/${v.id}/fichiers/${f.id}`,
          })),
        })),
        retour: retenue ? await vueRetour(db, retenue.id) : null,
      });
    })

    .get("/devoirs/:id/suivi", async (c) => {
      const u = c.get("session").utilisateur;
      const devoir = await chargerDevoir(db, c.req.param("id"));
      await exigerAuteur(db, devoir, u);
      const lignes = await suiviDevoir(db, devoir, maintenant());
      const compte: Record<string, number> = {};
      for (const l of lignes) compte[l.statut] = (compte[l.statut] ?? 0) + 1;
      return c.json({
        devoir: { id: devoir.id, titre: devoir.titre, groupe: await groupeDe(db, devoir.groupeId) },
        compte,
        eleves: lignes.map((l) => ({
          ...l,
          rendu: l.rendu && { ...l.rendu, fichiers: l.rendu.fichiers.map(({ chemin: _c, ...f }) => f) },
        })),
      });
    })

    .get("/devoirs/:id/rendus.zip", async (c) => {
      const u = c.get("session").utilisateur;
      const devoir = await chargerDevoir(db, c.req.param("id"));
      await exigerAuteur(db, devoir, u);
      const groupe = await groupeDe(db, devoir.groupeId);
      const lignes = await suiviDevoir(db, devoir, maintenant());
      await journaliser(db, {
        utilisateurId: u.id,
        action: "telechargement-archive",
        devoirId: devoir.id,
        details: { rendus: lignes.filter((l) => l.rendu).length },
      });
      const zip = creerZip(entreesArchive(lignes, stockage, groupe.nom));
      const nom =
        nettoyerNomFichier(`rendus ${groupe.nom} ${devoir.titre}.zip`.replace(/[/\\:]/g, "-")) ??
        "rendus.zip";
      return new Response(Readable.toWeb(zip) as unknown as ReadableStream<Uint8Array>, {
        headers: {
          "Content-Type": "application/zip",
          "Content-Disposition": dispositionPieceJointe(nom),
          "X-Content-Type-Options": "nosniff",
          "Cache-Control": "private, no-store",
        },
      });
    })

    .get("/rendus/:id/fichiers/:fichierId", async (c) => {
      const u = c.get("session").utilisateur;
      const { rendu, devoir } = await chargerRendu(db, c.req.param("id"), u);
      const fichierId = c.req.param("fichierId");
      const [f] = estUuid(fichierId)
        ? await db
            .select()
            .from(fichiersRendu)
            .where(and(eq(fichiersRendu.id, fichierId), eq(fichiersRendu.renduId, rendu.id)))
        : [];
      if (!f) throw erreurApi(404, "fichier-introuvable", "Ce fichier n'existe pas.");
      await journaliser(db, {
        utilisateurId: u.id,
        action: "telechargement-rendu",
        devoirId: devoir.id,
        renduId: rendu.id,
        details: { fichierId: f.id, nom: f.nom, sha256: f.sha256 },
      });
      return servirFichier(stockage, f);
    })

    .post("/rendus/:id/retour", corpsAttendu(retourSchema), async (c) => {
      const u = c.get("session").utilisateur;
      const { rendu, estEnseignant } = await chargerRendu(db, c.req.param("id"), u);
      if (!estEnseignant)
        throw erreurApi(403, "reserve-a-l-enseignant", "Seul l'enseignant du devoir peut rendre un retour.");
      const corps = validerCorps(retourSchema, await lireJson(c));
      let fichier = null;
      if (corps.televersement) {
        const t = await deps.store.lireTermine(corps.televersement);
        if (!t || t.proprietaireId !== u.id || t.devoirId !== rendu.devoirId) {
          throw erreurApi(
            404,
            "televersement-introuvable",
            "Le fichier de retour n'existe pas, n'est pas terminé ou a expiré.",
          );
        }
        const chemin = await stockage.conserver(t.chemin, "retours", rendu.devoirId, idTusVersUuid(t.id));
        fichier = {
          fichierNom: t.nom,
          fichierTaille: t.taille,
          fichierSha256: t.sha256,
          fichierMime: t.mime,
          fichierChemin: chemin,
        };
      }
      if (!corps.commentaire && !fichier)
        throw erreurApi(400, "retour-vide", "Écrivez un commentaire ou joignez un fichier.");
      const valeurs = {
        renduId: rendu.id,
        enseignantId: u.id,
        commentaire: corps.commentaire,
        ...fichier,
        retourneLe: maintenant(),
      };
      await db.insert(retours).values(valeurs).onConflictDoUpdate({ target: retours.renduId, set: valeurs });
      if (corps.televersement) await deps.store.remove(corps.televersement).catch(() => undefined);
      return c.json({ retour: await vueRetour(db, rendu.id) }, 201);
    })

    .get("/rendus/:id/retour", async (c) => {
      const u = c.get("session").utilisateur;
      const { rendu } = await chargerRendu(db, c.req.param("id"), u);
      const retour = await vueRetour(db, rendu.id);
      if (!retour)
        throw erreurApi(404, "retour-introuvable", "Aucun retour n'a encore été rendu pour ce devoir.");
      return c.json({ retour });
    })

    .get("/rendus/:id/retour/fichier", async (c) => {
      const u = c.get("session").utilisateur;
      const { rendu, devoir } = await chargerRendu(db, c.req.param("id"), u);
      const [r] = await db.select().from(retours).where(eq(retours.renduId, rendu.id));
      if (!r?.fichierChemin || !r.fichierNom)
        throw erreurApi(404, "fichier-introuvable", "Ce retour n'a pas de fichier.");
      await journaliser(db, {
        utilisateurId: u.id,
        action: "telechargement-retour",
        devoirId: devoir.id,
        renduId: rendu.id,
        details: { nom: r.fichierNom },
      });
      return servirFichier(stockage, {
        nom: r.fichierNom,
        mime: r.fichierMime ?? "application/octet-stream",
        taille: r.fichierTaille ?? 0,
        chemin: r.fichierChemin,
      });
    });
}
