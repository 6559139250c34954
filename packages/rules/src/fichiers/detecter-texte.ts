import { type TypeDetecte } from "./familles.js";
import { decoderUtf8 } from "./utf8.js";

/**
 * Prologue d'un document balisé, avant son élément racine : autant d'instructions de traitement
 * (`<?xml …?>`, `<?xml-stylesheet …?>`, deux `<?xml ?>` de suite compris), de commentaires et de DOCTYPE
 * (avec sous-ensemble interne `[ <!ENTITY …> ]`, qui peut contenir des `>`) qu'on voudra.
 */
// Chaque pièce est écrite « déroulée » (elle ne peut pas déborder sur la suivante) : pas de retour en arrière
// exponentiel sur un prologue tronqué ou fabriqué (voir le test de temps).
const PROLOGUE = String.raw`^(?:(?:<\?(?!php)[^?]*(?:\?(?!>)[^?]*)*\?>|<!--[^-]*(?:-(?!->)[^-]*)*-->|<!doctype\b[^[>]*(?:\[[^\]]*\]\s*)?>)\s*)*`;
/** Un nom d'élément, avec préfixe d'espace de noms éventuel (`<svg:svg>`, `<html:script>`). */
const PREFIXE = String.raw`<(?:[\w.-]+:)?`;

/**
 * Éléments HTML : un texte balisé dont l'élément racine en est un est un fragment HTML, qu'un navigateur
 * interprète en entier, y compris un `<script>` placé loin après (au-delà des octets examinés, derrière
 * 5 000 espaces par exemple). Il est donc jugé sur sa première balise.
 */
const ELEMENTS_HTML =
  "html|head|body|script|iframe|frame|frameset|object|embed|applet|meta|link|base|style|title|template|" +
  "form|input|button|textarea|select|a|p|div|span|br|hr|img|picture|video|audio|source|canvas|math|table|" +
  "thead|tbody|tr|td|th|ul|ol|li|dl|dt|dd|h[1-6]|b|i|u|s|em|strong|small|sub|sup|code|pre|blockquote|q|" +
  "main|header|footer|nav|section|article|aside|figure|figcaption|details|summary|dialog|label|fieldset|" +
  "font|center|marquee|xmp|plaintext|noscript|nav";

const SCRIPTS: [RegExp, TypeDetecte][] = [
  [/^#!/, { famille: "executable", nature: "script", format: "shebang" }],
  [/^@?echo\s+off\b/i, { famille: "executable", nature: "script", format: "batch" }],
  [
    new RegExp(String.raw`${PROLOGUE}<\?php`, "i"),
    { famille: "executable", nature: "script", format: "php" },
  ],
  [
    new RegExp(String.raw`${PROLOGUE}${PREFIXE}svg[\s/>]`, "i"),
    { famille: "executable", nature: "svg", format: "svg" },
  ],
  [
    new RegExp(String.raw`${PROLOGUE}${PREFIXE}(?:${ELEMENTS_HTML})[\s/>]`, "i"),
    { famille: "executable", nature: "page-web", format: "html" },
  ],
];

/** Texte balisé : commence (espaces, BOM passés) par `<` suivi d'une lettre, de `!` ou de `?`. */
const BALISE = /^<[a-z!?]/i;
/** Contenu actif n'importe où dans les octets examinés d'un texte balisé (racine XML quelconque). */
const ACTIFS: [RegExp, TypeDetecte][] = [
  [new RegExp(String.raw`${PREFIXE}svg[\s/>]`, "i"), { famille: "executable", nature: "svg", format: "svg" }],
  [
    new RegExp(
      String.raw`${PREFIXE}(?:html|body|script|iframe|object|embed|frameset)[\s/>]|<[a-z][^>]*\son[a-z]+\s*=|javascript:`,
      "i",
    ),
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
 * textes, les scripts et contenus actifs : `#!…`, `@echo off`, `<?php`, page ou fragment HTML, image SVG
 * (après un prologue XML quelconque), et tout texte balisé qui contient plus loin `<svg`, `<script`,
 * `<html`, un attribut `on…=` ou `javascript:`.
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
  if (BALISE.test(debut)) for (const [motif, type] of ACTIFS) if (motif.test(debut)) return type;
  return { famille: "document", mime: "text/plain", extension: "txt" };
}
