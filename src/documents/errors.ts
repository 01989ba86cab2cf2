// A document that cannot be read says why, in words a person can act on.
export class DocumentError extends Error {
  constructor(
    readonly code: string,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'DocumentError';
  }
}
