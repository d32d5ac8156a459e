/** Writing exported documents: a directory that must be writable, safe file names, clear errors. */
import { access, constants, mkdir, writeFile } from 'node:fs/promises';
import { CodedError } from '../errors.js';

/** A file name part made of safe characters only. */
export function safeName(part: string): string {
  return part.replace(/[^A-Za-z0-9._-]+/g, '_');
}

function unwritable(dir: string, error: unknown): CodedError {
  const reason = (error as NodeJS.ErrnoException).code ?? 'error';
  return new CodedError('DOCUMENTS_UNWRITABLE', `Cannot write to "${dir}": ${reason}`, { dir }, { params: { dir, reason } });
}

/** Creates `dir` if needed and checks it is writable (DOCUMENTS_UNWRITABLE otherwise). */
export async function prepareDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (error) {
    throw unwritable(dir, error);
  }
}

export async function writeDocument(path: string, bytes: Buffer, dir: string): Promise<void> {
  try {
    await writeFile(path, bytes);
  } catch (error) {
    throw unwritable(dir, error);
  }
}
