import { invitationEmail, resetEmail } from './account-emails';
import { languageOf, MESSAGE_LANGUAGES, readerLanguage } from './message-language';

describe(languageOf.name, () => {
  it.each([
    ['es', 'es'],
    ['es-MX', 'es'],
    ['ES', 'es'],
    ['es_US', 'es'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['fr', 'en'],
    ['', 'en'],
    [null, 'en'],
    [undefined, 'en'],
  ])('%p → %s', (code, language) => expect(languageOf(code)).toBe(language));
});

describe(readerLanguage.name, () => {
  it('takes the reader’s own choice, else their client record’s language, else English', () => {
    expect(readerLanguage('en', 'es-MX')).toBe('en');
    expect(readerLanguage(null, 'es-MX')).toBe('es');
    expect(readerLanguage(null, null)).toBe('en');
  });
});

const invitation = {
  name: 'Lucía Ramos',
  invitedBy: 'Marta Ruiz',
  link: 'https://x.example.org/accept-invite?token=t',
  hours: 72,
};
const reset = { name: 'Lucía Ramos', link: 'https://x.example.org/reset-password?token=t' };

describe('account e-mails', () => {
  it.each(MESSAGE_LANGUAGES)('in %s, name the person, the inviter, the link and how long it works', (language) => {
    const mail = invitationEmail(language, invitation);
    for (const fact of [invitation.name, invitation.invitedBy, invitation.link, '72'])
      expect(mail.text).toContain(fact);
    const resetMail = resetEmail(language, reset);
    for (const fact of [reset.name, reset.link]) expect(resetMail.text).toContain(fact);
  });

  it('are written in Spanish for a Spanish reader, saying "usted"', () => {
    expect(invitationEmail('es', invitation).subject).not.toBe(invitationEmail('en', invitation).subject);
    expect(resetEmail('es', reset).subject).not.toBe(resetEmail('en', reset).subject);
    expect(invitationEmail('es', invitation).text).toMatch(/^Hola, Lucía Ramos:/);
    expect(resetEmail('es', reset).text).toContain('Si fue usted');
    expect(`${invitationEmail('es', invitation).text} ${resetEmail('es', reset).text}`).not.toMatch(
      /\b(tu|te|elige|ignóralo)\b/i,
    );
  });
});
