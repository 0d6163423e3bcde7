/* Where the console's modules are, for the tests (they run in Node without a page, so only the pure ones). */
export const CONSOLE = new URL('../../main/resources/static/console/', import.meta.url);
export const load = (name) => import(new URL(name, CONSOLE).href);
