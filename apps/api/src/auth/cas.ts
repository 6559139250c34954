import type { EntCas } from "./ent-config.js";
import { ErreurAuth } from "./erreurs.js";
import { appelerFournisseur } from "./http-fournisseur.js";
import { ErreurXml, lireReponseCas } from "./cas-xml.js";

/**
 * The CAS 2.0 login URL: `<casUrl>/login?service=<service>`.
 *
 * @example
 * urlConnexionCas(ent, "https://trousse.exemple.fr/auth/cas/ent-cas/retour?etat=abc");
 * // "https://ent.exemple.fr/cas/login?service=https%3A%2F%2Ftrousse.exemple.fr%2F…"
 */
export function urlConnexionCas(ent: EntCas, service: string): string {
  const url = new URL(`${ent.casUrl}/login`);
  url.searchParams.set("service", service);
  return url.href;
}

/**
 * Validates a service ticket at `<casUrl>/serviceValidate?service=…&ticket=…` and returns the CAS user and
 * its attributes. Throws `ErreurAuth` `ticket-invalide` (CAS refused the ticket), `fournisseur-indisponible`
 * or `reponse-fournisseur-invalide` (not a CAS 2.0 answer).
 *
 * @example
 * const { utilisateur, attributs } = await validerTicketCas(ent, service, ticket);
 */
export async function validerTicketCas(
  ent: EntCas,
  service: string,
  ticket: string,
): Promise<{ utilisateur: string; attributs: Record<string, string[]> }> {
  const url = new URL(`${ent.casUrl}/serviceValidate`);
  url.searchParams.set("service", service);
  url.searchParams.set("ticket", ticket);
  const reponse = await appelerFournisseur(url, { headers: { accept: "application/xml, text/xml" } });
  if (!reponse.ok) {
    throw new ErreurAuth(
      "fournisseur-indisponible",
      `Le serveur CAS de l'ENT ne valide pas les connexions pour le moment (HTTP ${reponse.status}).`,
      502,
    );
  }
  let lu;
  try {
    lu = lireReponseCas(await reponse.text());
  } catch (e) {
    if (e instanceof ErreurXml) {
      throw new ErreurAuth(
        "reponse-fournisseur-invalide",
        "Le serveur CAS de l'ENT a répondu de façon inattendue.",
        502,
        {
          cause: e,
        },
      );
    }
    throw e;
  }
  if (!lu.succes) {
    throw new ErreurAuth(
      "ticket-invalide",
      `L'ENT n'a pas validé cette connexion (${/^[A-Z_]{1,40}$/.test(lu.code) ? lu.code : "refus"}) : recommencez depuis le bouton de connexion.`,
      401,
    );
  }
  return { utilisateur: lu.utilisateur, attributs: lu.attributs };
}
