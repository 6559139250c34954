/**
 * `/embed/pages.css`: styles of the embed pages, the configurator and the demo host pages (a file, so no
 * 'unsafe-inline'). The ODE, SN62 and school-website looks are our own neutral look-alikes: no logo, no
 * copied asset.
 */
export const STYLES_PAGES = `*{box-sizing:border-box}
[hidden]{display:none !important}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;color:#161616;background:#fff}
body.embed{background:transparent}
.visuellement-cache{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.bandeau-demo{margin:0;padding:.5rem 1rem;background:#fff4d6;color:#3d2a00;border-bottom:2px solid #b34000;font-weight:600;text-align:center}
a{color:#000091}:focus-visible{outline:3px solid #0a5fd0;outline-offset:2px}
main{max-width:60rem;margin:0 auto;padding:1rem}
iframe[data-trousse]{display:block;width:100%;min-height:120px;border:0}
.integrer{display:grid;gap:1.5rem}
.integrer form{display:grid;gap:.75rem;align-content:start;align-self:start}
.integrer .champ{display:flex;flex-direction:column;gap:.25rem;margin:0}.integrer label{font-weight:600}
.integrer input,.integrer select,.integrer textarea{font:inherit;padding:.5rem;border:1px solid #767676;border-radius:.25rem;min-height:44px}
.integrer textarea{font-family:ui-monospace,monospace;font-size:.85rem;width:100%}
.integrer button{font:inherit;min-height:44px;padding:.5rem 1rem;border:2px solid #000091;border-radius:.25rem;background:#000091;color:#fff;cursor:pointer}
.integrer .apercu{border:1px dashed #767676;min-height:420px}
@media (min-width:60rem){.integrer{grid-template-columns:20rem 1fr}}
.ode{background:#f2f4f7;font-family:Roboto,"Open Sans",system-ui,sans-serif}
.ode .barre{background:#1a6a8c;color:#fff;padding:.75rem 1rem;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
.ode .barre strong{font-size:1.2rem}.ode .barre a{color:#fff}
.ode main,.sn62 main{max-width:none;margin:0;padding:0}
.embed .bandeau-demo{font-size:.8rem;padding:.2rem .5rem;border-bottom-width:1px}
.embed main{max-width:none;padding:.25rem}
.ode .page{display:grid;gap:1rem;max-width:75rem;margin:0 auto;padding:1rem}
.ode nav ul{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.5rem}
.ode nav a{display:block;padding:.5rem .75rem;background:#fff;border-radius:.5rem;text-decoration:none;color:#1a4a5c}
.ode .carte{background:#fff;border-radius:.5rem;padding:1rem;box-shadow:0 1px 3px rgba(0,0,0,.12)}
@media (min-width:60rem){.ode .page{grid-template-columns:14rem 1fr}.ode nav ul{flex-direction:column}}
.sn62{background:#fff;font-family:"Open Sans",Arial,sans-serif}
.sn62 header{border-bottom:4px solid #005a66;padding:.75rem 1rem;display:flex;justify-content:space-between;flex-wrap:wrap;gap:.5rem}
.sn62 header strong{color:#005a66;font-size:1.2rem}
.sn62 .fil{background:#f1f6f6;padding:.5rem 1rem;font-size:.9rem}
.sn62 .colonnes{display:grid;gap:1rem;max-width:75rem;margin:0 auto;padding:1rem}
.sn62 section{border:1px solid #c6d4d4;padding:1rem}
@media (min-width:60rem){.sn62 .colonnes{grid-template-columns:2fr 1fr}}
.ecole{background:#fffdf8;font-family:Georgia,"Times New Roman",serif}
.ecole header{background:#7a3b12;color:#fff;padding:1.5rem 1rem;text-align:center}
.ecole header p{margin:.25rem 0 0}
.ecole nav{background:#f3e6d8;padding:.5rem 1rem;display:flex;gap:1rem;flex-wrap:wrap;justify-content:center}
.ecole nav a{color:#5a2a0a}
.ecole article{max-width:52rem;margin:0 auto;padding:1rem}
.ecole footer{text-align:center;padding:1rem;color:#525252;border-top:1px solid #e0d5c8}
`;
