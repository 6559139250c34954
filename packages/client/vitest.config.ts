import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
    // The drift check builds the OpenAPI document from the API's dist and runs openapi-typescript.
    testTimeout: 60_000,
  },
});
