/**
 * The version of `@trousse/widgets`, injected at build time from package.json.
 *
 * @example
 * ```ts
 * import { VERSION } from "@trousse/widgets";
 * console.log(VERSION); // "0.1.0"
 * ```
 */
export const VERSION: string = __TROUSSE_VERSION__;
