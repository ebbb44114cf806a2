import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../src/ai/language.js';

describe('detectLanguage', () => {
  it.each([
    ['Thanks, sounds great - can we talk tomorrow?', 'en'],
    ['Gracias por su correo, me interesa mucho la propuesta', 'es'],
    ['Vielen Dank, ich bin bis Montag nicht im Büro', 'de'],
    ['Merci, je ne suis pas intéressé', 'fr'],
    ['Estou fora do escritório até segunda', 'pt'],
    ['Grazie mille, ci sentiamo la prossima settimana per il contratto', 'other'],
  ])('%s -> %s', async (text, language) => {
    expect(await detectLanguage(text)).toBe(language);
  });

  it('says und rather than guessing on text too short to tell', async () => {
    expect(await detectLanguage('tues 10am?')).toBe('und');
    expect(await detectLanguage('')).toBe('und');
  });

  it('reads a bounded prefix of a huge single token', async () => {
    expect(await detectLanguage('a'.repeat(5 * 1024 * 1024))).toBe('und');
    expect(await detectLanguage('Vielen Dank für Ihre Nachricht. '.repeat(200_000))).toBe('de');
  });
});
