import { Alert, Anchor, Button, Container, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { authApi, ok, session } from '../../api/client';
import { ApiError, messageOf, problemsOf } from '../../api/errors';
import { FormError } from '../../components/FormError';

/** The two e-mailed links that end in choosing a password; both answer with a session. */
type Purpose = 'accept-invite' | 'reset-password';

const TEXT: Record<Purpose, { title: string; intro: string; submit: string; expired: ReactNode }> = {
  'accept-invite': {
    title: 'Welcome to IMG Pathways',
    intro: 'Choose the password you will sign in with.',
    submit: 'Set my password and sign in',
    expired: 'Invitation links work once, for 72 hours. Ask your administrator to invite you again.',
  },
  'reset-password': {
    title: 'Choose a new password',
    intro: 'Your new password replaces the old one and signs you out on every other device.',
    submit: 'Set my new password and sign in',
    expired: (
      <>
        Reset links work once, for an hour.{' '}
        <Anchor component={Link} to="/forgot-password">
          Ask for a new link
        </Anchor>
        .
      </>
    ),
  },
};

/**
 * `/accept-invite?token=…` and `/reset-password?token=…`: the person chooses a password and is
 * signed in (the API answers with a session), which takes them to their own home.
 */
export function ChoosePasswordPage({ purpose }: { purpose: Purpose }) {
  const text = TEXT[purpose];
  const token = useSearchParams()[0].get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState(false);

  const choose = useMutation({
    mutationFn: async () => ok(authApi.POST(`/api/v1/auth/${purpose}`, { body: { token, password } })),
    // Signed in: the app switches to the signed-in screens, and this address leads home.
    onSuccess: (signedIn) => session.start(signedIn),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const differs = password !== confirmation;
    setMismatch(differs);
    if (!differs) choose.mutate();
  };

  // The token is the link's: a problem with it is the link's, not something to fix in this form.
  const linkRefused =
    choose.error instanceof ApiError &&
    (choose.error.status === 401 || problemsOf(choose.error, 'token') !== undefined);

  return (
    <Container size={460} py="xl">
      <Title order={1} size="h2" mb="xs">
        {text.title}
      </Title>
      {token === '' ? (
        <Alert color="red" role="alert" title="This link is incomplete">
          Open the link from your e-mail as it is, or copy all of it into the address bar. {text.expired}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate aria-label={text.title}>
          <Stack>
            <Text>{text.intro}</Text>
            {linkRefused ? (
              <Alert color="red" role="alert" title="This link no longer works">
                {messageOf(choose.error)} {text.expired}
              </Alert>
            ) : (
              <FormError error={choose.error} fields={['password']} />
            )}
            <PasswordInput
              label="New password"
              description="At least 12 characters, and not your e-mail address"
              autoComplete="new-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={problemsOf(choose.error, 'password')}
              data-autofocus
            />
            <PasswordInput
              label="New password again"
              autoComplete="new-password"
              required
              value={confirmation}
              onChange={(event) => setConfirmation(event.currentTarget.value)}
              error={mismatch ? 'The two passwords differ' : undefined}
            />
            <Button type="submit" loading={choose.isPending} fullWidth>
              {text.submit}
            </Button>
          </Stack>
        </form>
      )}
      <Text size="sm" mt="lg">
        <Anchor component={Link} to="/sign-in">
          Back to sign in
        </Anchor>
      </Text>
    </Container>
  );
}
