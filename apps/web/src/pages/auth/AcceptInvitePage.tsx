import { ChoosePasswordPage } from './ChoosePasswordPage';

/** `/accept-invite?token=…`, the link of an invitation e-mail. */
export function AcceptInvitePage() {
  return <ChoosePasswordPage purpose="accept-invite" />;
}
