/** The shortest run of a secret's characters that counts as a leak of it. */
export const REDACT_MIN_RUN = 8;

/**
 * A function that replaces, in a text, every run of `REDACT_MIN_RUN` (8) or more characters
 * that also occurs in `secret` with `[redacted]`: the whole secret, a prefix of it, a suffix,
 * or any piece from its middle. A secret shorter than that is replaced where it occurs whole.
 *
 * Linear in the text: each window of 8 characters is looked up in the set of the secret's
 * 8-character pieces, and every run of 8 or more shared characters is covered by such windows.
 */
export function redactor(secret: string): (text: string) => string {
  if (secret === '') return (text) => text;
  if (secret.length < REDACT_MIN_RUN) return (text) => text.split(secret).join('[redacted]');
  const pieces = new Set<string>();
  for (let i = 0; i + REDACT_MIN_RUN <= secret.length; i++) pieces.add(secret.slice(i, i + REDACT_MIN_RUN));
  return (text) => {
    let out = '';
    let copied = 0; // text before this index is already in `out`
    let coveredTo = -1; // end of the redacted run being built, or -1
    for (let i = 0; i + REDACT_MIN_RUN <= text.length; i++) {
      if (!pieces.has(text.slice(i, i + REDACT_MIN_RUN))) continue;
      if (coveredTo < i) {
        if (coveredTo >= 0) {
          out += '[redacted]';
          copied = coveredTo;
        }
        out += text.slice(copied, i);
        copied = i;
      }
      coveredTo = i + REDACT_MIN_RUN;
    }
    if (coveredTo >= 0) {
      out += '[redacted]';
      copied = coveredTo;
    }
    return out + text.slice(copied);
  };
}
