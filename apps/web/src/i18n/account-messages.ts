import type { Language } from './language';

/**
 * The pages shown before sign-in (sign in, forgot password, the invitation and reset links), in
 * the language chosen on this device. The API writes its refusals in English, so what these pages
 * can be told (a wrong password, too many attempts, a used link, a refused e-mail or password) is
 * said here in the reader's words rather than passed through.
 */
const en = {
  signInTitle: 'Sign in to IMG Pathways',
  signInForm: 'Sign in',
  couldNotSignIn: 'Could not sign in',
  email: 'E-mail',
  password: 'Password',
  signIn: 'Sign in',
  forgotLink: 'Forgot your password?',
  required: 'Fill in this field.',
  wrongCredentials: 'The e-mail or password is not right.',
  tooManyAttempts: 'Too many attempts. Wait a minute, then try again.',
  emailInvalid: 'Give your e-mail address, such as name@example.org.',
  failedWithStatus: (status: number) => `Something went wrong on our side (${status}). Try again in a moment.`,
  unreachable: 'The server could not be reached. Check your connection and try again.',
  backToSignIn: 'Back to sign in',

  forgotTitle: 'Forgot your password?',
  forgotForm: 'Ask for a password reset link',
  forgotIntro: 'Give the e-mail address you sign in with, and we will send you a link to choose a new password.',
  sendLink: 'Send me a link',
  linkNotSent: 'The link was not sent',
  checkEmail: 'Check your e-mail',
  linkSent: (email: string) =>
    `If ${email} has an account, we have sent it a link to choose a new password. The link works once, for an hour. Nothing arrived? Check your spam folder, or ask your center.`,

  inviteTitle: 'Welcome to IMG Pathways',
  inviteIntro: 'Choose the password you will sign in with.',
  inviteSubmit: 'Set my password and sign in',
  inviteExpired: 'Invitation links work once, for 72 hours. Ask your center to invite you again.',
  resetTitle: 'Choose a new password',
  resetIntro: 'Your new password replaces the old one and signs you out on every other device.',
  resetSubmit: 'Set my new password and sign in',
  resetExpired: 'Reset links work once, for an hour.',
  askForNewLink: 'Ask for a new link',
  linkIncomplete: 'This link is incomplete',
  openWholeLink: 'Open the link from your e-mail as it is, or copy all of it into the address bar.',
  linkRefused: 'This link no longer works',
  linkUsedOrExpired: 'It has expired or has been used already.',
  newPassword: 'New password',
  passwordRule: 'At least 12 characters, and not your e-mail address',
  newPasswordAgain: 'New password again',
  passwordsDiffer: 'The two passwords differ.',
  passwordTooShort: 'Use at least 12 characters.',
  passwordTooLong: 'Use at most 256 characters.',
  passwordIsEmail: 'Choose a password other than your e-mail address.',
  passwordRefused: 'This password cannot be used. Choose another one.',
};

export type AccountMessages = typeof en;

const es: AccountMessages = {
  signInTitle: 'Inicie sesión en IMG Pathways',
  signInForm: 'Iniciar sesión',
  couldNotSignIn: 'No se pudo iniciar sesión',
  email: 'Correo electrónico',
  password: 'Contraseña',
  signIn: 'Iniciar sesión',
  forgotLink: '¿Olvidó su contraseña?',
  required: 'Complete este campo.',
  wrongCredentials: 'El correo electrónico o la contraseña no son correctos.',
  tooManyAttempts: 'Demasiados intentos. Espere un minuto y vuelva a intentarlo.',
  emailInvalid: 'Escriba su correo electrónico, por ejemplo nombre@ejemplo.org.',
  failedWithStatus: (status: number) =>
    `Se produjo un error en nuestro sistema (${status}). Vuelva a intentarlo en un momento.`,
  unreachable: 'No se pudo conectar con el servidor. Revise su conexión e inténtelo de nuevo.',
  backToSignIn: 'Volver al inicio de sesión',

  forgotTitle: '¿Olvidó su contraseña?',
  forgotForm: 'Pedir un enlace para restablecer la contraseña',
  forgotIntro:
    'Escriba el correo electrónico con el que inicia sesión y le enviaremos un enlace para elegir una contraseña nueva.',
  sendLink: 'Enviarme un enlace',
  linkNotSent: 'No se envió el enlace',
  checkEmail: 'Revise su correo electrónico',
  linkSent: (email: string) =>
    `Si ${email} tiene una cuenta, le enviamos un enlace para elegir una contraseña nueva. El enlace sirve una sola vez, durante una hora. ¿No le llegó? Revise su carpeta de correo no deseado o consulte a su centro.`,

  inviteTitle: 'Le damos la bienvenida a IMG Pathways',
  inviteIntro: 'Elija la contraseña con la que iniciará sesión.',
  inviteSubmit: 'Guardar mi contraseña e iniciar sesión',
  inviteExpired:
    'Los enlaces de invitación sirven una sola vez, durante 72 horas. Pida a su centro que le invite de nuevo.',
  resetTitle: 'Elija una contraseña nueva',
  resetIntro: 'Su contraseña nueva reemplaza la anterior y cierra su sesión en todos sus otros dispositivos.',
  resetSubmit: 'Guardar mi contraseña nueva e iniciar sesión',
  resetExpired: 'Los enlaces para restablecer la contraseña sirven una sola vez, durante una hora.',
  askForNewLink: 'Pida un enlace nuevo',
  linkIncomplete: 'Este enlace está incompleto',
  openWholeLink: 'Abra el enlace de su correo tal como está, o copie el enlace completo en la barra de direcciones.',
  linkRefused: 'Este enlace ya no funciona',
  linkUsedOrExpired: 'Venció o ya se usó.',
  newPassword: 'Contraseña nueva',
  passwordRule: 'Al menos 12 caracteres, y que no sea su correo electrónico',
  newPasswordAgain: 'Repita la contraseña nueva',
  passwordsDiffer: 'Las dos contraseñas no coinciden.',
  passwordTooShort: 'Use al menos 12 caracteres.',
  passwordTooLong: 'Use como máximo 256 caracteres.',
  passwordIsEmail: 'Elija una contraseña distinta de su correo electrónico.',
  passwordRefused: 'Esta contraseña no se puede usar. Elija otra.',
};

export const ACCOUNT_MESSAGES: Record<Language, AccountMessages> = { en, es };
