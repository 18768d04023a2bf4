/**
 * Failures of the surroundings rather than of waml or of the input: an output folder that is
 * a file, a full disk, a read-only folder, a port in use. The CLI says them in one line and
 * exits 2 (as for bad usage); only a real bug is reported as one.
 */
export class EnvironmentError extends Error {
  /** The system's error code behind it (`ENOSPC`), when there is one. */
  code?: string;
}

/** The system's error codes that mean "the surroundings refused", in words. */
const WORDS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is larger than the system allows',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EEXIST: 'something else already has that name',
  ENOTEMPTY: 'a folder of that name is in the way',
  ENAMETOOLONG: 'the name is too long for the file system',
  ENOENT: 'no such file or folder',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files on the system',
  EIO: 'an input/output error',
  EBUSY: 'it is busy',
  ETXTBSY: 'it is busy',
  EXDEV: 'it is on another device',
  EADDRINUSE: 'the port is in use',
  EADDRNOTAVAIL: 'the address is not available here',
};

/** Whether an error is the system refusing (a Node system error with one of the codes above). */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && code in WORDS;
}

/** "no space left on the device (ENOSPC)" */
export function describeSystemError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && code in WORDS ? `${WORDS[code]} (${code})` : String((error as Error | null)?.message ?? error);
}

/** Runs `fn`; a system error becomes an EnvironmentError saying what could not be done. */
export function attempt<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (isSystemError(error)) throw Object.assign(new EnvironmentError(`${what}: ${describeSystemError(error)}`), { code: error.code });
    throw error;
  }
}
