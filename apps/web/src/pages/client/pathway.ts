import type { components } from '../../api/schema';
import type { ClientDetail } from './tab-props';

export type ChecklistItem = components['schemas']['MyChecklistItem'];

/** A rule's verdict on the client's records; `source` is where the rule is written down. */
export type Finding = components['schemas']['MyWarning'] & { source: string | null };

export interface PathwayView {
  checklist: ChecklistItem[];
  blockers: Finding[];
  warnings: Finding[];
  nextSteps: string[];
}

/**
 * The pathway engine's verdict that GET /clients/:id carries. The OpenAPI document declares
 * `pathway` as a free-form object, so it is read here defensively: a missing or odd part shows
 * as nothing rather than breaking the page. Its parts have the shapes /me/status declares
 * (checklist items, findings), which the types above borrow.
 */
export function pathwayOf(client: ClientDetail): PathwayView {
  const raw = (client.pathway ?? {}) as Record<string, unknown>;
  return {
    checklist: arrayOf(raw.checklist).filter(isChecklistItem),
    blockers: arrayOf(raw.blockers).flatMap(toFinding),
    warnings: arrayOf(raw.warnings).flatMap(toFinding),
    nextSteps: arrayOf(raw.nextSteps).filter((s): s is string => typeof s === 'string'),
  };
}

const arrayOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function isChecklistItem(value: unknown): value is ChecklistItem {
  const item = value as ChecklistItem;
  return (
    typeof item === 'object' && item !== null && typeof item.milestone === 'string' && typeof item.state === 'string'
  );
}

function toFinding(value: unknown): Finding[] {
  const f = value as Partial<Finding> & { rule?: { source?: unknown } };
  if (typeof f !== 'object' || f === null || typeof f.message !== 'string' || typeof f.code !== 'string') return [];
  return [
    {
      code: f.code,
      message: f.message,
      severity: f.severity === 'blocker' ? 'blocker' : 'warning',
      date: typeof f.date === 'string' ? f.date : null,
      source: typeof f.rule?.source === 'string' ? f.rule.source : null,
    },
  ];
}
