/**
 * ENT sign-in for the Trousse API: OpenID Connect (as ODE/entcore serves it) and CAS 2.0, popup flow
 * handing a short-lived signed session token to the widget by postMessage, Bearer protection, demo mode.
 */
export { routesAuth, verifierOrigine, urlRetourOidc, urlServiceCas } from "./routes-auth.js";
export { routesApiAuth } from "./routes-api-auth.js";
export { exigerSession } from "./exiger-session.js";
export type { AuthDeps, Session } from "./deps.js";
export {
  authConfigSchema,
  chargerAuthConfig,
  entSchema,
  trouverEnt,
  type AuthConfig,
  type EntCas,
  type EntConfig,
  type EntOidc,
} from "./ent-config.js";
export { ConfigError, ErreurAuth, type CodeErreurAuth, type CorpsErreur } from "./erreurs.js";
export { emettreJeton, verifierJeton, type ContenuJeton, type JetonEmis } from "./session.js";
export { identiteDepuisClaims, roleDepuisType, type ClaimsEnt } from "./mapping.js";
export { lireProfil, type Profil } from "./profil.js";
export { ENT_DEMO } from "./demo.js";
export { origineAutorisee, normaliserOrigine } from "./origines.js";
