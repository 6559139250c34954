import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { lireFormulaire } from "./lire-corps.js";

/** A CAS account of the test server and the attributes released to services. */
export interface CompteCas {
  user: string;
  motDePasse: string;
  attributs: Record<string, string | string[]>;
}

/** A running CAS 2.0 server. */
export interface ServeurCas {
  /** CAS base URL, e.g. `http://127.0.0.1:<port>/cas`. */
  casUrl: string;
  /** Every `serviceValidate` call received: service and ticket. */
  validations: { service: string; ticket: string }[];
  /**
   * Signs a user out of the CAS server (single logout, CAS protocol 3.0 § 2.3.3): POSTs a SAML
   * `LogoutRequest` (`NameID` = user, `SessionIndex` = ticket) to the service URL of each ticket validated
   * for that user, through `envoyer` (e.g. the API under test's `app.request`); forgets them. Returns the
   * answers.
   */
  deconnecter(
    user: string,
    envoyer: (url: string, init: RequestInit) => Promise<Response>,
  ): Promise<Response[]>;
  close(): Promise<void>;
}

function echapperXml(texte: string): string {
  return texte.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function xmlEchec(code: string, message: string): string {
  return `<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">
  <cas:authenticationFailure code="${code}">${echapperXml(message)}</cas:authenticationFailure>
</cas:serviceResponse>`;
}

/**
 * The attributes of a CAS answer; a name `parent/enfant` writes nested elements
 * (`<cas:ENTPersonProfils><cas:ENTPersonProfil>National_ELV</cas:ENTPersonProfil></cas:ENTPersonProfils>`).
 */
function xmlAttributs(attributs: CompteCas["attributs"]): string {
  return Object.entries(attributs)
    .flatMap(([nom, v]) => {
      const valeurs = Array.isArray(v) ? v : [v];
      const [parent, enfant] = nom.split("/");
      if (enfant)
        return [
          `      <cas:${parent}>${valeurs.map((x) => `<cas:${enfant}>${echapperXml(x)}</cas:${enfant}>`).join("")}</cas:${parent}>`,
        ];
      return valeurs.map((x) => `      <cas:${nom}>${echapperXml(x)}</cas:${nom}>`);
    })
    .join("\n");
}

function xmlSucces(compte: CompteCas): string {
  const attributs = xmlAttributs(compte.attributs);
  return `<?xml version="1.0" encoding="UTF-8"?>
<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">
  <cas:authenticationSuccess>
    <cas:user>${echapperXml(compte.user)}</cas:user>
    <cas:attributes>
${attributs}
    </cas:attributes>
  </cas:authenticationSuccess>
</cas:serviceResponse>`;
}

/**
 * Starts an in-process CAS 2.0 server on a random localhost port, following the protocol: `GET /cas/login`
 * shows a login form, `POST /cas/login` checks the credentials and redirects to the service with a
 * `ticket` (ST-…, valid 5 minutes, single use), `GET /cas/serviceValidate?service=…&ticket=…` answers the
 * CAS 2.0 XML with `cas:attributes`, or `cas:authenticationFailure` (INVALID_TICKET, INVALID_SERVICE,
 * INVALID_REQUEST); a ticket presented with another service URL is refused and burnt.
 *
 * @example
 * const cas = await demarrerServeurCas([{ user: "u1", motDePasse: "m", attributs: { type: "ELEVE" } }]);
 * await cas.close();
 */
export async function demarrerServeurCas(comptes: CompteCas[]): Promise<ServeurCas> {
  const tickets = new Map<string, { service: string; compte: CompteCas; expire: number }>();
  const validations: { service: string; ticket: string }[] = [];
  /** Tickets validated successfully, by user: the services a single logout notifies. */
  const ouvertes: { user: string; service: string; ticket: string }[] = [];

  async function traiter(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/cas/login" && req.method === "GET") {
      const service = url.searchParams.get("service") ?? "";
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(`<!doctype html><html lang="fr"><body><form method="post" action="/cas/login">
<input type="hidden" name="service" value="${echapperXml(service)}">
<label>Identifiant <input name="username"></label><label>Mot de passe <input name="password" type="password"></label>
<button>Se connecter</button></form></body></html>`);
      return;
    }
    if (url.pathname === "/cas/login" && req.method === "POST") {
      const form = await lireFormulaire(req);
      const service = form.get("service") ?? "";
      const compte = comptes.find(
        (c) => c.user === form.get("username") && c.motDePasse === form.get("password"),
      );
      if (!compte || !/^https?:\/\//.test(service)) {
        res.statusCode = 401;
        res.end("Identifiant ou mot de passe incorrect.");
        return;
      }
      const ticket = `ST-${randomBytes(24).toString("base64url")}`;
      tickets.set(ticket, { service, compte, expire: Date.now() + 5 * 60_000 });
      res.statusCode = 302;
      res.setHeader(
        "location",
        `${service}${service.includes("?") ? "&" : "?"}ticket=${encodeURIComponent(ticket)}`,
      );
      res.end();
      return;
    }
    if (url.pathname === "/cas/serviceValidate") {
      const service = url.searchParams.get("service");
      const ticket = url.searchParams.get("ticket");
      res.setHeader("content-type", "application/xml; charset=utf-8");
      if (!service || !ticket) {
        res.end(xmlEchec("INVALID_REQUEST", "service et ticket sont obligatoires"));
        return;
      }
      validations.push({ service, ticket });
      const emis = tickets.get(ticket);
      tickets.delete(ticket); // single use, whatever the outcome
      if (!emis || emis.expire < Date.now()) {
        res.end(xmlEchec("INVALID_TICKET", `Ticket ${ticket} non reconnu`));
        return;
      }
      if (emis.service !== service) {
        res.end(xmlEchec("INVALID_SERVICE", "Le ticket a été émis pour un autre service"));
        return;
      }
      ouvertes.push({ user: emis.compte.user, service, ticket });
      res.end(xmlSucces(emis.compte));
      return;
    }
    res.statusCode = 404;
    res.end("Introuvable");
  }

  const serveur = createServer((req, res) => {
    traiter(req, res).catch(() => {
      res.statusCode = 500;
      res.end();
    });
  });
  await new Promise<void>((ok) => serveur.listen(0, "127.0.0.1", ok));
  const { port } = serveur.address() as AddressInfo;
  return {
    casUrl: `http://127.0.0.1:${port}/cas`,
    validations,
    deconnecter: async (user, envoyer) => {
      const reponses: Response[] = [];
      for (const o of ouvertes.filter((x) => x.user === user)) {
        const xml = `<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="LR-${randomBytes(8).toString("hex")}" Version="2.0" IssueInstant="${new Date().toISOString()}"><saml:NameID>${echapperXml(o.user)}</saml:NameID><samlp:SessionIndex>${echapperXml(o.ticket)}</samlp:SessionIndex></samlp:LogoutRequest>`;
        reponses.push(
          await envoyer(o.service, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ logoutRequest: xml }).toString(),
          }),
        );
      }
      ouvertes.splice(0, ouvertes.length, ...ouvertes.filter((x) => x.user !== user));
      return reponses;
    },
    close: () =>
      new Promise<void>((ok) => {
        serveur.closeAllConnections();
        serveur.close(() => ok());
      }),
  };
}
