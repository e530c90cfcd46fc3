/** mark.js 8 ships no types; this is the part the benchmark uses. */
declare module 'mark.js' {
  export default class Mark {
    constructor(context: Element | Element[] | NodeList | string);
    mark(keywords: string | readonly string[], options?: Record<string, unknown>): this;
    unmark(options?: Record<string, unknown>): this;
  }
}
