import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useAccountWords } from './AccountLayout';

export function BackToSignIn() {
  const t = useAccountWords();
  return (
    <Text size="sm" mt="lg">
      <Anchor component={Link} to="/sign-in">
        {t.backToSignIn}
      </Anchor>
    </Text>
  );
}
