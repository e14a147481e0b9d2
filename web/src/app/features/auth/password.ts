/** Same rule as the server: at least 10 characters, no other composition rules (NIST 800-63B). */
export const MIN_PASSWORD = 10;
