/**
 * A small, strict XML reader for CAS 2.0 `serviceValidate` answers. It refuses any DTD (`<!DOCTYPE`,
 * `<!ENTITY`): no entity is ever expanded except the five predefined ones and numeric character
 * references, so "billion laughs" and external entities cannot happen. Size and depth are bounded.
 */

/** An XML element: qualified name, attributes, children and its own text (CDATA included). */
export interface ElementXml {
  nom: string;
  attributs: Record<string, string>;
  enfants: ElementXml[];
  texte: string;
}

/** Thrown when the document is not well-formed or not allowed (DTD, too big, too deep). */
export class ErreurXml extends Error {
  override readonly name = "ErreurXml";
}

const TAILLE_MAX = 1_000_000;
const PROFONDEUR_MAX = 32;
const ENTITES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const NOM = /^[A-Za-z_][\w.:-]*/;

function decoder(texte: string): string {
  return texte.replace(/&([^;&\s]{0,12});?/g, (brut, ref: string) => {
    if (!brut.endsWith(";")) throw new ErreurXml("« & » non échappé dans le texte");
    if (ref.startsWith("#x") || ref.startsWith("#X")) {
      const n = Number.parseInt(ref.slice(2), 16);
      if (!/^[0-9a-fA-F]+$/.test(ref.slice(2)) || n > 0x10ffff)
        throw new ErreurXml(`référence invalide &${ref};`);
      return String.fromCodePoint(n);
    }
    if (ref.startsWith("#")) {
      const n = Number.parseInt(ref.slice(1), 10);
      if (!/^\d+$/.test(ref.slice(1)) || n > 0x10ffff) throw new ErreurXml(`référence invalide &${ref};`);
      return String.fromCodePoint(n);
    }
    const v = ENTITES[ref];
    if (v === undefined) throw new ErreurXml(`entité non prise en charge &${ref};`);
    return v;
  });
}

/**
 * Parses an XML document into its root element. Throws `ErreurXml` on anything malformed or on a DTD.
 *
 * @example
 * const racine = lireXml("<a x='1'><b>t&amp;t</b></a>");
 * racine.enfants[0]?.texte; // "t&t"
 */
export function lireXml(xml: string): ElementXml {
  if (xml.length > TAILLE_MAX) throw new ErreurXml("document trop volumineux");
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const pile: ElementXml[] = [];
  let racine: ElementXml | undefined;

  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const texte = xml.slice(i, lt === -1 ? xml.length : lt);
    if (texte.trim() !== "") {
      const courant = pile.at(-1);
      if (!courant) throw new ErreurXml("texte hors de l'élément racine");
      courant.texte += decoder(texte);
    }
    if (lt === -1) break;
    i = lt;
    if (xml.startsWith("<?", i)) {
      const fin = xml.indexOf("?>", i);
      if (fin === -1) throw new ErreurXml("instruction non terminée");
      i = fin + 2;
    } else if (xml.startsWith("<!--", i)) {
      const fin = xml.indexOf("-->", i + 4);
      if (fin === -1) throw new ErreurXml("commentaire non terminé");
      i = fin + 3;
    } else if (xml.startsWith("<![CDATA[", i)) {
      const fin = xml.indexOf("]]>", i);
      const courant = pile.at(-1);
      if (fin === -1 || !courant) throw new ErreurXml("CDATA invalide");
      courant.texte += xml.slice(i + 9, fin);
      i = fin + 3;
    } else if (xml.startsWith("<!", i)) {
      throw new ErreurXml("DTD refusée (aucune entité n'est développée)");
    } else if (xml.startsWith("</", i)) {
      const fin = xml.indexOf(">", i);
      if (fin === -1) throw new ErreurXml("balise fermante non terminée");
      const nom = xml.slice(i + 2, fin).trim();
      const ouvert = pile.pop();
      if (!ouvert || ouvert.nom !== nom) throw new ErreurXml(`balise fermante inattendue </${nom}>`);
      i = fin + 1;
    } else {
      const m = NOM.exec(xml.slice(i + 1, i + 257));
      if (!m) throw new ErreurXml("nom d'élément invalide");
      const element: ElementXml = {
        nom: m[0],
        attributs: Object.create(null) as Record<string, string>,
        enfants: [],
        texte: "",
      };
      i += 1 + m[0].length;
      for (;;) {
        while (/\s/.test(xml[i] ?? "")) i++;
        if (xml.startsWith("/>", i) || xml[i] === ">") break;
        const a = NOM.exec(xml.slice(i, i + 257));
        if (!a) throw new ErreurXml(`attribut invalide dans <${element.nom}>`);
        i += a[0].length;
        while (/\s/.test(xml[i] ?? "")) i++;
        if (xml[i] !== "=") throw new ErreurXml(`« = » attendu dans <${element.nom}>`);
        i++;
        while (/\s/.test(xml[i] ?? "")) i++;
        const guillemet = xml[i];
        if (guillemet !== '"' && guillemet !== "'") throw new ErreurXml("valeur d'attribut sans guillemets");
        const fin = xml.indexOf(guillemet, i + 1);
        if (fin === -1) throw new ErreurXml("valeur d'attribut non terminée");
        const valeur = xml.slice(i + 1, fin);
        if (valeur.includes("<")) throw new ErreurXml("« < » dans une valeur d'attribut");
        if (a[0] in element.attributs) throw new ErreurXml(`attribut en double ${a[0]}`);
        element.attributs[a[0]] = decoder(valeur);
        i = fin + 1;
      }
      const parent = pile.at(-1);
      if (parent) parent.enfants.push(element);
      else if (racine) throw new ErreurXml("plusieurs éléments racine");
      else racine = element;
      if (xml[i] === ">") {
        pile.push(element);
        if (pile.length > PROFONDEUR_MAX) throw new ErreurXml("document trop profond");
        i += 1;
      } else {
        i += 2;
      }
    }
  }
  if (pile.length > 0) throw new ErreurXml(`élément <${pile.at(-1)?.nom}> non fermé`);
  if (!racine) throw new ErreurXml("document vide");
  return racine;
}

