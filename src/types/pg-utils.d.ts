/** node-pg's own value conversion (what it does to a parameter before sending it); untyped by @types/pg. */
declare module 'pg/lib/utils' {
  /** A value as node-pg sends it: text, a Buffer (binary), or null. */
  export function prepareValue(value: unknown): string | Buffer | null | undefined;
}
