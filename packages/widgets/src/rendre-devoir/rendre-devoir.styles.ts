import { css } from "lit";

/** Styles of `<trousse-rendre-devoir>` (on top of the shared theme tokens). Mobile first, from 320 px. */
export const rendreDevoirStyles = css`
  .base {
    container-type: inline-size;
    padding: var(--_espace);
    border: 1px solid var(--_bordure);
    border-radius: var(--_rayon);
    background: var(--_fond);
  }
  h2 {
    font-size: 1.4em;
    margin: 0 0 0.5em;
  }
  h3 {
    font-size: 1.2em;
    margin: 1em 0 0.5em;
  }
  h4 {
    font-size: 1.05em;
    margin: 1em 0 0.25em;
  }
  .entete {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    justify-content: space-between;
    align-items: baseline;
  }
  .qui {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  button,
  .bouton-fichier {
    font: inherit;
    min-height: 44px;
    padding: 0.5em 1em;
    border-radius: var(--_rayon);
    cursor: pointer;
    border: 2px solid var(--_principale);
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
  }
  .principal {
    background: var(--_principale);
    color: var(--_sur-principale);
    margin: 0.5em 0;
  }
  .secondaire,
  .bouton-fichier {
    background: var(--_fond);
    color: var(--_principale);
  }
  .lien {
    border-color: transparent;
    background: none;
    color: var(--_principale);
    text-decoration: underline;
    padding-inline: 0.25em;
    text-align: start;
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .bouton-fichier:focus-within {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .bouton-fichier input {
    position: absolute;
    opacity: 0;
    width: 1px;
    height: 1px;
  }
  .erreur {
    color: var(--_erreur);
    font-weight: 600;
  }
  .occupe {
    font-weight: 600;
  }
  [role="alert"].erreur:not([hidden]) {
    border-inline-start: 4px solid var(--_erreur);
    padding: 0.5em;
    background: var(--_fond-alt);
  }
  ul {
    padding-inline-start: 1.25em;
  }
  .devoirs {
    list-style: none;
    padding: 0;
    display: grid;
    gap: 0.75em;
  }
  .carte {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    padding: 0.75em;
    border: 1px solid var(--_bordure);
    border-radius: var(--_rayon);
  }
  .carte button,
  .carte .statut {
    align-self: flex-start;
  }
  .titre-devoir {
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  .statut {
    display: inline-block;
    padding: 0 0.5em;
    border-radius: 1em;
    background: var(--_fond-alt);
    border: 1px solid var(--_bordure);
    font-size: 0.9em;
  }
  .statut[data-statut="rendu"] {
    border-color: #18753c;
    color: #18753c;
  }
  .statut[data-statut="rendu-en-retard"],
  .statut[data-statut="non-rendu"],
  .statut[data-statut="ferme"] {
    border-color: var(--_erreur);
    color: var(--_erreur);
  }
  .urgent {
    color: var(--_erreur);
    font-weight: 700;
  }
  .avis,
  .engagement {
    padding: 0.5em;
    border-inline-start: 4px solid var(--_principale);
    background: var(--_fond-alt);
  }
  .aide,
  small {
    color: var(--_texte-secondaire);
  }
  .consignes {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .dates {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25em 0.75em;
  }
  dd {
    margin: 0;
  }
  .zone {
    border: 2px dashed var(--_bordure);
    border-radius: var(--_rayon);
    padding: var(--_espace);
    background: var(--_fond-alt);
  }
  .zone.survol {
    border-color: var(--_principale);
  }
  .choix,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    /* One height for « Enregistrer » and « Annuler »: no stretching, no margin on the main button. */
    align-items: center;
  }
  .actions > button {
    margin: 0;
  }
  .raison {
    margin-top: 0;
  }
  .confirmation {
    border-inline-start: 4px solid #18753c;
    padding: 0.5em;
    background: var(--_fond-alt);
    font-weight: 600;
  }
  .rappel {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.25em;
    margin: 0.5em 0;
  }
  .rappel textarea {
    width: 100%;
  }
  .apercu {
    width: 48px;
    height: 48px;
    object-fit: cover;
    border: 1px solid var(--_bordure);
    border-radius: var(--_rayon);
    flex: none;
  }
  td .apercu {
    vertical-align: middle;
    margin-inline-end: 0.25em;
  }
  .erreur-champ {
    font-size: 0.875em;
  }
  .delai-formulaire {
    border-inline-start: 4px solid var(--_principale);
    padding-inline-start: 0.75em;
    margin: 0.75em 0;
  }
  .versions li {
    margin: 0.25em 0;
  }
  .consignes a {
    color: var(--_principale);
    overflow-wrap: anywhere;
  }
  .delai {
    font-weight: 600;
  }
  /* No drag and drop on touch screens: the sentence that offers it is not shown there. */
  @media (hover: none) and (pointer: coarse) {
    .glisser {
      display: none;
    }
  }
  .envois {
    list-style: none;
    padding: 0;
  }
  .envois li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    align-items: center;
    padding: 0.5em 0;
    border-bottom: 1px solid var(--_fond-alt);
  }
  .envois .nom {
    flex: 1 1 100%;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  progress {
    flex: 1 1 8em;
    height: 1em;
    accent-color: var(--_principale);
  }
  .declaration label,
  .case {
    display: flex;
    gap: 0.5em;
    align-items: flex-start;
    min-height: 44px;
  }
  input[type="checkbox"] {
    width: 1.25em;
    height: 1.25em;
    margin-top: 0.2em;
    accent-color: var(--_principale);
  }
  .accuse {
    border: 2px solid var(--_principale);
    border-radius: var(--_rayon);
    padding: var(--_espace);
    margin: 1em 0;
  }
  .accuse dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25em 0.75em;
  }
  .accuse code {
    overflow-wrap: anywhere;
    font-size: 0.85em;
  }
  .champ {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
  }
  input:not([type="checkbox"]):not([type="file"]),
  select,
  textarea {
    font: inherit;
    padding: 0.5em;
    min-height: 44px;
    border: 1px solid var(--_bordure);
    border-radius: var(--_rayon);
    background: var(--_fond);
    color: var(--_texte);
    max-width: 100%;
  }
  fieldset {
    border: 1px solid var(--_bordure);
    border-radius: var(--_rayon);
    margin: 0.5em 0;
  }
  .defilement {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    min-width: 18em;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.5em;
    border-bottom: 1px solid var(--_bordure);
  }
  form.retour {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    margin-top: 0.5em;
  }
  /* Narrow widget (phone, side column): one pupil per block; the ARIA roles keep the table semantics. */
  @container (max-width: 32rem) {
    table,
    tbody,
    tr,
    th,
    td {
      display: block;
      min-width: 0;
    }
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    tr {
      border-bottom: 1px solid var(--_bordure);
      padding: 0.5em 0;
    }
    th,
    td {
      border: 0;
      padding: 0.25em 0;
    }
  }
  @media print {
    .non-imprime,
    [role="alert"] {
      display: none !important;
    }
    .accuse {
      border: 1px solid #000;
    }
  }
  @media (forced-colors: active) {
    .principal {
      border-color: ButtonText;
    }
  }
`;
