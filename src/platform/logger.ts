import pino, { type Logger } from "pino";

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    // Personal data never belongs in logs: drop bodies and credentials wherever they appear.
    redact: {
      paths: [
        "req.headers.authorization",
        "req.headers.cookie",
        "body",
        "*.comment",
        "*.password",
        "*.name",
      ],
      remove: true,
    },
  });
}
