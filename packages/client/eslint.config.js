export { default } from "@trousse/eslint-config";
