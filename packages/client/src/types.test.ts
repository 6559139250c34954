// Type-level checks (run by `tsc --noEmit`, the package's typecheck) and one runtime check of the same
// values: the helper types follow the generated document.
import { describe, expect, expectTypeOf, it } from "vitest";
import type { CheminAvec, CorpsJson, ReponseJson, Schema } from "./types.js";

describe("types tirés du document", () => {
  it("ReponseJson donne la réponse JSON d'une route, CorpsJson son corps", () => {
    expectTypeOf<ReponseJson<"/v1/devoirs/{id}/mon-rendu">>().toEqualTypeOf<Schema<"MonRendu">>();
    expectTypeOf<
      ReponseJson<"/v1/devoirs/{id}/rendre", "post">["accuseReception"]["renduId"]
    >().toEqualTypeOf<string>();
    expectTypeOf<CorpsJson<"/v1/devoirs/{id}/rendre", "post">>().toHaveProperty("televersements");
    // @ts-expect-error a path that is not in the document
    expectTypeOf<ReponseJson<"/v1/devoirs/{id}/inconnu">>().toBeNever();
    // @ts-expect-error /v1/devoirs/{id}/rendre answers POST only
    expectTypeOf<ReponseJson<"/v1/devoirs/{id}/rendre", "get">>().toBeNever();
    const chemin: CheminAvec<"post"> = "/v1/devoirs/{id}/rendre";
    expect(chemin).toBe("/v1/devoirs/{id}/rendre");
  });
});
