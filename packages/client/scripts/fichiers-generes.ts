// The files generated from the API's OpenAPI document, and their expected contents.
import { join } from "node:path";
import { texteDocument, typesDepuisDocument } from "./types-openapi.js";

const PAQUET = join(import.meta.dirname, "..");

/** Where each generated file is committed. */
export const FICHIERS_GENERES = {
  document: join(PAQUET, "openapi.json"),
  types: join(PAQUET, "src", "genere", "api.ts"),
} as const;

/**
 * The exact contents the generated files must have for a given OpenAPI document.
 *
 * @example
 * const { document, types } = await fichiersGeneres(await documentApi());
 */
export async function fichiersGeneres(
  doc: Record<string, unknown>,
): Promise<Record<keyof typeof FICHIERS_GENERES, string>> {
  return { document: texteDocument(doc), types: await typesDepuisDocument(doc) };
}
