import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { devoirs, membres, utilisateurs } from "@trousse/db";
import { analyserInstant, chargeEcheances, formaterDateParis } from "@trousse/rules";
import { roleSeulement } from "../devoirs/acces.js";
import type { DepsDevoirs, EnvSession } from "../devoirs/deps.js";
import { lireDateSaisie } from "../devoirs/saisie-devoir.js";
import { crochetValidation } from "../erreurs/crochet-validation.js";
import { ErreurApi } from "../erreurs/erreur-api.js";
import { communes, erreur, json, SECURITE_SESSION } from "../openapi/reponses.js";
import { affiche, entier, instant } from "../openapi/schemas-communs.js";

/** How far around the chosen due date the assignments are read (the rule's reach plus its half hour). */
const MARGE_MS = 4 * 3_600_000;

const chargeSchema = z
  .strictObject({
    autour: instant,
    autourAffiche: affiche,
    rendusMemeHeure: entier.openapi({
      description:
        "Rendus attendus (élèves des classes ou groupes) des devoirs de l'établissement dont l'échéance est à moins de 30 min",
    }),
    devoirsMemeHeure: entier,
    suggestions: z.array(
      z.strictObject({
        echeance: instant,
        echeanceAffichee: affiche,
        rendus: entier,
        decalageMinutes: entier,
        libelle: z.string(),
      }),
    ),
    message: z.string().openapi({
      example:
        "150 rendus sont déjà attendus dans l'établissement dans l'heure de cette échéance (2 devoirs). Plus calme : …",
    }),
  })
  .openapi("ChargeEcheances");

const requete = z.object({
  autour: z
    .string({ error: "autour doit être une date : instant ISO-8601 ou heure de Paris (2026-03-31T22:00)." })
    .max(64)
    .openapi({
      description: "L'échéance envisagée (ISO-8601, ou heure de Paris sans décalage)",
      example: "2026-03-31T22:00",
    }),
  devoir: z.guid({ error: "devoir doit être l'identifiant d'un devoir." }).optional().openapi({
    description: "Le devoir en cours de modification, à ne pas compter",
  }),
});

/**
 * `GET /v1/etablissement/charge-echeances?autour=…` (teachers): how many hand-ins of the teacher's school
 * are due within the hour around a due date, and quieter slots (`chargeEcheances` of the rules decides).
 * A teacher without a known school sees only their own assignments.
 *
 * @example
 * app.route("/v1", routesEtablissement(deps));
 */
export function routesEtablissement(deps: DepsDevoirs) {
  const route = createRoute({
    method: "get",
    path: "/etablissement/charge-echeances",
    operationId: "chargeEcheances",
    tags: ["Devoirs"],
    summary: "Rendus déjà attendus dans l'heure d'une échéance, et créneaux plus calmes (enseignant)",
    description:
      "Pour étaler les échéances d'un établissement (les ENT du confinement ont régulé l'afflux par des « plages horaires privilégiées ») : " +
      "compte les rendus attendus des devoirs de l'établissement dont l'échéance est à moins de 30 minutes de `autour`, " +
      "et propose jusqu'à trois échéances plus calmes, à 3 h au plus, par pas de 30 min.",
    security: SECURITE_SESSION,
    middleware: [
      deps.exigerSession,
      roleSeulement(
        "enseignant",
        "reserve-aux-enseignants",
        "La charge des échéances est montrée aux enseignants.",
      ),
    ] as const,
    request: { query: requete },
    responses: {
      200: { description: "Charge de l'heure et créneaux suggérés", content: json(chargeSchema) },
      400: erreur("Date invalide", ["requete-invalide", "date-invalide"]),
      403: erreur("Réservé aux enseignants", ["reserve-aux-enseignants"]),
      ...communes(),
    },
  });

  return new OpenAPIHono<EnvSession>({ defaultHook: crochetValidation }).openapi(route, async (c) => {
    const u = c.get("session").utilisateur;
    const q = c.req.valid("query");
    const lu = analyserInstant(lireDateSaisie(q.autour));
    if (!lu.ok) throw new ErreurApi(400, "date-invalide", `autour est invalide : ${lu.message}`);
    const autour = lu.date;
    const debut = new Date(autour.getTime() - MARGE_MS).toISOString();
    const fin = new Date(autour.getTime() + MARGE_MS).toISOString();
    const portee = u.etablissementId
      ? sql`${devoirs.etablissementId} = ${u.etablissementId}::uuid`
      : sql`${devoirs.enseignantId} = ${u.id}::uuid`;
    const sauf = q.devoir ? sql`and ${devoirs.id} <> ${q.devoir}::uuid` : sql``;
    // One query: the school's assignments due around that time, each with its pupils.
    const resultat = await deps.db.execute(sql`
      select ${devoirs.echeance} as echeance,
             (select count(*) from ${membres} m join ${utilisateurs} e on e.id = m.utilisateur_id
               where m.groupe_id = ${devoirs.groupeId} and e.role = 'eleve') as rendus
      from ${devoirs}
      where ${portee} and ${devoirs.echeance} between ${debut}::timestamptz and ${fin}::timestamptz ${sauf}`);
    const lignes = (resultat as unknown as { rows: { echeance: string | Date; rendus: number | string }[] })
      .rows;
    const charge = chargeEcheances(
      lignes.map((l) => ({ echeance: new Date(l.echeance), rendus: Number(l.rendus) })),
      autour,
    );
    return c.json(
      {
        autour: autour.toISOString(),
        autourAffiche: formaterDateParis(autour),
        rendusMemeHeure: charge.rendusMemeHeure,
        devoirsMemeHeure: charge.devoirsMemeHeure,
        suggestions: charge.suggestions.map((s) => ({
          echeance: s.echeance.toISOString(),
          echeanceAffichee: formaterDateParis(s.echeance),
          rendus: s.rendus,
          decalageMinutes: s.decalageMinutes,
          libelle: s.libelle,
        })),
        message: charge.message,
      },
      200,
    );
  });
}
