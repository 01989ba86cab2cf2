// The one user-facing error type: a stable code and a sentence a person can act on. It
// crosses worker boundaries and API layers intact (the API answers it as a 400 with that
// code and sentence; a page that fails on it carries the sentence as its error).
export class UserError extends Error {
  constructor(
    readonly code: string,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'UserError';
  }
}
