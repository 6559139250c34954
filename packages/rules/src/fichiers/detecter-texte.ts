import { type TypeDetecte } from "./familles.js";
import { decoderUtf8 } from "./utf8.js";

const SCRIPTS: [RegExp, TypeDetecte][] = [
  [/^#!/, { famille: "executable", nature: "script", format: "shebang" }],
  [/^@?echo\s+off\b/i, { famille: "executable", nature: "script", format: "batch" }],
  [/^<\?php/i, { famille: "executable", nature: "script", format: "php" }],
  [
    /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+svg[^>]*>\s*)?<svg[\s>]/i,
    { famille: "executable", nature: "svg", format: "svg" },
  ],
  [
    /^(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|script|iframe)[\s>]/i,
    { famille: "executable", nature: "page-web", format: "html" },
  ],
];

/** Octets de contrôle refusés dans un texte : tous sauf tabulation, saut de ligne, saut de page, retour chariot. */
function aDesControles(texte: string): boolean {
  for (let i = 0; i < texte.length; i++) {
    const c = texte.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

/**
 * Reconnaît le texte brut (UTF-8 valide, sans octet nul ni caractère de contrôle, BOM toléré) et, parmi les
 * textes, les scripts et contenus actifs : `#!…`, `@echo off`, `<?php`, page HTML, image SVG.
 *
 * @example
 * detecterTexte(octets("Bonjour à tous\n"));   // { famille: "document", mime: "text/plain", extension: "txt" }
 * detecterTexte(octets("#!/bin/sh\nrm -rf ~")); // { famille: "executable", nature: "script", format: "shebang" }
 */
export function detecterTexte(octets: Uint8Array): TypeDetecte | null {
  if (octets.length === 0) return null;
  const texte = decoderUtf8(octets, true);
  if (texte === null || aDesControles(texte)) return null;
  const debut = texte.replace(/^\uFEFF/, "").trimStart();
  for (const [motif, type] of SCRIPTS) if (motif.test(debut)) return type;
  return { famille: "document", mime: "text/plain", extension: "txt" };
}
