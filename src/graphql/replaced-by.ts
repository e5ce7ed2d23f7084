/**
 * The deprecation reason of a mutation replaced by an object-first one (issue 15: one `input`, a `<Name>Payload`),
 * in the one form tests/unit/mutation-style.spec.ts checks names an existing replacement. The old mutation keeps
 * answering as before for the deprecation window (docs/api.md, Mutations).
 */
export const replacedBy = (name: string) => `Use ${name}. Removed in the release after next.`;
