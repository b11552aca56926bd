import type { components } from '../../api/schema';
import type { ClientAsRead } from './tab-props';

export type ChecklistItem = components['schemas']['ChecklistItemView'];

/** A rule's verdict on the client's records; `rule.source` is where the rule is written down. */
export type Finding = components['schemas']['FindingView'];

export type PathwayView = Pick<
  components['schemas']['PathwayView'],
  'checklist' | 'blockers' | 'warnings' | 'nextSteps'
>;

const NOTHING_YET: PathwayView = { checklist: [], blockers: [], warnings: [], nextSteps: [] };

/** The engine's verdict GET /clients/:id carries (a write's answer carries none: nothing to show then). */
export function pathwayOf(client: ClientAsRead): PathwayView {
  return client.pathway ?? NOTHING_YET;
}
