import { css } from "lit";

/** Styles of `<trousse-scan-copie>`; the theme's custom properties come from the widget around it. */
export const scanCopieStyles = css`
  :host {
    display: block;
    margin: 1em 0;
    padding: 0.75em;
    border: 1px solid var(--_bordure, #767676);
    border-radius: var(--_rayon, 4px);
    background: var(--_fond-alt, #f4f4f7);
    color: var(--_texte, #1e1e1e);
    text-align: start;
  }
  :host([hidden]) {
    display: none;
  }
  h4,
  h5 {
    margin: 0 0 0.5em;
    font-size: 1.05em;
  }
  button,
  .bouton {
    font: inherit;
    min-height: 44px;
    padding: 0.4em 0.8em;
    border: 1px solid var(--_principale, #000091);
    border-radius: var(--_rayon, 4px);
    background: var(--_fond, #fff);
    color: var(--_principale, #000091);
    cursor: pointer;
    display: inline-flex;
    align-items: center;
  }
  .principal {
    background: var(--_principale, #000091);
    color: var(--_sur-principale, #fff);
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 3px solid var(--_focus, #0a5fd0);
    outline-offset: 2px;
  }
  .bouton:focus-within {
    outline: 3px solid var(--_focus, #0a5fd0);
    outline-offset: 2px;
  }
  .bouton input {
    position: absolute;
    opacity: 0;
    width: 1px;
    height: 1px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin: 0.5em 0;
  }
  ol {
    list-style: none;
    margin: 0.5em 0;
    padding: 0;
    display: grid;
    gap: 0.5em;
  }
  li {
    display: flex;
    gap: 0.5em;
    align-items: flex-start;
    padding: 0.5em;
    background: var(--_fond, #fff);
    border: 1px solid var(--_bordure, #767676);
    border-radius: var(--_rayon, 4px);
  }
  li.glisse {
    outline: 3px dashed var(--_focus, #0a5fd0);
  }
  li canvas {
    width: 72px;
    flex: none;
    border: 1px solid var(--_bordure, #767676);
    touch-action: none;
    cursor: grab;
    background: #fff;
  }
  li .outils {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
  }
  li .outils button {
    padding: 0.2em 0.5em;
  }
  .recadrage {
    position: relative;
    max-width: 480px;
    margin: 0.5em 0;
    touch-action: none;
  }
  .recadrage canvas {
    display: block;
    width: 100%;
  }
  .recadrage svg {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    pointer-events: none;
  }
  .coin {
    position: absolute;
    width: 44px;
    height: 44px;
    min-height: 0;
    padding: 0;
    margin: -22px 0 0 -22px;
    border-radius: 50%;
    border: 3px solid var(--_principale, #000091);
    background: rgb(255 255 255 / 0.6);
  }
  .erreur {
    color: var(--_erreur, #c10500);
    font-weight: 600;
  }
  .visuellement-cache {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
