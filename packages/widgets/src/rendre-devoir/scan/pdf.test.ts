import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ecrirePdf } from "./pdf.js";

/** A 12 × 18 px baseline JPEG (a dark rectangle on white), rendered by poppler's pdftoppm. */
const JPEG = Uint8Array.from(
  Buffer.from(
    "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCAASAAwDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwD1nVviD4X0PU5tO1HVPIu4dvmR/Z5WxlQw5VSOhHeumr5m+K//ACUvV/8Atj/6JSvpmgAooooA/9k=",
    "base64",
  ),
);

const octets = (parts: Uint8Array[]): Buffer => Buffer.concat(parts);
const outil = (nom: string): boolean => existsSync(`/usr/bin/${nom}`);

describe("ecrirePdf", () => {
  it("writes a header, one page tree with the count near the start, and an exact xref", () => {
    const pdf = octets(
      ecrirePdf(
        [1, 2, 3].map(() => ({ jpeg: JPEG, largeur: 12, hauteur: 18 })),
        "Rédaction",
      ),
    );
    const texte = pdf.toString("latin1");
    expect(texte.startsWith("%PDF-1.4\n")).toBe(true);
    expect(texte.indexOf("/Type /Pages /Count 3")).toBeLessThan(200);
    expect(texte.match(/\/Type \/Page /g)).toHaveLength(3);
    const xref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(texte)![1]);
    expect(texte.slice(xref, xref + 4)).toBe("xref");
    // Every offset of the table points at "n 0 obj".
    const lignes = texte
      .slice(xref)
      .split("\n")
      .slice(3, 3 + 12);
    lignes.forEach((l, i) =>
      expect(texte.slice(Number(l.slice(0, 10)))).toMatch(new RegExp(`^${i + 1} 0 obj`)),
    );
    // The JPEG is embedded byte for byte.
    expect(pdf.includes(Buffer.from(JPEG))).toBe(true);
  });

  it("stores the title in UTF-16BE (accents and parentheses safe)", () => {
    const texte = octets(ecrirePdf([{ jpeg: JPEG, largeur: 12, hauteur: 18 }], "é)")).toString("latin1");
    expect(texte).toContain("/Title <FEFF00e90029>");
  });

  it.runIf(outil("qpdf") && outil("pdfinfo"))(
    "passes qpdf --check; pdfinfo reads 2 A4 pages and the title",
    () => {
      const dossier = mkdtempSync(join(tmpdir(), "trousse-pdf-"));
      const chemin = join(dossier, "copie.pdf");
      writeFileSync(
        chemin,
        octets(
          ecrirePdf(
            [0, 1].map(() => ({ jpeg: JPEG, largeur: 12, hauteur: 18 })),
            "Copie de Léa",
          ),
        ),
      );
      expect(execFileSync("qpdf", ["--check", chemin], { encoding: "utf8" })).toContain(
        "No syntax or stream encoding errors",
      );
      const info = execFileSync("pdfinfo", [chemin], { encoding: "utf8" });
      expect(info).toMatch(/Pages:\s+2\n/);
      expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
      expect(info).toMatch(/Title:\s+Copie de Léa/);
    },
  );
});
