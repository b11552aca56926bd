import { List, Text } from '@mantine/core';
import { formatDate, type Language } from '../../i18n/language';
import type { Messages } from '../../i18n/messages';
import type { MyStatus } from './status-types';

/** The dates ahead, soonest first (as the API orders them), each written out in the reader's language. */
export function DeadlineList({
  deadlines,
  language,
  t,
}: {
  deadlines: MyStatus['deadlines'];
  language: Language;
  t: Messages;
}) {
  if (deadlines.length === 0) return <Text>{t.noDeadlines}</Text>;
  return (
    <List listStyleType="none" spacing="sm">
      {deadlines.map((deadline) => (
        <List.Item key={`${deadline.kind}-${deadline.date}-${deadline.label}`}>
          <Text size="sm" fw={600} component="time" dateTime={deadline.date} display="block">
            {formatDate(deadline.date, language)}
          </Text>
          <Text>{deadline.label}</Text>
        </List.Item>
      ))}
    </List>
  );
}
