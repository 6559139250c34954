import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { and, desc, eq } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import { Readable } from "node:stream";
import { devoirs, fichiersRendu, rendus, retours, type TrousseDb } from "@trousse/db";
import {
  apercuPossible,
  formaterDateParis,
  libelleHorodatage,
  nettoyerNomFichier,
  QUOTAS_PAR_DEFAUT,
  TAILLE_APERCU_MAX,
  typeApercu,
} from "@trousse/rules";
import type { Session } from "../auth/deps.js";
import {
  auteurSeulement,
  avecDevoir,
  DEVOIR_INTROUVABLE,
  eleveSeulement,
  estUuid,
  groupeDe,
  RESERVE_AUTEUR,
  type LigneDevoir,
} from "../devoirs/acces.js";
import { horloge, type DepsDevoirs, type EnvSession } from "../devoirs/deps.js";
import { statutEleve } from "../devoirs/vue-devoir.js";
import { datesDuDelai, derogationDe, vueDelaiAccorde } from "../derogations/derogations.js";
import { crochetValidation } from "../erreurs/crochet-validation.js";
import { ErreurApi } from "../erreurs/erreur-api.js";
import {
  archiveZip,
  communes,
  CORPS_INVALIDE,
  corpsJson,
  erreur,
  imageEnLigne,
  json,
  pieceJointe,
  SECURITE_SESSION,
} from "../openapi/reponses.js";
import { fichierIdParam, idDevoirParams, idRenduParams } from "../openapi/schemas-communs.js";
import {
  dispositionPieceJointe,
  entetesApercu,
  journaliser,
  lireEntier,
  servirFichier,
} from "../stockage/telechargement.js";
import { creerZip } from "../stockage/zip-stream.js";
import { idTusVersUuid } from "../televersements/identifiant.js";
import { entreesArchive } from "./archive-rendus.js";
import { fichiersDesRendus } from "./rendre.js";
import { rendreRejouable } from "./rendre-rejouable.js";
import {
  accuseReceptionSchema,
  monRenduSchema,
  rendreSchema,
  retourReponseSchema,
  retourSchema,
  suiviSchema,
} from "./schemas.js";
import { pagesDuFichier } from "./pages-pdf.js";
import { suiviDevoir } from "./suivi.js";

/** Hono variables of a route about one hand-in version. */
type EnvRendu = {
  Variables: {
    session: Session;
    rendu: typeof rendus.$inferSelect;
    devoir: LigneDevoir;
    estEnseignant: boolean;
  };
};

const INTROUVABLE = (): ErreurApi =>
  new ErreurApi(404, "rendu-introuvable", "Ce rendu n'existe pas ou ne vous est pas accessible.");

/**
 * Route middleware: loads the hand-in version of the path's `id` and its assignment, for the pupil who
 * handed it in or the assignment's teacher (404 `rendu-introuvable` for anyone else: its existence is not
 * revealed).
 */
function avecRendu(db: TrousseDb): MiddlewareHandler<EnvRendu> {
  return createMiddleware<EnvRendu>(async (c, next) => {
    const id = c.req.param("id") ?? "";
    const u = c.get("session").utilisateur;
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
    c.set("rendu", ligne.r);
    c.set("devoir", ligne.d);
    c.set("estEnseignant", estEnseignant);
    await next();
  });
}

const enseignantDuRendu: MiddlewareHandler<EnvRendu> = createMiddleware<EnvRendu>(async (c, next) => {
  if (!c.get("estEnseignant"))
    throw new ErreurApi(403, "reserve-a-l-enseignant", "Seul l'enseignant du devoir peut rendre un retour.");
  await next();
});

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

const FICHIER_REFUSE = [
  "fichier-executable",
  "type-non-autorise",
  "type-inconnu",
  "extension-incoherente",
  "fichier-vide",
  "fichier-trop-gros",
  "nom-invalide",
];

/**
 * The hand-in routes (mounted under `/v1`), each declared once with `createRoute`:
 * - pupil: `POST /devoirs/{id}/rendre` → receipt; `GET /devoirs/{id}/mon-rendu` (versions, feedback);
 * - teacher: `GET /devoirs/{id}/suivi`, `GET /devoirs/{id}/rendus.zip` (streamed archive + manifest),
 *   `POST /rendus/{id}/retour`;
 * - the pupil who handed in or the teacher: `GET /rendus/{id}/fichiers/{fichierId}` (and its inline
 *   thumbnail `…/apercu`, raster images only),
 *   `GET /rendus/{id}/retour`, `GET /rendus/{id}/retour/fichier`.
 *
 * @example
 * app.route("/v1", routesRendus({ db, exigerSession, store, stockage }));
 */
