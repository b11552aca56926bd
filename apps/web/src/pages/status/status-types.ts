import type { components } from '../../api/schema';

export type MyStatus = components['schemas']['MyStatusResponse'];
export type MyExam = components['schemas']['MyExam'];
