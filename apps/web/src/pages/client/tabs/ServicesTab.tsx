import { Text } from '@mantine/core';
import type { ClientTabProps } from '../tab-props';

// STUB (issue 10 in progress): replaced by the tab itself.
export function ServicesTab({ clientId }: ClientTabProps) {
  return <Text data-client={clientId}>Coming soon.</Text>;
}
