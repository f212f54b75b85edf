/**
 * Cloud-storage fileIDs that come from the client. A fileID names any file in the environment, so
 * a handler that reads, copies or links a file it was given must first check that the file lies in
 * the folder that action's uploads go to: otherwise a caller could make the function fetch (or
 * hand out a link to) another family's or another school's file.
 */

/** The path inside the environment of `cloud://<env>/<path>`; null when it is not a fileID or its path is not plain. */
export function cloudPathOf(fileID: string): string | null {
  const match = /^cloud:\/\/[^/\s]+\/(.+)$/.exec(fileID);
  if (!match) return null;
  const path = match[1];
  if (/[\\?#%\u0000-\u001f]/.test(path)) return null;
  const segments = path.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return null;
  return path;
}

/** Is the fileID a file inside `folder` (a path like `roster/school-1`, no leading or trailing slash)? */
export function isFileIn(fileID: string, folder: string): boolean {
  const path = cloudPathOf(fileID);
  return !!path && path.startsWith(`${folder}/`) && path.length > folder.length + 1;
}
