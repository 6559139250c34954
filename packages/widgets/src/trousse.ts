/**
 * Script-tag loader, built twice from this file:
 * `<script type="module" src="https://<hôte>/widgets/trousse.js"></script>` (ES module) or
 * `<script src="https://<hôte>/widgets/trousse.classic.js"></script>` (classic script), then the element,
 * e.g. `<trousse-choisir-visio></trousse-choisir-visio>`. It downloads only the widgets present on the page,
 * from the folder (and version) it was itself loaded from; widgets are ES modules loaded with `import()`,
 * which classic scripts support too.
 */
import { demarrerChargeur } from "./shared/chargeur.js";

demarrerChargeur(import.meta.url);
