// Joue tout le parcours « Rendre un devoir » en HTTP contre un serveur qui tourne (commande principale du
// README : `npx -y pnpm@12.20.0 start`, mode démonstration) :
// l'enseignante crée un devoir, l'élève téléverse (tus, coupé puis repris) et rend, l'enseignante suit,
// télécharge l'archive ZIP et rend un retour, l'élève le voit ; le parent voit le statut.
// Usage : node --import tsx apps/api/scripts/parcours-rendu.ts [http://localhost:8787]
import { createHash, randomBytes } from "node:crypto";

const base = (process.argv[2] ?? process.env.TROUSSE_URL ?? "http://localhost:8787").replace(/\/$/, "");
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

function etape(texte: string): void {
  console.log(`\n▶ ${texte}`);
}

async function json<T>(reponse: Response, attendu: number): Promise<T> {
  const texte = await reponse.text();
  if (reponse.status !== attendu)
    throw new Error(`${reponse.url} : statut ${reponse.status} (attendu ${attendu}) ${texte}`);
  return (texte ? JSON.parse(texte) : {}) as T;
}

async function connexion(login: string): Promise<Record<string, string>> {
  const r = await json<{ jeton: string }>(
    await fetch(`${base}/v1/auth/demo`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ login }),
    }),
    200,
  );
  return { authorization: `Bearer ${r.jeton}` };
}

async function televerser(
  auth: Record<string, string>,
  devoirId: string,
  nom: string,
  contenu: Buffer,
): Promise<string> {
  const tus = { ...auth, "Tus-Resumable": "1.0.0" };
  const meta = `filename ${Buffer.from(nom).toString("base64")},devoir ${Buffer.from(devoirId).toString("base64")}`;
  const post = await fetch(`${base}/v1/televersements`, {
    method: "POST",
    headers: { ...tus, "Upload-Length": String(contenu.length), "Upload-Metadata": meta },
  });
  if (post.status !== 201) throw new Error(`création de l'envoi : ${post.status} ${await post.text()}`);
  const url = new URL(post.headers.get("location")!, base).href;
  // Le téléphone perd la connexion après 60 % : il demande où reprendre, puis envoie la suite.
  const coupure = Math.floor(contenu.length * 0.6);
  const patch = (offset: number, fin: number) =>
    fetch(url, {
      method: "PATCH",
      headers: { ...tus, "Upload-Offset": String(offset), "Content-Type": "application/offset+octet-stream" },
      body: contenu.subarray(offset, fin),
    });
  await json(await patch(0, coupure), 204);
  const head = await fetch(url, { method: "HEAD", headers: tus });
  const offset = Number(head.headers.get("upload-offset"));
  console.log(`  envoi coupé à ${offset} octets sur ${contenu.length}, reprise à ${offset}`);
  await json(await patch(offset, contenu.length), 204);
  return url.split("/").pop()!;
}

const prof = await connexion("claire.durand");
const lea = await connexion("lea.martin");
const parent = await connexion("sophie.martin");

etape("L'enseignante crée un devoir pour la 3eA (dates en heure de Paris)");
const groupeId = (
  await json<{ devoirs: { groupeId: string }[] }>(await fetch(`${base}/v1/devoirs`, { headers: lea }), 200)
).devoirs[0]?.groupeId;
if (!groupeId)
  throw new Error("la démonstration n'a pas de devoir pour la 3eA : lancez le serveur avec TROUSSE_DEMO=1");
const paris = (d: Date) =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short" })
    .format(d)
    .replace(" ", "T");
const { devoir } = await json<{
  devoir: { id: string; titre: string; datesAffichees: { echeance: string } };
}>(
  await fetch(`${base}/v1/devoirs`, {
    method: "POST",
    headers: { ...prof, "content-type": "application/json" },
    body: JSON.stringify({
      groupeId,
      titre: `Parcours rendu ${new Date().toISOString().slice(0, 19)}`,
      consignes: "Rendez votre rédaction en PDF.",
      ouverture: paris(new Date(Date.now() - 3600_000)),
      echeance: paris(new Date(Date.now() + 7 * 86_400_000)),
      contraintes: { familles: ["document", "image"], tailleMaxOctets: 10_000_000, nombreMax: 2 },
      declarationHonneur: "J'atteste que ce travail est le mien.",
    }),
  }),
  201,
);
console.log(`  devoir ${devoir.id} « ${devoir.titre} », échéance ${devoir.datesAffichees.echeance}`);

