import type { MiddlewareHandler } from "hono";
import type { TrousseDb } from "@trousse/db";
import type { Session } from "../auth/deps.js";
import type { StockageFichiers } from "../stockage/stockage-fichiers.js";
import type { RegistreTeleversements } from "../televersements/registre.js";
import type { StoreTeleversements } from "../televersements/store-televersements.js";

/** Ce dont les routes des devoirs, rendus, rappels et téléversements ont besoin. */
export interface DepsDevoirs {
  db: TrousseDb;
  /** Le middleware de session (`exigerSession` de l'authentification ENT). */
  exigerSession: MiddlewareHandler<{ Variables: { session: Session } }>;
  store: StoreTeleversements;
  stockage: StockageFichiers;
  /** Où les envois en attente sont comptés (en base). */
  registre: RegistreTeleversements;
  /** Versions qu'un élève peut rendre par devoir (défaut des règles : 10). */
  versionsMax?: number;
  /** Délai de grâce d'un engagement, en ms (défaut des règles : 24 h). */
  graceEngagementMs?: number;
  /** Horloge du serveur (remplaçable dans les tests de dates). */
  maintenant?: () => Date;
}

/** Les variables Hono posées par la session. */
export type EnvSession = { Variables: { session: Session } };

/** L'horloge effective. */
export const horloge = (deps: DepsDevoirs): (() => Date) => deps.maintenant ?? (() => new Date());
