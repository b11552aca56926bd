import { Alert, Anchor, Button, Container, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { accepted, authApi } from '../../api/client';
import { messageOf, problemsOf } from '../../api/errors';

/**
 * `/forgot-password`: asks for a reset link. The answer is the same whether or not the address has
 * an account (the API never tells), so the page says the same thing either way.
 */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const request = useMutation({
    mutationFn: () => accepted(authApi.POST('/api/v1/auth/forgot-password', { body: { email } })),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    request.mutate();
  };

  return (
    <Container size={460} py="xl">
      <Title order={1} size="h2" mb="xs">
        Forgot your password?
      </Title>
      {request.isSuccess ? (
        <Alert color="blue" role="status" title="Check your e-mail">
          If {email} has an account, we have sent it a link to choose a new password. The link works once, for an hour.
          Nothing arrived? Check your spam folder, or ask your administrator.
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Ask for a password reset link">
          <Stack>
            <Text>Give the e-mail address you sign in with, and we will send you a link to choose a new password.</Text>
            {request.isError && !problemsOf(request.error, 'email') && (
              <Alert color="red" role="alert" title="The link was not sent">
                {messageOf(request.error)}
              </Alert>
            )}
            <TextInput
              label="E-mail"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={problemsOf(request.error, 'email')}
            />
            <Button type="submit" loading={request.isPending} fullWidth>
              Send me a link
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
