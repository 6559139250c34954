// SHA-256 (FIPS 180-4), incremental: Web Crypto has no streaming digest, and a file of several hundred MB
// should not be read into memory at once to commit to it. Loaded lazily (`import()`) by the upload path when
// a file is picked: it is not in the widget's first-render bundle.

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

/**
 * An incremental SHA-256: `ajouter` any number of byte chunks, then `hex()` once.
 *
 * @example
 * ```ts
 * const h = new Sha256();
 * h.ajouter(new TextEncoder().encode("ab")).ajouter(new TextEncoder().encode("c"));
 * h.hex(); // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 * ```
 */
export class Sha256 {
  private readonly h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  private readonly w = new Uint32Array(64);
  private readonly bloc = new Uint8Array(64);
  private rempli = 0;
  private longueur = 0;
  private fini = false;

  ajouter(octets: Uint8Array): this {
    if (this.fini) throw new Error("Sha256 : empreinte déjà calculée");
    this.longueur += octets.length;
    let i = 0;
    if (this.rempli > 0) {
      const n = Math.min(64 - this.rempli, octets.length);
      this.bloc.set(octets.subarray(0, n), this.rempli);
      this.rempli += n;
      i = n;
      if (this.rempli < 64) return this;
      this.compresser(this.bloc, 0);
      this.rempli = 0;
    }
    for (; i + 64 <= octets.length; i += 64) this.compresser(octets, i);
    if (i < octets.length) {
      this.bloc.set(octets.subarray(i), 0);
      this.rempli = octets.length - i;
    }
    return this;
  }

  hex(): string {
    if (!this.fini) {
      const bits = this.longueur * 8;
      const fin = new Uint8Array(this.rempli < 56 ? 64 - this.rempli : 128 - this.rempli);
      fin[0] = 0x80;
      const v = new DataView(fin.buffer);
      v.setUint32(fin.length - 8, Math.floor(bits / 2 ** 32));
      v.setUint32(fin.length - 4, bits >>> 0);
      const longueur = this.longueur;
      this.ajouter(fin);
      this.longueur = longueur;
      this.fini = true;
    }
    let s = "";
    for (const x of this.h) s += x.toString(16).padStart(8, "0");
    return s;
  }

  private compresser(o: Uint8Array, d: number): void {
    const w = this.w;
    for (let t = 0; t < 16; t++) {
      const j = d + t * 4;
      w[t] = (o[j]! << 24) | (o[j + 1]! << 16) | (o[j + 2]! << 8) | o[j + 3]!;
    }
    for (let t = 16; t < 64; t++) {
      const a = w[t - 15]!;
      const b = w[t - 2]!;
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) | 0;
    }
    const h = this.h;
    let a = h[0]!,
      b = h[1]!,
      c = h[2]!,
      e = h[4]!,
      f = h[5]!,
      g = h[6]!,
      hh = h[7]!,
      dd = h[3]!;
    for (let t = 0; t < 64; t++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[t]! + w[t]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      hh = g;
      g = f;
      f = e;
      e = (dd + t1) | 0;
      dd = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] = (h[0]! + a) | 0;
    h[1] = (h[1]! + b) | 0;
    h[2] = (h[2]! + c) | 0;
    h[3] = (h[3]! + dd) | 0;
    h[4] = (h[4]! + e) | 0;
    h[5] = (h[5]! + f) | 0;
    h[6] = (h[6]! + g) | 0;
    h[7] = (h[7]! + hh) | 0;
  }
}

/** Files up to this size are hashed by Web Crypto in one piece when it is there (native, faster). */
export const SEUIL_WEB_CRYPTO = 64 * 1024 * 1024;
/** The size of the chunks read from a larger file. */
export const MORCEAU = 4 * 1024 * 1024;

/**
 * The SHA-256 of a file, hex: Web Crypto on the whole file when it is small enough and available (a secure
 * context), else incrementally in chunks of {@link MORCEAU} (memory stays bounded for a file of 1 GB).
 *
 * @example
 * ```ts
 * const sha256 = await empreinteFichier(input.files[0]);
 * ```
 */
export async function empreinteFichier(
  fichier: Blob,
  options: { sansWebCrypto?: boolean; morceau?: number } = {},
): Promise<string> {
  const subtil = globalThis.crypto?.subtle;
  if (subtil && !options.sansWebCrypto && fichier.size <= SEUIL_WEB_CRYPTO) {
    const d = new Uint8Array(await subtil.digest("SHA-256", await fichier.arrayBuffer()));
    return Array.from(d, (x) => x.toString(16).padStart(2, "0")).join("");
  }
  const h = new Sha256();
  const pas = options.morceau ?? MORCEAU;
  for (let debut = 0; debut < fichier.size; debut += pas) {
    h.ajouter(new Uint8Array(await fichier.slice(debut, debut + pas).arrayBuffer()));
  }
  return h.hex();
}
