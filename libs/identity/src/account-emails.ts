import { MessageLanguage } from './message-language';

interface AccountEmail {
  subject: string;
  text: string;
}

interface InvitationFacts {
  name: string;
  invitedBy: string;
  link: string;
  hours: number;
}

interface ResetFacts {
  name: string;
  link: string;
}

/** The invitation and reset e-mails in each language. Spanish says "usted", as the app does. */
const ACCOUNT_EMAILS: Record<
  MessageLanguage,
  { invitation: (f: InvitationFacts) => AccountEmail; reset: (f: ResetFacts) => AccountEmail }
> = {
  en: {
    invitation: (f) => ({
      subject: 'You are invited to IMG Pathways',
      text:
        `Hello ${f.name},\n\n${f.invitedBy} invited you to IMG Pathways.\n` +
        `Choose your password here within ${f.hours} hours:\n\n${f.link}\n\n` +
        `If you did not expect this, ignore this message.\n`,
    }),
    reset: (f) => ({
      subject: 'Reset your IMG Pathways password',
      text:
        `Hello ${f.name},\n\nSomeone asked to reset your IMG Pathways password. ` +
        `If it was you, choose a new one within an hour:\n\n${f.link}\n\n` +
        `If not, ignore this message: your password stays as it is.\n`,
    }),
  },
  es: {
    invitation: (f) => ({
      subject: 'Invitación a IMG Pathways',
      text:
        `Hola, ${f.name}:\n\n${f.invitedBy} le invitó a IMG Pathways.\n` +
        `Elija aquí su contraseña en las próximas ${f.hours} horas:\n\n${f.link}\n\n` +
        `Si no esperaba este mensaje, ignórelo.\n`,
    }),
    reset: (f) => ({
      subject: 'Restablezca su contraseña de IMG Pathways',
      text:
        `Hola, ${f.name}:\n\nAlguien pidió restablecer su contraseña de IMG Pathways. ` +
        `Si fue usted, elija una nueva en la próxima hora:\n\n${f.link}\n\n` +
        `Si no fue usted, ignore este mensaje: su contraseña sigue igual.\n`,
    }),
  },
};

export const invitationEmail = (language: MessageLanguage, facts: InvitationFacts): AccountEmail =>
  ACCOUNT_EMAILS[language].invitation(facts);

export const resetEmail = (language: MessageLanguage, facts: ResetFacts): AccountEmail =>
  ACCOUNT_EMAILS[language].reset(facts);
