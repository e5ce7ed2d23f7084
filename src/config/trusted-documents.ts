import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The hex sha256 of an operation's text: the id of a trusted document and of an automatic persisted query. */
export const documentHash = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * A trusted-documents manifest (GRAPHQL_TRUSTED_DOCUMENTS) as codegen's client preset writes it: a JSON object
 * of hash to document. Every key must be the sha256 of its document, as clients send it: a manifest of other
 * hashes (sha1 is codegen's default) would match no request, and the server would refuse everything.
 */
export function readTrustedDocuments(file: string): { documents: ReadonlyMap<string, string> } | { problem: string } {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return { problem: `cannot read ${file} as JSON (${(e as Error).message})` };
  }
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) {
    return { problem: `${file} must hold a JSON object of sha256 hash to document` };
  }
  const documents = new Map<string, string>();
  for (const [key, text] of Object.entries(manifest)) {
    // Codegen's client preset writes the keys as `sha256:<hex>`, the ids its documents are sent with.
    const hash = key.replace(/^sha256:/, '');
    if (typeof text !== 'string' || !text.trim()) return { problem: `${file}: the entry ${key} is not a document` };
    if (documentHash(text) !== hash) {
      return { problem: `${file}: ${key} is not the sha256 of its document (codegen: persistedDocuments: { hashAlgorithm: 'sha256' })` };
    }
    documents.set(hash, text);
  }
  if (!documents.size) return { problem: `${file} has no documents: every operation would be refused` };
  return { documents };
}
