import { css } from "lit";

/**
 * Theme tokens shared by every Trousse element.
 *
 * Public CSS custom properties (set them on the element or any ancestor in the host page):
 * `--trousse-couleur-principale`, `--trousse-couleur-sur-principale`, `--trousse-couleur-texte`,
 * `--trousse-couleur-texte-secondaire`, `--trousse-couleur-fond`, `--trousse-couleur-fond-alt`,
 * `--trousse-couleur-bordure`, `--trousse-couleur-focus`, `--trousse-couleur-erreur`, `--trousse-police`, `--trousse-taille-texte`, `--trousse-rayon`,
 * `--trousse-espacement`, `--trousse-largeur-max`.
 *
 * Presets (`theme="ode"`, `theme="sn62"`) only change the fallbacks: a custom property set by the host
 * always wins. Nothing else of the host page's CSS reaches the widget: the host element's own and inherited
 * properties are set `!important` in the shadow tree (hide it with the `hidden` attribute). Defaults meet WCAG 2.1 AA contrast on white (text ≥ 4.5:1, borders and focus ≥ 3:1).
 */
export const themeStyles = css`
  :host {
    --_principale: var(--trousse-couleur-principale, var(--_theme-principale, #000091));
    --_sur-principale: var(--trousse-couleur-sur-principale, var(--_theme-sur-principale, #ffffff));
    --_texte: var(--trousse-couleur-texte, var(--_theme-texte, #1e1e1e));
    --_texte-secondaire: var(--trousse-couleur-texte-secondaire, var(--_theme-texte-secondaire, #525252));
    --_fond: var(--trousse-couleur-fond, var(--_theme-fond, #ffffff));
    --_fond-alt: var(--trousse-couleur-fond-alt, var(--_theme-fond-alt, #f4f4f7));
    --_bordure: var(--trousse-couleur-bordure, var(--_theme-bordure, #767676));
    --_focus: var(--trousse-couleur-focus, var(--_theme-focus, #0a5fd0));
    --_erreur: var(--trousse-couleur-erreur, #c10500);
    --_police: var(
      --trousse-police,
      var(--_theme-police, Marianne, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif)
    );
    --_taille: var(--trousse-taille-texte, 1rem);
    --_rayon: var(--trousse-rayon, var(--_theme-rayon, 0.25rem));
    --_espace: var(--trousse-espacement, 1rem);
    --_largeur-max: var(--trousse-largeur-max, 48rem);

    /* Host-page CSS must not leak in (issue 10): an ENT page with color/font-family !important on an
       ancestor, or * { all: unset }, reaches the host element and what it passes down. An !important
       declaration of the shadow tree wins over the page's (CSS Cascade 4, shadow context), so every
       property the host sets or hands down by inheritance is set here, !important. Theming stays open
       through the --trousse-* custom properties (which all never resets); the host page keeps the outer
       layout (margin, width, visibility). */
    display: block !important;
    box-sizing: border-box !important;
    max-width: var(--_largeur-max) !important;
    min-width: 0 !important;
    color: var(--_texte) !important;
    background: var(--_fond) !important;
    font-family: var(--_police) !important;
    font-size: var(--_taille) !important;
    font-weight: 400 !important;
    font-style: normal !important;
    font-variant: normal !important;
    font-stretch: normal !important;
    line-height: 1.5 !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-align: start !important;
    text-indent: 0 !important;
    text-transform: none !important;
    text-shadow: none !important;
    white-space: normal !important;
    cursor: auto !important;
    list-style: disc outside !important;
  }
  :host([hidden]) {
    display: none !important;
  }
  /* Preset blending into ODE pages (Open Digital Education ENT): blue accent, rounder corners, Roboto. */
  :host([theme="ode"]) {
    --_theme-principale: #1a6a8c;
    --_theme-focus: #b35300;
    --_theme-police: Roboto, "Open Sans", system-ui, Arial, sans-serif;
    --_theme-rayon: 0.5rem;
    --_theme-fond-alt: #f2f7fa;
  }
  /* Preset blending into SN62 pages (ENT of the Pas-de-Calais collèges): dark teal accent, square corners. */
  :host([theme="sn62"]) {
    --_theme-principale: #005a66;
    --_theme-focus: #8a2a9e;
    --_theme-police: "Open Sans", Arial, system-ui, sans-serif;
    --_theme-rayon: 0.125rem;
    --_theme-fond-alt: #f1f6f6;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .visuellement-cache {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
`;
