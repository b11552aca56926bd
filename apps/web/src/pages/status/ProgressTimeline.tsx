import { Text, Timeline } from '@mantine/core';
import { formatDate, type Language } from '../../i18n/language';
import type { Messages } from '../../i18n/messages';
import type { MyStatus } from './status-types';

/**
 * The milestones of the IMG's road, top to bottom: done ones filled in up to the furthest reached.
 * Milestones that do not apply to them (Step 3 before certification, the Match for an alternative
 * career) are left out rather than shown as "not needed".
 */
export function ProgressTimeline({
  checklist,
  language,
  t,
}: {
  checklist: MyStatus['checklist'];
  language: Language;
  t: Messages;
}) {
  const items = checklist.filter((item) => item.state !== 'not_applicable');
  const furthestDone = items.reduce((last, item, index) => (item.state === 'done' ? index : last), -1);
  return (
    <Timeline
      active={furthestDone}
      bulletSize={16}
      lineWidth={2}
      component="ol"
      aria-label={t.progress}
      style={{ listStyle: 'none', paddingInlineStart: 0 }}
    >
      {items.map((item) => (
        <Timeline.Item
          key={item.milestone}
          component="li"
          title={t.milestones[item.milestone]}
          data-state={item.state}
          lineVariant={item.state === 'done' ? 'solid' : 'dashed'}
        >
          <Text size="sm" c={item.state === 'blocked' ? 'red.9' : 'dimmed'}>
            {t.milestoneStates[item.state]}
            {item.date ? ` · ${formatDate(item.date, language)}` : ''}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
