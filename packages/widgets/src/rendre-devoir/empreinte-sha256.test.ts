import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { empreinteFichier, Sha256 } from "./empreinte-sha256.js";

const attendu = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("Sha256 incrémental", () => {
  it("vecteurs connus (FIPS 180-4)", () => {
    const enc = new TextEncoder();
    expect(new Sha256().hex()).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(new Sha256().ajouter(enc.encode("abc")).hex()).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(
      new Sha256().ajouter(enc.encode("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).hex(),
    ).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  });

  it("égale node:crypto quel que soit le découpage (tailles autour de 55, 56, 64 octets)", () => {
    // Every length from 0 to 300 bytes, each cut in random pieces (a new draw each run).
    for (let n = 0; n <= 300; n++) {
      const octets = randomBytes(n);
      const h = new Sha256();
      let i = 0;
      while (i < n) {
        const c = Math.floor(Math.random() * 130);
        h.ajouter(octets.subarray(i, i + c));
        i += c;
      }
      expect(h.hex(), `longueur ${n}`).toBe(attendu(octets));
    }
  });

  it("un fichier en morceaux, avec et sans Web Crypto, donne la même empreinte", async () => {
    const octets = randomBytes(3 * 1024 * 1024 + 17);
    const fichier = new Blob([octets]);
    const sha = attendu(octets);
    expect(await empreinteFichier(fichier, { sansWebCrypto: true, morceau: 1_000_003 })).toBe(sha);
    expect(await empreinteFichier(fichier)).toBe(sha);
  });
});
