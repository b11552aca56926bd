import { Badge, Group, Text, ThemeIcon, Timeline, Title } from '@mantine/core';
import { MILESTONE_LABELS, MILESTONE_STATE_COLORS, MILESTONE_STATE_LABELS, type MilestoneState } from './labels';
import type { ChecklistItem } from './pathway';

/** A mark for each state, beside its word: the state is never told by colour alone. */
const MARKS: Record<MilestoneState, string> = {
  done: '✓',
  in_progress: '…',
  todo: '',
  blocked: '!',
  not_applicable: '–',
};

/** The pathway checklist, in the order the road goes: each milestone with its state and date. */
export function PathwayTimeline({ checklist }: { checklist: ChecklistItem[] }) {
  return (
    <section aria-labelledby="pathway-heading">
      <Title id="pathway-heading" order={2} size="h4" mb="sm">
        Pathway
      </Title>
      {checklist.length === 0 ? (
        <Text c="dimmed">The pathway could not be worked out for this client.</Text>
      ) : (
        <Timeline bulletSize={22} lineWidth={2} data-testid="pathway-timeline">
          {checklist.map((item) => (
            <Timeline.Item
              key={item.milestone}
              data-testid={`milestone-${item.milestone}`}
              data-state={item.state}
              bullet={
                <ThemeIcon
                  size={22}
                  radius="xl"
                  color={MILESTONE_STATE_COLORS[item.state]}
                  variant={item.state === 'todo' || item.state === 'not_applicable' ? 'light' : 'filled'}
                  aria-hidden
                >
                  {MARKS[item.state]}
                </ThemeIcon>
              }
              title={
                <Text fw={600} size="sm" c={item.state === 'not_applicable' ? 'dimmed' : undefined}>
                  {MILESTONE_LABELS[item.milestone]}
                </Text>
              }
            >
              <Group gap="xs">
                <Badge size="sm" variant="dot" color={MILESTONE_STATE_COLORS[item.state]}>
                  {MILESTONE_STATE_LABELS[item.state]}
                </Badge>
                {item.date && (
                  <Text size="xs" c="dimmed">
                    {item.state === 'done' ? item.date : `set for ${item.date}`}
                  </Text>
                )}
              </Group>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </section>
  );
}
