import { css } from "lit";

/** Styles of `<trousse-choisir-visio>` (tokens come from `themeStyles`). Mobile first, usable from 320 px. */
export const choisirVisioStyles = css`
  .cadre {
    padding: var(--_espace);
    border: 1px solid var(--_bordure);
    border-radius: var(--_rayon);
    background: var(--_fond);
  }
  h2,
  h3,
  h4 {
    margin: 0 0 0.5em;
    line-height: 1.25;
    color: var(--_texte);
  }
  h2 {
    font-size: 1.25em;
  }
  h3 {
    font-size: 1.125em;
  }
  h4 {
    font-size: 1em;
  }
  p {
    margin: 0 0 0.75em;
  }
  .introduction,
  .aide,
  .progression,
  .source {
    color: var(--_texte-secondaire);
  }
  .progression {
    font-size: 0.875em;
    margin-bottom: 0.5em;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-bottom: 0.25em;
    font-weight: 700;
    font-size: 1.0625em;
  }
  .aide {
    font-size: 0.875em;
  }
  .choix {
    display: grid;
    gap: 0.5em;
    margin: 0.75em 0;
  }
  .option {
    display: flex;
    align-items: center;
    gap: 0.75em;
    min-height: 2.75rem;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_bordure);
    border-radius: var(--_rayon);
    background: var(--_fond);
    cursor: pointer;
  }
  .option:has(input:checked) {
    border-color: var(--_principale);
    box-shadow: inset 0 0 0 1px var(--_principale);
    background: var(--_fond-alt);
  }
  .option input {
    flex: none;
    width: 1.25em;
    height: 1.25em;
    margin: 0;
    accent-color: var(--_principale);
  }
  .option:has(input:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .option input:focus-visible {
    outline: none;
  }
  input[type="number"] {
    display: block;
    width: 8em;
    max-width: 100%;
    min-height: 2.75rem;
    margin: 0.5em 0 0.75em;
    padding: 0.25em 0.5em;
    font: inherit;
    color: var(--_texte);
    background: var(--_fond);
    border: 1px solid var(--_bordure);
    border-radius: var(--_rayon);
  }
  [aria-invalid="true"] {
    border-color: var(--_erreur);
    box-shadow: inset 0 0 0 1px var(--_erreur);
  }
  .erreur {
    color: var(--_erreur);
    font-weight: 700;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    margin-top: 0.75em;
  }
  button,
  .lien {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 2.75rem;
    padding: 0.5em 1em;
    font: inherit;
    font-weight: 700;
    border-radius: var(--_rayon);
    border: 2px solid var(--_principale);
    cursor: pointer;
    text-align: center;
  }
  .principal {
    color: var(--_sur-principale);
    background: var(--_principale);
  }
  .secondaire,
  .lien {
    color: var(--_principale);
    background: var(--_fond);
    text-decoration: none;
  }
  .lien:hover,
  button:hover {
    text-decoration: underline;
  }
  button[aria-pressed="true"] {
    color: var(--_sur-principale);
    background: var(--_principale);
  }
  ol.recommandations {
    list-style: none;
    margin: 0 0 1em;
    padding: 0;
    display: grid;
    gap: 0.75em;
  }
  .recommandation {
    padding: 0.75em;
    border: 1px solid var(--_bordure);
    border-radius: var(--_rayon);
    border-inline-start: 0.375em solid var(--_principale);
    background: var(--_fond);
  }
  .rang {
    display: inline-block;
    margin-inline-end: 0.5em;
    padding: 0 0.5em;
    border-radius: var(--_rayon);
    color: var(--_sur-principale);
    background: var(--_principale);
    font-size: 0.875em;
  }
  ul {
    margin: 0 0 0.5em;
    padding-inline-start: 1.25em;
  }
  li {
    margin-bottom: 0.25em;
    overflow-wrap: anywhere;
  }
  dl {
    margin: 0.5em 0;
  }
  dt {
    font-weight: 700;
  }
  dd {
    margin: 0 0 0.5em;
    overflow-wrap: anywhere;
  }
  .source {
    font-size: 0.8125em;
  }
  .confirmation {
    padding: 0.5em;
    background: var(--_fond-alt);
  }
  details {
    margin: 1em 0;
    padding: 0 0.75em;
    border: 1px solid var(--_bordure);
    border-radius: var(--_rayon);
    background: var(--_fond-alt);
  }
  /* 44 px to touch, text in the middle: one line box and its padding make the whole height (with a bare
     min-height, a closed details kept an empty band under its text). */
  summary {
    cursor: pointer;
    font-weight: 700;
    box-sizing: border-box;
    min-height: 2.75rem;
    display: list-item;
    padding: 0.625rem 0;
    line-height: 1.5rem;
  }
  details[open] {
    padding-bottom: 0.75em;
  }
  .recapitulatif {
    display: grid;
    grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
    gap: 0.25em 0.75em;
    font-size: 0.875em;
  }
  .recapitulatif dd {
    margin: 0;
  }
  @media (max-width: 30rem) {
    .actions > * {
      flex: 1 1 100%;
    }
    .recapitulatif {
      grid-template-columns: minmax(0, 1fr);
    }
    .recapitulatif dd {
      margin-bottom: 0.5em;
    }
  }
  @media (forced-colors: active) {
    .rang,
    .principal,
    button[aria-pressed="true"] {
      border: 2px solid ButtonText;
    }
  }
`;
