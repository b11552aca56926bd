import { ChoosePasswordPage } from './ChoosePasswordPage';

/** `/reset-password?token=…`, the link of a password-reset e-mail. */
export function ResetPasswordPage() {
  return <ChoosePasswordPage purpose="reset-password" />;
}
