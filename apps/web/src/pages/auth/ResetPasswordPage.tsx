import { Text } from '@mantine/core';

// STUB (issue 10 in progress): replaced by the screen itself.
export function ResetPasswordPage() {
  return <Text>Coming soon.</Text>;
}
