import {
  Exam,
  EXAM_STATUSES,
  EXAMS,
  ExamStatus,
  FINDING_CODES,
  FindingCode,
  MILESTONES,
  Milestone,
  STAGES,
  Stage,
  TEXT_LANGUAGES,
  TextLanguage,
} from '@lib/pathway';
import { ClientFieldsDto } from '@lib/clients';
import { ApiProperty, PartialType, PickType } from '@nestjs/swagger';

export class MyChecklistItem {
  @ApiProperty({ enum: MILESTONES }) milestone: Milestone;
  @ApiProperty({ enum: ['done', 'in_progress', 'todo', 'blocked', 'not_applicable'] }) state: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-05-02', description: 'When it was done, or is set for' })
  date: string | null;
}

export class MyWarning {
  @ApiProperty({ enum: FINDING_CODES }) code: FindingCode;
  @ApiProperty({ enum: ['warning', 'blocker'] }) severity: 'warning' | 'blocker';
  @ApiProperty({ example: 'Third attempt at Step 1 used: the next one is the last (4 in all)' }) message: string;
  @ApiProperty({ nullable: true, type: String }) date: string | null;
}

export const DEADLINE_KINDS = ['exam', 'eligibility_ends', 'match', 'task'] as const;
export class MyDeadline {
  @ApiProperty({ example: '2026-12-14' }) date: string;
  @ApiProperty({ enum: DEADLINE_KINDS }) kind: (typeof DEADLINE_KINDS)[number];
  @ApiProperty({ example: 'Step 1 exam day' }) label: string;
}

export class MyCaseManager {
  @ApiProperty({ example: 'Jordan Lee' }) name: string;
  @ApiProperty({ example: 'jordan.lee@wbc.example.org' }) email: string;
}

export class MyTask {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Send your CV' }) title: string;
  @ApiProperty({ nullable: true, type: String }) dueDate: string | null;
  @ApiProperty({ enum: ['open', 'done'] }) status: string;
}

export class MyExam {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: EXAMS }) exam: Exam;
  @ApiProperty({ enum: EXAM_STATUSES }) status: ExamStatus;
  @ApiProperty({ nullable: true, type: String }) scheduledDate: string | null;
  @ApiProperty({ nullable: true, type: String }) testDate: string | null;
  @ApiProperty({ nullable: true, type: Number }) score: number | null;
  @ApiProperty({ description: 'False while your case manager has not checked what you reported' }) verified: boolean;
}

/** What the IMG sees of their own record: never case notes, services or staff-only fields. */
export class MyStatusResponse {
  @ApiProperty({
    enum: TEXT_LANGUAGES,
    description: 'The language of every text here: the `language` of /me/preferences (also that of the reminders)',
  })
  language: TextLanguage;
  @ApiProperty({ example: 'Nadia' }) firstName: string;
  @ApiProperty({ enum: STAGES }) stage: Stage;
  @ApiProperty({ example: 'Taking the USMLE and English exams', description: 'The stage in plain words' })
  stageText: string;
  @ApiProperty({ type: MyChecklistItem, isArray: true }) checklist: MyChecklistItem[];
  @ApiProperty({ type: MyWarning, isArray: true, description: 'What needs your attention' }) warnings: MyWarning[];
  @ApiProperty({
    type: [String],
    example: ['Book OET Medicine'],
    description: 'In the order the road goes, at most five',
  })
  nextSteps: string[];
  @ApiProperty({ type: MyExam, isArray: true }) exams: MyExam[];
  @ApiProperty({ type: MyDeadline, isArray: true, description: 'From today on, soonest first' })
  deadlines: MyDeadline[];
  @ApiProperty({ type: MyCaseManager, nullable: true }) caseManager: MyCaseManager | null;
  @ApiProperty({ type: MyTask, isArray: true, description: 'Your open tasks, and those done in the last 30 days' })
  tasks: MyTask[];
}

/** What an IMG may change about themselves: how to reach them, in which language. */
export class UpdateMyContactDto extends PartialType(
  PickType(ClientFieldsDto, ['email', 'phone', 'preferredLanguage'] as const),
) {}

export class MyContactResponse {
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ example: 'es' }) preferredLanguage: string;
}
