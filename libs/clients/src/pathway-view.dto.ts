import {
  Exam,
  EXAMS,
  FINDING_CODES,
  FindingCode,
  Milestone,
  MILESTONES,
  MilestoneState,
  NEXT_STEP_CODES,
  NextStepCode,
  Stage,
  STAGES,
} from '@lib/pathway';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * The OpenAPI shape of the engine's verdict (`PathwayResult`) as GET /clients/:id carries it, so
 * the web app's typed client reads it as declared, not as a free-form object.
 */
export class RuleSourceView {
  @ApiProperty({ example: 'usmle-attempt-limit-4' }) id: string;
  @ApiProperty({ example: '2021-07-01' }) effectiveFrom: string;
  @ApiProperty({ description: 'Where the rule is written down (a URL)' }) source: string;
}

export class FindingView {
  @ApiProperty({ enum: FINDING_CODES }) code: FindingCode;
  @ApiProperty({ enum: ['warning', 'blocker'] }) severity: 'warning' | 'blocker';
  @ApiProperty({ example: 'Third attempt at Step 1 used: the next one is the last (4 in all)' }) message: string;
  @ApiProperty({ type: RuleSourceView }) rule: RuleSourceView;
  @ApiPropertyOptional({ format: 'uuid', description: 'The exam sitting the finding is about' }) examId?: string;
  @ApiPropertyOptional({ enum: EXAMS }) exam?: Exam;
  @ApiPropertyOptional({ example: '2026-12-14', description: 'The date the finding is about' }) date?: string;
  @ApiPropertyOptional({ example: 2027, description: 'The Match season the finding is about' }) season?: number;
  @ApiPropertyOptional({
    example: '2027-03-03T21:00:00-05:00',
    description: "The deadline's instant when its time of day matters (NRMP's 9 p.m. ET)",
  })
  at?: string;
}

export class ChecklistItemView {
  @ApiProperty({ enum: MILESTONES }) milestone: Milestone;
  @ApiProperty({ enum: ['done', 'in_progress', 'todo', 'blocked', 'not_applicable'] }) state: MilestoneState;
  @ApiProperty({ nullable: true, type: String, example: '2026-05-02', description: 'When it was done, or is set for' })
  date: string | null;
}

export class NextStepView {
  @ApiProperty({ enum: NEXT_STEP_CODES }) code: NextStepCode;
  @ApiPropertyOptional({ enum: EXAMS }) exam?: Exam;
  @ApiPropertyOptional({ example: '2026-12-14' }) date?: string;
  @ApiPropertyOptional({ example: 2027 }) season?: number;
  @ApiPropertyOptional({ example: '2027-03-03T21:00:00-05:00', description: "The deadline's instant" }) at?: string;
}

export class PathwayView {
  @ApiProperty({ enum: STAGES }) stage: Stage;
  @ApiProperty({ type: ChecklistItemView, isArray: true }) checklist: ChecklistItemView[];
  @ApiProperty({ type: FindingView, isArray: true, description: 'What stops progress until dealt with' })
  blockers: FindingView[];
  @ApiProperty({ type: FindingView, isArray: true, description: 'What needs attention' }) warnings: FindingView[];
  @ApiProperty({
    type: [String],
    example: ['Book Step 2 CK'],
    description: 'In English, worded for staff (about the client)',
  })
  nextSteps: string[];
  @ApiProperty({ type: NextStepView, isArray: true, description: 'The same steps as facts' })
  nextStepFacts: NextStepView[];
  @ApiProperty({ example: '2026-11-01', description: 'The rules version the verdict was computed with' })
  rulesVersion: string;
}
