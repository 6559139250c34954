// Évaluation d'un outil au regard de la doctrine DINUM : point d'entrée du dossier.
export { evaluerDoctrine, type EvaluationCritere, type EvaluationDoctrine } from "./evaluer-doctrine.js";
