/**
 * The server keeps a hint of each provider key (its first and last characters), but for a short key it keeps
 * none, only "…****": such hints tell two keys apart no better than nothing.
 */
export function showsKeyCharacters(hint: string) {
  return /[\p{L}\p{N}]/u.test(hint.replace(/^sk-/, ''));
}
