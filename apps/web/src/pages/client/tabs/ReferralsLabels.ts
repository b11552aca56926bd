import type { components } from '../../../api/schema';

export type ReferralStatus = components['schemas']['ReferralResponse']['status'];

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  sent: 'Sent',
  accepted: 'Accepted',
  declined: 'Declined',
  completed: 'Completed',
};

export const REFERRAL_STATUS_COLORS: Record<ReferralStatus, string> = {
  sent: 'blue',
  accepted: 'teal',
  declined: 'gray',
  completed: 'green',
};

/** Where a referral may go next, as the API allows it (sent → accepted or declined; accepted → completed). */
export const REFERRAL_NEXT: Record<ReferralStatus, ReferralStatus[]> = {
  sent: ['accepted', 'declined'],
  accepted: ['completed'],
  declined: [],
  completed: [],
};
