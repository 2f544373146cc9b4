/** No look-alikes (0/O, 1/l/I): the password is read aloud or copied from a screen. */
const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password for a new or reset account, from the browser's cryptographic generator. */
export function generatePassword(length = 14): string {
  const values = crypto.getRandomValues(new Uint32Array(length));
  return Array.from(values, (value) => ALPHABET[value % ALPHABET.length]).join('');
}

/** The server's rule, checked before sending so the form can say it at once. */
export const MIN_PASSWORD_LENGTH = 8;
