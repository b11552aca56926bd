import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useSession } from '../session/SessionProvider';
import { useAccountWords } from './auth/AccountLayout';
import { accountProblems } from './auth/account-problems';

export function SignInPage() {
  const t = useAccountWords();
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email: boolean; password: boolean }>({ email: false, password: false });
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const empty = { email: email.trim() === '', password: password === '' };
    setMissing(empty);
    setError(null);
    if (empty.email || empty.password) return;
    setSubmitting(true);
    try {
      await signIn(email, password);
    } catch (failure) {
      setError(failure);
      setSubmitting(false);
    }
  };

  // One message for a wrong e-mail or password, whichever it was (as the API: nothing to probe).
  const problems = accountProblems(error, t);

  return (
    <>
      <Title order={1} size="h2" mb="lg">
        {t.signInTitle}
      </Title>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={t.signInForm}>
        <Stack>
          {problems.form && (
            <Alert color="red" role="alert" title={t.couldNotSignIn}>
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
            error={missing.email ? t.required : problems.email}
          />
          <PasswordInput
            label={t.password}
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={missing.password ? t.required : problems.password}
          />
          <Button type="submit" loading={submitting} fullWidth>
            {t.signIn}
          </Button>
          <Text size="sm" ta="center">
            <Anchor component={Link} to="/forgot-password">
              {t.forgotLink}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </>
  );
}
