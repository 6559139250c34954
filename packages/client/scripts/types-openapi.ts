// Turns the API's OpenAPI document into TypeScript types with openapi-typescript (`paths`, `components`,
// `operations`), and gives the exact text of the two generated files committed in the package.
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";

const ENTETE =
  "// Généré par `npx -y pnpm@12.20.0 --filter @trousse/client generate` depuis le document OpenAPI de l'API\n" +
  "// (openapi.json, construit depuis apps/api). Ne pas modifier à la main : régénérer.\n\n";

/**
 * The TypeScript source of the types of an OpenAPI document (interfaces `paths`, `components`,
 * `operations`), with a header saying how to regenerate it.
 *
 * @example
 * const source = await typesDepuisDocument(doc);
 * source.includes("export interface paths"); // true
 */
export async function typesDepuisDocument(doc: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(doc as unknown as OpenAPI3, { silent: true });
  return ENTETE + astToString(ast);
}

/**
 * The committed text of the OpenAPI document: indented JSON, one final newline.
 *
 * @example
 * texteDocument({ openapi: "3.1.0" }); // '{\n  "openapi": "3.1.0"\n}\n'
 */
export function texteDocument(doc: Record<string, unknown>): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
