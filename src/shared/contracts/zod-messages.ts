// Zod's own messages (for rules a contract does not word itself) in Japanese, so no English
// reaches a user: the API's problem details and the forms both speak Japanese.
import { z } from 'zod';

let configured = false;

/** Installs the Japanese messages once per process (zod's configuration is global). */
export function useJapaneseZodMessages(): void {
  if (configured) return;
  configured = true;
  z.config(z.locales.ja());
  // A missing required field reads like the contracts' own "入力してください".
  z.config({ customError: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? '入力してください' : undefined) });
}
