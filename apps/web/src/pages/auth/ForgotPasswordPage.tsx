import { Alert, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { accepted, authApi } from '../../api/client';
import { useAccountWords } from './AccountLayout';
import { accountProblems } from './account-problems';
import { BackToSignIn } from './BackToSignIn';

/**
 * `/forgot-password`: asks for a reset link. The answer is the same whether or not the address has
 * an account (the API never tells), so the page says the same thing either way.
 */
export function ForgotPasswordPage() {
  const t = useAccountWords();
  const [email, setEmail] = useState('');
  const [missing, setMissing] = useState(false);
  const request = useMutation({
    mutationFn: () => accepted(authApi.POST('/api/v1/auth/forgot-password', { body: { email } })),
  });
  const problems = accountProblems(request.error, t);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const empty = email.trim() === '';
    setMissing(empty);
    if (!empty) request.mutate();
  };

  return (
    <>
      <Title order={1} size="h2" mb="xs">
        {t.forgotTitle}
      </Title>
      {request.isSuccess ? (
        <Alert color="blue" role="status" title={t.checkEmail}>
          {t.linkSent(email)}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate aria-label={t.forgotForm}>
          <Stack>
            <Text>{t.forgotIntro}</Text>
            {problems.form && (
              <Alert color="red" role="alert" title={t.linkNotSent}>
                {problems.form}
              </Alert>
            )}
            <TextInput
              label={t.email}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={missing ? t.required : problems.email}
            />
            <Button type="submit" loading={request.isPending} fullWidth>
              {t.sendLink}
            </Button>
          </Stack>
        </form>
      )}
      <BackToSignIn />
    </>
  );
}
