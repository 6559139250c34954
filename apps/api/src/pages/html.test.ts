import { describe, expect, it } from "vitest";
import { documentHtml, enTexte, gabarit, pageHtml, raw } from "./html.js";

describe("le gabarit HTML unique", () => {
  it("échappe toute valeur insérée, en contenu comme en attribut, et garde les fragments déjà sûrs", () => {
    const piege = `"><script>alert('x')</script>&`;
    const rendu = enTexte(gabarit`<a title="${piege}">${piege}</a>${gabarit`<b>ok</b>`}${raw("<i>sûr</i>")}`);
    expect(rendu).toBe(
      '<a title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</a><b>ok</b><i>sûr</i>',
    );
  });

  it("joint les listes, n'écrit rien pour undefined/false", () => {
    const liste = ["<a>", "b"].map((x) => gabarit`<li>${x}</li>`);
    expect(enTexte(gabarit`<ul>${liste}</ul>${undefined}${false}`)).toBe(
      "<ul><li>&lt;a&gt;</li><li>b</li></ul>",
    );
  });

  it("le squelette : français, titre échappé, icône, aucun script en ligne", () => {
    const page = enTexte(documentHtml({ titre: "<T>", corps: gabarit`<main></main>`, classe: 'a"b' }));
    expect(page).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(page).toContain("<title>&lt;T&gt;</title>");
    expect(page).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
    expect(page).toContain('<body class="a&quot;b">');
    expect(page).not.toContain("<script");
    expect(pageHtml("Accueil", gabarit`<h1>${"<x>"}</h1>`)).toContain("<h1>&lt;x&gt;</h1>");
  });
});
