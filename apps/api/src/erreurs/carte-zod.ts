import { z } from "@hono/zod-openapi";

/** What our map says of a missing field (and how `codeIssue` knows the field was missing). */
export const MESSAGE_OBLIGATOIRE = "champ obligatoire";

/** The stable code of a zod issue, for `details[].code`: what the client can branch on. */
export function codeIssue(i: z.core.$ZodIssue): string {
  switch (i.code) {
    case "invalid_type":
      // A final issue no longer carries its input: a missing field is told by the message our map gave it.
      return i.message === MESSAGE_OBLIGATOIRE ? "champ-obligatoire" : "type-invalide";
    case "invalid_value":
      return "valeur-invalide";
    case "too_big":
      return i.origin === "string"
        ? "texte-trop-long"
        : i.origin === "array"
          ? "liste-trop-longue"
          : "trop-grand";
    case "too_small":
      return i.origin === "string"
        ? "texte-trop-court"
        : i.origin === "array"
          ? "liste-trop-courte"
          : "trop-petit";
    case "unrecognized_keys":
      return "champ-inconnu";
    case "invalid_format":
      return "format-invalide";
    case "not_multiple_of":
      return "valeur-invalide";
    case "invalid_union":
      return "valeur-invalide";
    case "custom": {
      const code = (i.params as { code?: unknown } | undefined)?.code;
      return typeof code === "string" ? code : "valeur-invalide";
    }
    default:
      return "valeur-invalide";
  }
}

const TYPES: Record<string, string> = {
  string: "un texte",
  number: "un nombre",
  int: "un nombre entier",
  bigint: "un nombre entier",
  boolean: "un booléen (true ou false)",
  array: "une liste",
  object: "un objet",
  date: "une date",
  null: "null",
  undefined: "rien",
};

const FORMATS: Record<string, string> = {
  uuid: "un identifiant (uuid)",
  guid: "un identifiant (uuid)",
  email: "une adresse électronique",
  url: "une adresse web",
  datetime: "une date et heure ISO-8601",
  date: "une date ISO-8601",
  regex: "le format attendu",
};

const unite = (origin: string, n: number | bigint): string =>
  origin === "string"
    ? `${n} caractère${Number(n) > 1 ? "s" : ""}`
    : origin === "array" || origin === "set"
      ? `${n} élément${Number(n) > 1 ? "s" : ""}`
      : String(n);

/**
 * The French message of a zod issue that its schema did not word itself. Installed once as zod's global
 * error map (`installerCarteZod`), so that no English default ever reaches a client.
 *
 * @example
 * messageIssue({ code: "invalid_type", expected: "string", input: 3, path: [] }); // "doit être un texte"
 */
export function messageIssue(i: z.core.$ZodRawIssue): string {
  switch (i.code) {
    case "invalid_type":
      return i.input === undefined
        ? MESSAGE_OBLIGATOIRE
        : `doit être ${TYPES[i.expected] ?? `de type ${i.expected}`}`;
    case "invalid_value":
      return `valeur attendue : ${i.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "too_big":
      return `au plus ${unite(i.origin, i.maximum as number)}`;
    case "too_small":
      return `au moins ${unite(i.origin, i.minimum as number)}`;
    case "unrecognized_keys":
      return `champ${i.keys.length > 1 ? "s" : ""} inconnu${i.keys.length > 1 ? "s" : ""} : ${i.keys.join(", ")}`;
    case "invalid_format":
      return `doit être ${FORMATS[i.format] ?? `au format ${i.format}`}`;
    case "not_multiple_of":
      return `doit être un multiple de ${String(i.divisor)}`;
    case "invalid_union":
      return "valeur invalide (aucune forme permise ne correspond)";
    case "invalid_key":
      return "clé invalide";
    case "invalid_element":
      return "élément invalide";
    default:
      return "valeur invalide";
  }
}

let installee = false;

/**
 * Makes zod word in French every issue its schema does not word itself (zod's global `customError`; the
 * messages of our schemas and of the rules' schemas take precedence). Idempotent.
 *
 * @example
 * installerCarteZod();
 * z.string().safeParse(3).error?.issues[0]?.message; // "doit être un texte"
 */
export function installerCarteZod(): void {
  if (installee) return;
  installee = true;
  z.config({ customError: (i) => messageIssue(i) });
}