etape("L'élève ouvre le devoir, téléverse sa copie (tus) et rend");
await json(await fetch(`${base}/v1/devoirs/${devoir.id}`, { headers: lea }), 200);
const copie = Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(300_000)]);
const id = await televerser(lea, devoir.id, "ma rédaction.pdf", copie);
const { accuseReception } = await json<{
  accuseReception: {
    renduId: string;
    renduLeAffiche: string;
    ponctualiteLibelle: string;
    version: number;
    fichiers: { nom: string; taille: number; sha256: string }[];
  };
}>(
  await fetch(`${base}/v1/devoirs/${devoir.id}/rendre`, {
    method: "POST",
    headers: { ...lea, "content-type": "application/json" },
    body: JSON.stringify({ televersements: [id], declarationCochee: true }),
  }),
  201,
);
console.log(
  `  accusé de réception : ${accuseReception.ponctualiteLibelle}, le ${accuseReception.renduLeAffiche}, version ${accuseReception.version}`,
);
for (const f of accuseReception.fichiers) console.log(`  ${f.nom} — ${f.taille} octets — sha256 ${f.sha256}`);
if (accuseReception.fichiers[0]?.sha256 !== sha(copie))
  throw new Error("le sha256 de l'accusé ne correspond pas au fichier envoyé");

etape("L'enseignante suit le devoir");
const suivi = await json<{
  compte: Record<string, number>;
  eleves: { eleve: { nomAffiche: string }; libelle: string; vuLeAffiche: string | null }[];
}>(await fetch(`${base}/v1/devoirs/${devoir.id}/suivi`, { headers: prof }), 200);
for (const e of suivi.eleves)
  console.log(`  ${e.eleve.nomAffiche} : ${e.libelle}${e.vuLeAffiche ? ` (vu le ${e.vuLeAffiche})` : ""}`);

etape("L'enseignante télécharge l'archive ZIP (un dossier par élève + manifeste CSV)");
const zip = await fetch(`${base}/v1/devoirs/${devoir.id}/rendus.zip`, { headers: prof });
const octets = new Uint8Array(await zip.arrayBuffer());
console.log(
  `  ${zip.status} ${zip.headers.get("content-disposition")} — ${octets.length} octets, nosniff : ${zip.headers.get("x-content-type-options")}`,
);
if (!Buffer.from(octets).includes(Buffer.from(sha(copie))))
  throw new Error("le manifeste de l'archive ne contient pas le sha256 du rendu");

etape("L'enseignante envoie un rappel à ceux qui n'ont pas rendu, puis rend un retour à l'élève");
const rappel = await json<{ envoyes: number }>(
  await fetch(`${base}/v1/devoirs/${devoir.id}/rappels`, {
    method: "POST",
    headers: { ...prof, "content-type": "application/json" },
    body: "{}",
  }),
  201,
);
console.log(`  rappels envoyés : ${rappel.envoyes}`);
await json(
  await fetch(`${base}/v1/rendus/${accuseReception.renduId}/retour`, {
    method: "POST",
    headers: { ...prof, "content-type": "application/json" },
    body: JSON.stringify({ commentaire: "Bonne construction, soignez la conclusion." }),
  }),
  201,
);

etape("L'élève voit le retour ; le parent voit le statut (lecture seule)");
const monRendu = await json<{
  libelle: string;
  retour: { commentaire: string; retourneLeAffiche: string } | null;
}>(await fetch(`${base}/v1/devoirs/${devoir.id}/mon-rendu`, { headers: lea }), 200);
console.log(
  `  élève : ${monRendu.libelle} ; retour du ${monRendu.retour?.retourneLeAffiche} : « ${monRendu.retour?.commentaire} »`,
);
const vueParent = await json<{
  enfants: { eleve: { nomAffiche: string }; devoirs: { id: string; libelle: string }[] }[];
}>(await fetch(`${base}/v1/devoirs`, { headers: parent }), 200);
for (const e of vueParent.enfants)
  console.log(`  parent — ${e.eleve.nomAffiche} : ${e.devoirs.find((d) => d.id === devoir.id)?.libelle}`);
console.log("\n✔ Parcours complet.");
