import { Badge, Group, List, Text } from '@mantine/core';
import { formatDate, type Language } from '../../i18n/language';
import type { Messages } from '../../i18n/messages';
import type { MyStatus } from './status-types';

/** What the case manager asked the IMG to do: open ones, and those done in the last 30 days. */
export function TaskList({ tasks, language, t }: { tasks: MyStatus['tasks']; language: Language; t: Messages }) {
  if (tasks.length === 0) return <Text>{t.noTasks}</Text>;
  return (
    <List listStyleType="none" spacing="sm">
      {tasks.map((task) => (
        <List.Item key={task.id}>
          <Group gap="xs" wrap="wrap">
            <Text td={task.status === 'done' ? 'line-through' : undefined}>{task.title}</Text>
            {task.status === 'done' && (
              <Badge color="green" variant="dot" tt="none">
                {t.taskDone}
              </Badge>
            )}
          </Group>
          {task.dueDate && task.status === 'open' && (
            <Text size="sm" c="dimmed">
              {t.due(formatDate(task.dueDate, language))}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}
