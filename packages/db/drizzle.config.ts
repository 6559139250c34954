import { defineConfig } from "drizzle-kit";

/** `pnpm --filter @trousse/db generate` writes a new migration in drizzle/ from src/schema. */
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/*.ts",
  out: "./drizzle",
});