/**
 * The local part of a qualified name (`cas:user` → `user`).
 *
 * @example
 * nomLocal("cas:authenticationSuccess"); // "authenticationSuccess"
 */
export function nomLocal(nom: string): string {
  const i = nom.indexOf(":");
  return i === -1 ? nom : nom.slice(i + 1);
}

/** The outcome of a CAS 2.0 ticket validation. */
export type ReponseCas =
  | { succes: true; utilisateur: string; attributs: Record<string, string[]> }
  | { succes: false; code: string; message: string };

/**
 * Reads a CAS 2.0 `serviceResponse`: `cas:authenticationSuccess` (`cas:user`, `cas:attributes/*`, repeated
 * attributes become several values) or `cas:authenticationFailure code="…"`. Throws `ErreurXml` on anything else.
 *
 * @example
 * lireReponseCas(`<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">
 *   <cas:authenticationSuccess><cas:user>u1</cas:user></cas:authenticationSuccess></cas:serviceResponse>`);
 * // { succes: true, utilisateur: "u1", attributs: {} }
 */
export function lireReponseCas(xml: string): ReponseCas {
  const racine = lireXml(xml);
  if (nomLocal(racine.nom) !== "serviceResponse") throw new ErreurXml("serviceResponse attendu");
  const [issue, ...autres] = racine.enfants;
  if (!issue || autres.length > 0) throw new ErreurXml("un seul résultat attendu dans serviceResponse");
  if (nomLocal(issue.nom) === "authenticationFailure") {
    return { succes: false, code: issue.attributs.code ?? "INTERNAL_ERROR", message: issue.texte.trim() };
  }
  if (nomLocal(issue.nom) !== "authenticationSuccess") throw new ErreurXml("authenticationSuccess attendu");
  const user = issue.enfants.find((e) => nomLocal(e.nom) === "user")?.texte.trim();
  if (!user) throw new ErreurXml("cas:user manquant");
  const attributs = Object.create(null) as Record<string, string[]>;
  for (const bloc of issue.enfants.filter((e) => nomLocal(e.nom) === "attributes")) {
    for (const attribut of bloc.enfants) {
      const cle = nomLocal(attribut.nom);
      // A nested attribute (`<ENTPersonProfils><ENTPersonProfil>National_ELV</…></…>`, as entcore's KNE
      // service writes SDET profiles): its values are the children's texts.
      const valeurs =
        attribut.enfants.length > 0 && attribut.texte.trim() === ""
          ? attribut.enfants.map((e) => e.texte.trim())
          : [attribut.texte.trim()];
      (attributs[cle] ??= []).push(...valeurs);
    }
  }
  return { succes: true, utilisateur: user, attributs };
}
