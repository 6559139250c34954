/**
 * The uuid of a stored file, taken from the tus id of its upload (32 hex digits): a file keeps the random id
 * of the upload it came from, so a replayed « rendre » finds the same rows.
 *
 * @example
 * idTusVersUuid("3f2a9c0d4b1e4f6a8c7d5e3b2a1f0e9d"); // "3f2a9c0d-4b1e-4f6a-8c7d-5e3b2a1f0e9d"
 */
export function idTusVersUuid(id: string): string {
  return `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`;
}
