import { Text } from '@mantine/core';

// STUB (issue 10 in progress): replaced by the screen itself.
export function AcceptInvitePage() {
  return <Text>Coming soon.</Text>;
}
