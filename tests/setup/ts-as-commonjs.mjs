// Module hook (registered by light-register.js): a `.ts` file imported with import() is CommonJS, loaded by
// Node's CommonJS loader and so by the swc require hook, whatever query the importer added to its URL.
export async function load(url, context, next) {
  if (/^file:.*\.ts(\?.*)?$/.test(url)) return { format: 'commonjs', shortCircuit: true };
  return next(url, context);
}
