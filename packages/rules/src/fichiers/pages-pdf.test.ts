import { describe, expect, it } from "vitest";
import { compterPagesPdf, OCTETS_PAGES_PDF } from "./pages-pdf.js";

const octets = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

const pdf = (arbre: string): string =>
  `%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n${arbre}\n3 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n%%EOF\n`;

describe("compterPagesPdf", () => {
  it("reads the page tree's /Count, with or without spaces, and ignores /Type /Page", () => {
    expect(compterPagesPdf(octets(pdf("2 0 obj\n<< /Type /Pages /Count 4 /Kids [3 0 R] >>\nendobj")))).toBe(
      4,
    );
    expect(compterPagesPdf(octets(pdf("2 0 obj<</Kids[3 0 R]/Count 12/Type/Pages>>endobj")))).toBe(12);
    expect(compterPagesPdf(octets(pdf("")))).toBeNull();
  });

  it("takes the root (the largest count) when the tree has intermediate nodes", () => {
    const arbre =
      "2 0 obj\n<< /Type /Pages /Kids [5 0 R 6 0 R] /Count 7 >>\nendobj\n5 0 obj\n<< /Type /Pages /Parent 2 0 R /Count 3 >>\nendobj\n6 0 obj\n<< /Type /Pages /Parent 2 0 R /Count 4 >>\nendobj";
    expect(compterPagesPdf(octets(pdf(arbre)))).toBe(7);
  });

  it("finds the tree in the last bytes (written at the end of the file)", () => {
    const fin = octets("9 0 obj\n<< /Type /Pages /Count 2 /Kids [3 0 R 4 0 R] >>\nendobj\nxref\n");
    expect(compterPagesPdf(octets("%PDF-1.7\n…"), fin)).toBe(2);
  });

  it("is not a PDF without %PDF- first; only the bounded window is read", () => {
    expect(compterPagesPdf(octets("<< /Type /Pages /Count 3 >>"))).toBeNull();
    const loin = `%PDF-1.4\n${" ".repeat(OCTETS_PAGES_PDF)}2 0 obj << /Type /Pages /Count 5 >> endobj`;
    expect(compterPagesPdf(octets(loin))).toBeNull();
  });
});
