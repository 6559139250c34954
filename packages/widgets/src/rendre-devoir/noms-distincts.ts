/**
 * A file name not yet in `pris`: the name itself, else `nom (2).ext`, `nom (3).ext`… (compared without
 * case, as the pupil and the teacher read them). Two phone photos both called `image.jpg` become
 * `image.jpg` and `image (2).jpg`, for the pupil and, once handed in, for the teacher.
 *
 * @example
 * ```ts
 * nomDistinct("image.jpg", ["image.jpg"]); // "image (2).jpg"
 * nomDistinct("image.jpg", ["IMAGE.JPG", "image (2).jpg"]); // "image (3).jpg"
 * nomDistinct("notes", []); // "notes"
 * ```
 */
export function nomDistinct(nom: string, pris: readonly string[]): string {
  const deja = new Set(pris.map((n) => n.toLowerCase()));
  if (!deja.has(nom.toLowerCase())) return nom;
  const point = nom.lastIndexOf(".");
  const [base, extension] = point > 0 ? [nom.slice(0, point), nom.slice(point)] : [nom, ""];
  for (let i = 2; ; i++) {
    const essai = `${base} (${i})${extension}`;
    if (!deja.has(essai.toLowerCase())) return essai;
  }
}
