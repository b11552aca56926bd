import { Alert, Anchor, Button, Container, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { messageOf, problemsOf } from '../api/errors';
import { useSession } from '../session/SessionProvider';

export function SignInPage() {
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      await signIn(email, password);
    } catch (failure) {
      setError(failure);
      setSubmitting(false);
    }
  };

  const emailProblem = problemsOf(error, 'email');
  const passwordProblem = problemsOf(error, 'password');
  // The API's own words: the 401 (one message for every cause), the 429, or a field it refused.
  const formProblem = error !== null && !emailProblem && !passwordProblem ? messageOf(error) : null;

  return (
    <Container size={420} py="xl">
      <Title order={1} size="h2" mb="lg">
        Sign in to IMG Pathways
      </Title>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label="Sign in">
        <Stack>
          {formProblem && (
            <Alert color="red" role="alert" title="Could not sign in">
              {formProblem}
            </Alert>
          )}
          <TextInput
            label="E-mail"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={emailProblem}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={passwordProblem}
          />
          <Button type="submit" loading={submitting} fullWidth>
            Sign in
          </Button>
          <Text size="sm" ta="center">
            <Anchor component={Link} to="/forgot-password">
              Forgot your password?
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Container>
  );
}
