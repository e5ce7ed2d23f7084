import { documentHash } from '../../src/config/trusted-documents';
import { OperationDocuments } from '../../src/graphql/documents';

const pq = (query: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(query) } } });
const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

/** Where an operation's text comes from (src/graphql/documents.ts); the doors are tested in tests/security/trusted-documents.int-spec.ts. */
describe('operation documents', () => {
  it('keeps automatic persisted queries within its budget, dropping the least recently used first', () => {
    const [a, b, c] = ['{ a }', '{ bb }', '{ ccc }'];
    const documents = new OperationDocuments(undefined, a.length + b.length + 1);
    documents.remember(documentHash(a), a);
    documents.remember(documentHash(b), b);
    expect(documents.resolve(pq(a)).query).toBe(a); // used again: b is now the oldest
    documents.remember(documentHash(c), c);
    expect(documents.resolve(pq(a)).query).toBe(a);
    expect(documents.resolve(pq(c)).query).toBe(c);
    expect(codeOf(() => documents.resolve(pq(b)))).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('hands back text to remember only when it is the sha256 of the hash sent with it', () => {
    const documents = new OperationDocuments(undefined);
    expect(documents.resolve({ query: '{ a }', ...pq('{ a }') })).toEqual({ query: '{ a }', remember: documentHash('{ a }') });
    expect(codeOf(() => documents.resolve({ query: '{ b }', ...pq('{ a }') }))).toBe('BAD_REQUEST');
    expect(documents.resolve({ query: '{ a }' })).toEqual({ query: '{ a }' });
  });

  it('in trusted-documents mode takes nothing but the manifest, except for the server’s own fixed operations', () => {
    const documents = new OperationDocuments(new Map([[documentHash('{ a }'), '{ a }']]));
    expect(documents.resolve({ documentId: `sha256:${documentHash('{ a }')}` }).query).toBe('{ a }');
    expect(codeOf(() => documents.resolve({ query: '{ a }' }))).toBe('PERSISTED_QUERY_NOT_ALLOWED');
    expect(codeOf(() => documents.resolve(pq('{ b }')))).toBe('PERSISTED_QUERY_NOT_ALLOWED');
    expect(documents.resolve({ query: '{ b }' }, true).query).toBe('{ b }');
    // Nothing registers in this mode: a hash-only request of a remembered text would otherwise run it.
    documents.remember(documentHash('{ b }'), '{ b }');
    expect(codeOf(() => documents.resolve(pq('{ b }')))).toBe('PERSISTED_QUERY_NOT_ALLOWED');
  });
});
