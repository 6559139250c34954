/** Version of the package, injected at build time by Vite (`define`) and by the vitest config. */
declare const __TROUSSE_VERSION__: string;
