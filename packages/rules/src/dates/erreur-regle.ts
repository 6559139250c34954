/**
 * Erreur levée par une règle quand l'entrée ne respecte pas le contrat (ex. dates d'un devoir invalides).
 * Porte un `code` stable (à tester et à afficher) et un message en français, plus sa version anglaise.
 */
export class ErreurRegle extends Error {
  /** Code stable, en kebab-case (ex. `date-invalide`). */
  readonly code: string;
  /** Le message en anglais. */
  readonly messageEn: string;

  /**
   * @example
   * throw new ErreurRegle("date-invalide", "La date « hier » est invalide.", "The date “hier” is invalid.");
   */
  constructor(code: string, message: string, messageEn: string) {
    super(message);
    this.name = "ErreurRegle";
    this.code = code;
    this.messageEn = messageEn;
  }
}
