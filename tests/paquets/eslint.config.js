import trousse from "@trousse/eslint-config";

export default [
  ...trousse,
  {
    // Scripts lancés par Node dans le projet consommateur : globales de Node, sortie sur la console.
    files: ["fixtures/**/*.mjs"],
    languageOptions: { globals: { console: "readonly", process: "readonly", TextEncoder: "readonly" } },
    rules: { "no-console": "off" },
  },
];