export function routesRendus(deps: DepsDevoirs) {
  const { db, stockage } = deps;
  const maintenant = horloge(deps);
  const session = deps.exigerSession;
  const devoir = avecDevoir(db);
  const rendu = avecRendu(db);
  const securite = SECURITE_SESSION;

  const rendre = createRoute({
    method: "post",
    path: "/devoirs/{id}/rendre",
    operationId: "rendreDevoir",
    tags: ["Rendus"],
    summary: "Rendre un devoir (élève du groupe) : accusé de réception",
    description:
      "Les fichiers envoyés par tus (`televersements`) sont revérifiés par les règles, conservés durablement " +
      "(lien puis fsync du dossier), puis la nouvelle version est enregistrée en une transaction.\n\n" +
      "**Sans risque à rejouer** : si l'accusé de réception s'est perdu (réseau coupé, double appui), renvoyer " +
      "la même demande — les mêmes identifiants d'envoi — redonne l'accusé du rendu déjà enregistré, en **200** " +
      "avec l'en-tête `Idempotent-Replayed: true`, au lieu d'une erreur ; rien n'est enregistré deux fois. Le " +
      "rejeu reste valable après l'échéance ou la date limite : le rendu a été fait à son heure.",
    security: securite,
    middleware: [
      session,
      devoir,
      eleveSeulement("Seuls les élèves de la classe ou du groupe peuvent rendre ce devoir."),
    ] as const,
    request: { params: idDevoirParams, ...corpsJson(rendreSchema) },
    responses: {
      201: { description: "Rendu enregistré : accusé de réception", content: json(accuseReceptionSchema) },
      200: {
        description: "Même demande déjà rendue : le même accusé de réception (rejeu)",
        headers: z.object({ "Idempotent-Replayed": z.literal("true") }),
        content: json(accuseReceptionSchema),
      },
      400: erreur("Corps invalide ou liste de fichiers vide ou en double", [
        ...CORPS_INVALIDE,
        "aucun-fichier",
        "fichier-en-double",
      ]),
      403: erreur("Pas élève de la classe ou du groupe", ["reserve-aux-eleves"]),
      404: erreur("Devoir introuvable, ou envoi inexistant ou expiré (à renvoyer)", [
        "devoir-introuvable",
        "televersement-introuvable",
      ]),
      409: erreur(
        "Rendu impossible maintenant (dates de l'élève, délai accordé compris), envoi pas terminé, autre rendu simultané, ou délai modifié pendant le rendu",
        [
          "pas-encore-ouvert",
          "echeance-depassee",
          "date-limite-depassee",
          "televersement-inacheve",
          "rendu-concurrent",
          "delai-modifie",
          "empreinte-differente",
          "engagement-expire",
        ],
      ),
      422: erreur(
        "Fichiers refusés par les règles du devoir, déclaration sur l'honneur non cochée, ou nombre maximal de versions déjà rendu",
        [...FICHIER_REFUSE, "trop-de-fichiers", "lot-trop-gros", "declaration-requise", "trop-de-versions"],
      ),
      ...communes(true),
    },
  });

  const monRendu = createRoute({
    method: "get",
    path: "/devoirs/{id}/mon-rendu",
    operationId: "lireMonRendu",
    tags: ["Rendus"],
    summary:
      "Mes versions (celle qui compte en premier), leurs fichiers, et le retour une fois rendu (élève)",
    security: securite,
    middleware: [session, devoir, eleveSeulement("Cette page montre le rendu de l'élève connecté.")] as const,
    request: { params: idDevoirParams },
    responses: {
      200: { description: "Mes versions", content: json(monRenduSchema) },
      403: erreur("Réservé à l'élève", ["reserve-aux-eleves"]),
      404: DEVOIR_INTROUVABLE,
      ...communes(),
    },
  });

  const suivi = createRoute({
    method: "get",
    path: "/devoirs/{id}/suivi",
    operationId: "suivreDevoir",
    tags: ["Suivi"],
    summary:
      "Chaque élève du groupe : statut de suivi et libellé, « vu le … », version qui compte, fichiers avec sha256 (auteur)",
    security: securite,
    middleware: [session, devoir, auteurSeulement] as const,
    request: { params: idDevoirParams },
    responses: {
      200: { description: "Tableau de suivi", content: json(suiviSchema) },
      403: RESERVE_AUTEUR,
      404: DEVOIR_INTROUVABLE,
      ...communes(),
    },
  });

  const archive = createRoute({
    method: "get",
    path: "/devoirs/{id}/rendus.zip",
    operationId: "telechargerArchiveRendus",
    tags: ["Suivi"],
    summary: "Archive ZIP en flux : `manifeste.csv` (sha256) et un dossier par élève (auteur)",
    security: securite,
    middleware: [session, devoir, auteurSeulement] as const,
    request: { params: idDevoirParams },
    responses: {
      200: archiveZip("Archive ZIP (inscrite au journal d'audit)"),
      403: RESERVE_AUTEUR,
      404: DEVOIR_INTROUVABLE,
      ...communes(),
    },
  });

  const fichierRendu = createRoute({
    method: "get",
    path: "/rendus/{id}/fichiers/{fichierId}",
    operationId: "telechargerFichierRendu",
    tags: ["Rendus"],
    summary: "Télécharger un fichier rendu (élève auteur, enseignant du devoir)",
    security: securite,
    middleware: [session, rendu] as const,
    request: { params: idRenduParams.extend({ fichierId: fichierIdParam }) },
    responses: {
      200: pieceJointe("Le fichier rendu"),
      404: erreur("Rendu inaccessible ou fichier introuvable", ["rendu-introuvable", "fichier-introuvable"]),
      ...communes(),
    },
  });

  const apercuFichier = createRoute({
    method: "get",
    path: "/rendus/{id}/fichiers/{fichierId}/apercu",
    operationId: "apercuFichierRendu",
    tags: ["Rendus"],
    summary: "Vignette d'une image rendue, affichable en ligne (élève auteur, enseignant du devoir)",
    description:
      "Les octets de l'image, servis en ligne seulement si ce sont vraiment ceux d'une image matricielle " +
      "(PNG, JPEG, GIF, WebP, reconnue par ses octets magiques relus du stockage : jamais SVG), de " +
      `${TAILLE_APERCU_MAX / 1024 / 1024} Mio au plus, avec ce type et nul autre, \`X-Content-Type-Options: nosniff\` ` +
      "et une CSP `sandbox`. Pour le reste, le téléchargement (pièce jointe). Pas inscrit au journal d'audit : " +
      "c'est un aperçu dans le suivi, pas un téléchargement.",
    security: securite,
    middleware: [session, rendu] as const,
    request: { params: idRenduParams.extend({ fichierId: fichierIdParam }) },
    responses: {
      200: imageEnLigne("L'image"),
      404: erreur("Rendu inaccessible ou fichier introuvable", ["rendu-introuvable", "fichier-introuvable"]),
      415: erreur("Ce fichier n'a pas de vignette (pas une image matricielle, ou trop gros)", [
        "apercu-indisponible",
      ]),
      ...communes(),
    },
  });

  const donnerRetour = createRoute({
    method: "post",
    path: "/rendus/{id}/retour",
    operationId: "rendreRetour",
    tags: ["Retours"],
    summary:
      "Rendre (ou remplacer) un retour : commentaire et fichier facultatif envoyé par tus (enseignant)",
    security: securite,
    middleware: [session, rendu, enseignantDuRendu] as const,
    request: { params: idRenduParams, ...corpsJson(retourSchema) },
    responses: {
      201: { description: "Retour enregistré", content: json(retourReponseSchema) },
      400: erreur("Corps invalide, ou ni commentaire ni fichier", [...CORPS_INVALIDE, "retour-vide"]),
      403: erreur("Réservé à l'enseignant du devoir", ["reserve-a-l-enseignant"]),
      404: erreur("Rendu inaccessible, ou envoi inexistant ou expiré", [
        "rendu-introuvable",
        "televersement-introuvable",
      ]),
      ...communes(true),
    },
  });

  const lireRetour = createRoute({
    method: "get",
    path: "/rendus/{id}/retour",
    operationId: "lireRetour",
    tags: ["Retours"],
    summary: "Le retour d'une version de rendu (élève auteur, enseignant)",
    security: securite,
    middleware: [session, rendu] as const,
    request: { params: idRenduParams },
    responses: {
      200: { description: "Le retour", content: json(retourReponseSchema) },
      404: erreur("Rendu inaccessible, ou pas encore de retour", ["rendu-introuvable", "retour-introuvable"]),
      ...communes(),
    },
  });

  const fichierRetour = createRoute({
    method: "get",
    path: "/rendus/{id}/retour/fichier",
    operationId: "telechargerFichierRetour",
    tags: ["Retours"],
    summary: "Le fichier joint au retour",
    security: securite,
    middleware: [session, rendu] as const,
    request: { params: idRenduParams },
    responses: {
      200: pieceJointe("Le fichier du retour"),
      404: erreur("Rendu inaccessible, ou retour sans fichier", ["rendu-introuvable", "fichier-introuvable"]),
      ...communes(),
    },
  });

  return new OpenAPIHono<EnvSession>({ defaultHook: crochetValidation })
    .openapi(rendre, async (c) => {
      // Rejouable : la même demande (mêmes envois) déjà enregistrée renvoie le même accusé, en 200.
      const { accuse, dejaRendu } = await rendreRejouable(
        {
          db,
          store: deps.store,
          stockage,
          registre: deps.registre,
          maintenant,
          versionsMax: deps.versionsMax ?? QUOTAS_PAR_DEFAUT.versionsMax,
          graceEngagementMs: deps.graceEngagementMs,
        },
        c.get("devoir"),
        c.get("session").utilisateur,
        c.req.valid("json"),
      );
      if (dejaRendu) return c.json({ accuseReception: accuse }, 200, { "Idempotent-Replayed": "true" });
      return c.json({ accuseReception: accuse }, 201);
    })

    .openapi(monRendu, async (c) => {
      const u = c.get("session").utilisateur;
      const d = c.get("devoir");
      const versions = await db
        .select()
        .from(rendus)
        .where(and(eq(rendus.devoirId, d.id), eq(rendus.eleveId, u.id)))
        .orderBy(desc(rendus.version));
      const fichiers = await fichiersDesRendus(
        db,
        versions.map((v) => v.id),
      );
      const retenue = versions[0] ?? null;
      const delai = datesDuDelai(await derogationDe(db, d.id, u.id));
      return c.json(
        {
          ...statutEleve(d, retenue, maintenant(), delai),
          delaiAccorde: vueDelaiAccorde(d, delai),
          versionRetenue: retenue?.version ?? null,
          versions: versions.map((v) => ({
            renduId: v.id,
            version: v.version,
            retenue: v.id === retenue?.id,
            renduLe: v.renduLe.toISOString(),
            renduLeAffiche: formaterDateParis(v.renduLe),
            recuLe: v.recuLe?.toISOString() ?? null,
            horodatageLibelle: libelleHorodatage(v),
            enRetard: v.enRetard,
            declarationCochee: v.declarationCochee,
            // The extension this version was accepted under (kept with it), as its receipt says.
            delaiAccorde: vueDelaiAccorde(
              d,
              v.delaiEcheance ? { echeance: v.delaiEcheance, dateLimite: v.delaiDateLimite } : null,
            ),
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
        },
        200,
      );
    })

    .openapi(suivi, async (c) => {
      const d = c.get("devoir");
      const lignes = await suiviDevoir(db, d, maintenant());
      const compte: Partial<Record<(typeof lignes)[number]["statut"], number>> = {};
      for (const l of lignes) compte[l.statut] = (compte[l.statut] ?? 0) + 1;
      return c.json(
        {
          devoir: { id: d.id, titre: d.titre, groupe: await groupeDe(db, d.groupeId) },
          compte,
          eleves: await Promise.all(
            lignes.map(async ({ delaiEnCours: _enCours, ...l }) => ({
              ...l,
              rendu: l.rendu && {
                ...l.rendu,
                fichiers: await Promise.all(
                  l.rendu.fichiers.map(async ({ chemin: _c, ...f }) => ({
                    ...f,
                    pages: await pagesDuFichier(stockage, { ...f, chemin: _c }),
                  })),
                ),
              },
            })),
          ),
        },
        200,
      );
    })

    .openapi(archive, async (c) => {
      const u = c.get("session").utilisateur;
      const d = c.get("devoir");
      const groupe = await groupeDe(db, d.groupeId);
      const lignes = await suiviDevoir(db, d, maintenant());
      await journaliser(db, {
        utilisateurId: u.id,
        action: "telechargement-archive",
        devoirId: d.id,
        details: { rendus: lignes.filter((l) => l.rendu).length },
      });
      const zip = creerZip(entreesArchive(lignes, stockage, groupe.nom));
      const nom =
        nettoyerNomFichier(`rendus ${groupe.nom} ${d.titre}.zip`.replace(/[/\\:]/g, "-")) ?? "rendus.zip";
      return new Response(Readable.toWeb(zip) as unknown as ReadableStream<Uint8Array>, {
        headers: {
          "Content-Type": "application/zip",
          "Content-Disposition": dispositionPieceJointe(nom),
          "X-Content-Type-Options": "nosniff",
          "Cache-Control": "private, no-store",
        },
      });
    })

    .openapi(fichierRendu, async (c) => {
      const u = c.get("session").utilisateur;
      const r = c.get("rendu");
      const { fichierId } = c.req.valid("param");
      const [f] = await db
        .select()
        .from(fichiersRendu)
        .where(and(eq(fichiersRendu.id, fichierId), eq(fichiersRendu.renduId, r.id)));
      if (!f) throw new ErreurApi(404, "fichier-introuvable", "Ce fichier n'existe pas.");
      await journaliser(db, {
        utilisateurId: u.id,
        action: "telechargement-rendu",
        devoirId: r.devoirId,
        renduId: r.id,
        details: { fichierId: f.id, nom: f.nom, sha256: f.sha256 },
      });
      return servirFichier(stockage, f);
    })

    .openapi(apercuFichier, async (c) => {
      const r = c.get("rendu");
      const { fichierId } = c.req.valid("param");
      const [f] = await db
        .select()
        .from(fichiersRendu)
        .where(and(eq(fichiersRendu.id, fichierId), eq(fichiersRendu.renduId, r.id)));
      if (!f) throw new ErreurApi(404, "fichier-introuvable", "Ce fichier n'existe pas.");
      const refus = () =>
        new ErreurApi(
          415,
          "apercu-indisponible",
          `« ${f.nom} » n'a pas de vignette (seules les images PNG, JPEG, GIF ou WebP de ${TAILLE_APERCU_MAX / 1024 / 1024} Mio au plus en ont) : téléchargez-le.`,
        );
      if (!apercuPossible(f)) throw refus();
      const octets = await lireEntier(await stockage.lire(f.chemin), TAILLE_APERCU_MAX);
      const type = octets && typeApercu(octets);
      if (!octets || !type) throw refus();
      return new Response(octets, { status: 200, headers: entetesApercu(type, octets.length) });
    })

    .openapi(donnerRetour, async (c) => {
      const u = c.get("session").utilisateur;
      const r = c.get("rendu");
      const corps = c.req.valid("json");
      let fichier = null;
      if (corps.televersement) {
        const t = await deps.store.lireTermine(corps.televersement);
        if (!t || t.proprietaireId !== u.id || t.devoirId !== r.devoirId) {
          throw new ErreurApi(
            404,
            "televersement-introuvable",
            "Le fichier de retour n'existe pas, n'est pas terminé ou a expiré.",
          );
        }
        const chemin = await stockage.conserver(t, "retours", r.devoirId, idTusVersUuid(t.id));
        fichier = {
          fichierNom: t.nom,
          fichierTaille: t.taille,
          fichierSha256: t.sha256,
          fichierMime: t.mime,
          fichierChemin: chemin,
        };
      }
      if (!corps.commentaire && !fichier)
        throw new ErreurApi(400, "retour-vide", "Écrivez un commentaire ou joignez un fichier.");
      const valeurs = {
        renduId: r.id,
        enseignantId: u.id,
        commentaire: corps.commentaire,
        ...fichier,
        retourneLe: maintenant(),
      };
      await db.insert(retours).values(valeurs).onConflictDoUpdate({ target: retours.renduId, set: valeurs });
      if (corps.televersement) await deps.store.remove(corps.televersement).catch(() => undefined);
      const retour = (await vueRetour(db, r.id))!;
      return c.json({ retour }, 201);
    })

    .openapi(lireRetour, async (c) => {
      const retour = await vueRetour(db, c.get("rendu").id);
      if (!retour)
        throw new ErreurApi(404, "retour-introuvable", "Aucun retour n'a encore été rendu pour ce devoir.");
      return c.json({ retour }, 200);
    })

    .openapi(fichierRetour, async (c) => {
      const u = c.get("session").utilisateur;
      const rendu = c.get("rendu");
      const [r] = await db.select().from(retours).where(eq(retours.renduId, rendu.id));
      if (!r?.fichierChemin || !r.fichierNom)
        throw new ErreurApi(404, "fichier-introuvable", "Ce retour n'a pas de fichier.");
      await journaliser(db, {
        utilisateurId: u.id,
        action: "telechargement-retour",
        devoirId: rendu.devoirId,
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
