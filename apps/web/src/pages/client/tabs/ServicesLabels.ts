import type { components } from '../../../api/schema';

export type ServiceCategory = components['schemas']['ServiceResponse']['category'];

export const SERVICE_CATEGORY_LABELS: Record<ServiceCategory, string> = {
  educational_guidance: 'Educational guidance and case management',
  english_course: 'English course',
  exam_preparation: 'Exam preparation',
  other_course: 'Other course',
  clinical_experience_placement: 'Clinical experience placement',
  financial_support: 'Financial support',
  mentoring: 'Mentoring',
  referral: 'Referral',
};

/** An amount the API holds in integer cents, in its currency (USD unless recorded otherwise). */
export const formatAmount = (cents: number, currency: string | null): string =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: currency ?? 'USD' }).format(cents / 100);
