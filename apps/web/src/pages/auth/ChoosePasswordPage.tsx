import { Alert, Anchor, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { authApi, ok, session } from '../../api/client';
import type { AccountMessages } from '../../i18n/account-messages';
import { useAccountWords } from './AccountLayout';
import { accountProblems, passwordLengthProblem } from './account-problems';
import { BackToSignIn } from './BackToSignIn';

/** The two e-mailed links that end in choosing a password; both answer with a session. */
type Purpose = 'accept-invite' | 'reset-password';

function textOf(
  purpose: Purpose,
  t: AccountMessages,
): { title: string; intro: string; submit: string; expired: ReactNode } {
  if (purpose === 'accept-invite')
    return { title: t.inviteTitle, intro: t.inviteIntro, submit: t.inviteSubmit, expired: t.inviteExpired };
  return {
    title: t.resetTitle,
    intro: t.resetIntro,
    submit: t.resetSubmit,
    expired: (
      <>
        {t.resetExpired}{' '}
        <Anchor component={Link} to="/forgot-password">
          {t.askForNewLink}
        </Anchor>
        .
      </>
    ),
  };
}

/**
 * `/accept-invite?token=…` and `/reset-password?token=…`: the person chooses a password and is
 * signed in (the API answers with a session), which takes them to their own home.
 */
export function ChoosePasswordPage({ purpose }: { purpose: Purpose }) {
  const t = useAccountWords();
  const text = textOf(purpose, t);
  const token = useSearchParams()[0].get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [checked, setChecked] = useState<{ password?: string; confirmation?: string }>({});

  const choose = useMutation({
    mutationFn: async () => ok(authApi.POST(`/api/v1/auth/${purpose}`, { body: { token, password } })),
    // Signed in: the app switches to the signed-in screens, and this address leads home.
    onSuccess: (signedIn) => session.start(signedIn),
  });
  const problems = accountProblems(choose.error, t);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = {
      password: passwordLengthProblem(password, t),
      confirmation: password !== confirmation ? t.passwordsDiffer : undefined,
    };
    setChecked(found);
    choose.reset();
    if (!found.password && !found.confirmation) choose.mutate();
  };

  return (
    <>
      <Title order={1} size="h2" mb="xs">
        {text.title}
      </Title>
      {token === '' ? (
        <Alert color="red" role="alert" title={t.linkIncomplete}>
          {t.openWholeLink} {text.expired}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate aria-label={text.title}>
          <Stack>
            <Text>{text.intro}</Text>
            {/* The token is the link's: a problem with it is the link's, not something to fix in this form. */}
            {problems.linkRefused && (
              <Alert color="red" role="alert" title={t.linkRefused}>
                {t.linkUsedOrExpired} {text.expired}
              </Alert>
            )}
            {problems.form && (
              <Alert color="red" role="alert" title={t.couldNotSignIn}>
                {problems.form}
              </Alert>
            )}
            <PasswordInput
              label={t.newPassword}
              description={t.passwordRule}
              autoComplete="new-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={checked.password ?? problems.password}
              data-autofocus
            />
            <PasswordInput
              label={t.newPasswordAgain}
              autoComplete="new-password"
              required
              value={confirmation}
              onChange={(event) => setConfirmation(event.currentTarget.value)}
              error={checked.confirmation}
            />
            <Button type="submit" loading={choose.isPending} fullWidth>
              {text.submit}
            </Button>
          </Stack>
        </form>
      )}
      <BackToSignIn />
    </>
  );
}
