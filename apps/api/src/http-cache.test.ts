import { describe, expect, it } from "vitest";
import { CacheBorne, correspond, figer } from "./http-cache.js";

describe("cache HTTP", () => {
  it("freezes bytes with a strong ETag that changes with the content", () => {
    const a = figer('{"a":1}', "application/json");
    const b = figer('{"a":2}', "application/json");
    expect(new TextDecoder().decode(a.corps)).toBe('{"a":1}');
    expect(a.etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(a.etag).not.toBe(b.etag);
    expect(figer('{"a":1}', "x").etag).toBe(a.etag);
  });

  it("matches If-None-Match lists, weak forms and *", () => {
    expect(correspond('"abc"', '"abc"')).toBe(true);
    expect(correspond('W/"abc"', '"abc"')).toBe(true);
    expect(correspond('"x", "abc"', '"abc"')).toBe(true);
    expect(correspond("*", '"abc"')).toBe(true);
    expect(correspond('"abd"', '"abc"')).toBe(false);
    expect(correspond(undefined, '"abc"')).toBe(false);
  });

  it("bounds its cache, dropping the oldest entry", () => {
    const c = new CacheBorne<number>(2);
    let calculs = 0;
    const f = (n: number) => () => (calculs++, n);
    c.obtenir("a", f(1));
    c.obtenir("b", f(2));
    expect(c.obtenir("a", f(99))).toBe(1);
    c.obtenir("c", f(3));
    expect(c.taille).toBe(2);
    expect(c.obtenir("a", f(4))).toBe(4);
    expect(calculs).toBe(4);
  });
});
