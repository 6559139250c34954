import { OpenAPIHono, z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { idOperation, nommerOperations } from "./nommer-operations.js";

describe("nommerOperations", () => {
  it("déduit un identifiant de la méthode et du chemin", () => {
    expect(idOperation("get", "/v1/outils/{id}/doctrine")).toBe("getV1OutilsIdDoctrine");
    expect(idOperation("GET", "/v1/outils.csv")).toBe("getV1OutilsCsv");
    expect(idOperation("post", "/auth/demo")).toBe("postAuthDemo");
  });

  it("nomme les opérations sans identifiant et garde ceux qui existent", () => {
    const app = new OpenAPIHono();
    const reponses = {
      200: { description: "ok", content: { "application/json": { schema: z.object({}) } } },
    };
    app.openAPIRegistry.registerPath({ method: "get", path: "/health", responses: reponses });
    app.openAPIRegistry.registerPath({
      method: "post",
      path: "/v1/devoirs",
      operationId: "creerDevoir",
      responses: reponses,
    });
    nommerOperations(app);
    const doc = app.getOpenAPI31Document({ openapi: "3.1.0", info: { title: "t", version: "1" } });
    expect(doc.paths?.["/health"]?.get?.operationId).toBe("getHealth");
    expect(doc.paths?.["/v1/devoirs"]?.post?.operationId).toBe("creerDevoir");
  });
});
