/** Where a rule comes from: the document, the clause, and optionally its words. */
export interface Citation {
  readonly doc: string;
  readonly section: string;
  readonly quote?: string;
}

/** A rule or fact that holds for as long as its profile does. */
export interface Provision<T> {
  readonly value: T;
  readonly citation: Citation;
}

export function formatCitation(citation: Citation): string {
  return `${citation.doc} ${citation.section}`;
}

/** Citation maker bound to one document, so profile files read as clause + words. */
export function citationsOf(doc: string) {
  return (section: string, quote?: string): Citation => (quote === undefined ? { doc, section } : { doc, section, quote });
}
