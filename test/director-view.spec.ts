import { auditedOptions, AuditEntry, AuditEntryStaffView, AuditEntryView, toAuditEntryView } from '@lib/audit';
import {
  asSeenBy,
  Client,
  ClientDirectorView,
  ClientReferral,
  ClientResponse,
  ClientSummary,
  ClientSummaryDirectorView,
  ClientTask,
  DeliveredService,
  ReferralDirectorView,
  ReferralResponse,
  ServiceDirectorView,
  ServiceResponse,
  TaskDirectorView,
  TaskResponse,
  toClientResponse,
  toClientSummary,
  toReferralView,
  toServiceView,
  toTaskView,
} from '@lib/clients';
import { ClientDocument, DocumentDirectorView, DocumentResponse, documentAccess, toDocumentView } from '@lib/documents';
import { Role } from '@lib/identity';
import { AllowListView } from '@lib/kernel';
import { PathwayResult } from '@lib/pathway';
import {
  ClinicalExperienceDirectorView,
  ClinicalExperienceEntity,
  ClinicalExperienceResponse,
  CredentialRecordEntity,
  CredentialsDirectorView,
  CredentialsResponse,
  ExamDirectorView,
  ExamRecordEntity,
  ExamResponse,
  MatchApplicationDirectorView,
  MatchApplicationEntity,
  MatchApplicationResponse,
  toClinicalExperienceView,
  toCredentialsView,
  toExamView,
  toMatchApplicationView,
} from '@lib/pathway-records';
import { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

/** Where @nestjs/swagger keeps a class's `@ApiProperty` names (its DECORATORS.API_MODEL_PROPERTIES_ARRAY, not exported). */
const API_MODEL_PROPERTIES = 'swagger/apiModelPropertiesArray';

/** The properties a class shows in the OpenAPI document. */
const documented = (type: Type): string[] =>
  ((Reflect.getMetadata(API_MODEL_PROPERTIES, type.prototype) as string[] | undefined) ?? []).map((key) =>
    key.replace(/^:/, ''),
  );
const sorted = (keys: Iterable<PropertyKey>) => [...keys].map(String).sort();

const at = new Date('2026-03-02T15:00:00Z');
const client = Object.assign(new Client(), {
  id: 'c0000000-0000-4000-8000-000000000001',
  centerId: 'c0000000-0000-4000-8000-000000000002',
  caseManagerId: null,
  firstName: 'Amina',
  lastName: 'Haddad',
  dateOfBirth: '1988-04-12',
  email: 'amina@example.org',
  phone: '+1 303 555 0142',
  preferredLanguage: 'ar',
  spokenLanguages: ['ar', 'en'],
  countryOfTraining: 'SY',
  medicalSchool: 'University of Damascus',
  graduationYear: 2012,
  immigrationStatus: 'refugee',
  intakeDate: '2026-03-02',
  careerGoal: 'residency',
  alternativeCareer: null,
  targetSpecialties: ['Family Medicine'],
  consentToShare: true,
  consentDate: '2026-03-02',
  status: 'closed',
  closedReason: 'Moved away',
  closedDate: '2026-04-01',
  stage: 'closed',
  warningCount: 0,
  lastActivityAt: at,
  anonymizedAt: null,
  version: 3,
} satisfies Partial<Client>);
const verdict: PathwayResult = {
  stage: 'closed',
  checklist: [],
  blockers: [],
  warnings: [],
  nextSteps: [],
  nextStepFacts: [],
  rulesVersion: '2026-11-01',
};
const ids = { id: 'r0000000-0000-4000-8000-000000000001', clientId: client.id, createdAt: at };

interface ViewCase {
  /** An `AllowListView` of `full` (its type parameters erased for the table). */
  view: Type & { readonly fields: readonly PropertyKey[]; of(full: never): object };
  full: Type;
  /** The entity whose columns the audit log masks: none of them is in the view (`except` aside). */
  entity?: Type;
  except?: string[];
  /** Maps a row to what a reader of `role` gets. */
  read: (role: Role) => object;
}

/** Every director view, and the audit log's view for case managers: one mechanism, `AllowListView`. */
const VIEWS: Record<string, ViewCase> = {
  ClientSummaryDirectorView: {
    view: ClientSummaryDirectorView,
    full: ClientSummary,
    entity: Client,
    // A record must say whom it is about: directors read client records (DESIGN.md section 1).
    except: ['firstName', 'lastName'],
    read: (role) => toClientSummary(client, role),
  },
  ClientDirectorView: {
    view: ClientDirectorView,
    full: ClientResponse,
    entity: Client,
    except: ['firstName', 'lastName'],
    read: (role) => toClientResponse(client, role, verdict),
  },
  ServiceDirectorView: {
    view: ServiceDirectorView,
    full: ServiceResponse,
    entity: DeliveredService,
    read: (role) =>
      toServiceView(
        Object.assign(new DeliveredService(), {
          ...ids,
          category: 'financial_support',
          serviceDate: '2026-03-03',
          hours: null,
          amountCents: 25000,
          currency: 'USD',
          provider: 'Kaplan',
          description: 'Exam fee',
          recordedBy: null,
        }),
        role,
      ),
  },
  TaskDirectorView: {
    view: TaskDirectorView,
    full: TaskResponse,
    entity: ClientTask,
    read: (role) =>
      toTaskView(
        Object.assign(new ClientTask(), {
          ...ids,
          title: 'Request the transcript',
          details: 'From the dean’s office',
          dueDate: '2026-04-01',
          assigneeUserId: null,
          assignedToClient: true,
          status: 'open',
          completedAt: null,
        }),
        role,
      ),
  },
  ReferralDirectorView: {
    view: ReferralDirectorView,
    full: ReferralResponse,
    entity: ClientReferral,
    read: (role) =>
      toReferralView(
        Object.assign(new ClientReferral(), {
          ...ids,
          programId: ids.id,
          referralDate: '2026-03-04',
          status: 'sent',
          note: 'Wants research',
        }),
        role,
      ),
  },
  ExamDirectorView: {
    view: ExamDirectorView,
    full: ExamResponse,
    entity: ExamRecordEntity,
    read: (role) =>
      toExamView(
        Object.assign(new ExamRecordEntity(), {
          ...ids,
          exam: 'USMLE_STEP2_CK',
          status: 'passed',
          testDate: '2025-06-10',
          score: 247,
          verified: true,
        }),
        role,
      ),
  },
  CredentialsDirectorView: {
    view: CredentialsDirectorView,
    full: CredentialsResponse,
    entity: CredentialRecordEntity,
    read: (role) =>
      toCredentialsView(
        client.id,
        Object.assign(new CredentialRecordEntity(), { clientId: client.id, usmleId: '1-234-567-8' }),
        role,
      ),
  },
  ClinicalExperienceDirectorView: {
    view: ClinicalExperienceDirectorView,
    full: ClinicalExperienceResponse,
    entity: ClinicalExperienceEntity,
    read: (role) =>
      toClinicalExperienceView(
        Object.assign(new ClinicalExperienceEntity(), {
          ...ids,
          kind: 'observership',
          handsOn: false,
          institution: 'Denver Health',
          supervisor: 'Dr. Ruiz',
          status: 'completed',
        }),
        role,
      ),
  },
  MatchApplicationDirectorView: {
    view: MatchApplicationDirectorView,
    full: MatchApplicationResponse,
    entity: MatchApplicationEntity,
    read: (role) =>
      toMatchApplicationView(
        Object.assign(new MatchApplicationEntity(), {
          ...ids,
          season: 2026,
          specialties: ['Family Medicine'],
          nrmpId: 'N1234567',
          result: 'matched',
          visa: 'J-1',
          residencyBegan: false,
        }),
        role,
      ),
  },
  DocumentDirectorView: {
    view: DocumentDirectorView,
    full: DocumentResponse,
    entity: ClientDocument,
    read: (role) =>
      toDocumentView(
        {
          ...ids,
          category: 'cv',
          title: 'CV, draft for ERAS',
          fileName: 'cv-ana.pdf',
          contentType: 'application/pdf',
          sizeBytes: 1200,
          sha256: 'a'.repeat(64),
          version: 2,
          status: 'changes_requested',
          uploadedByUserId: ids.id,
          uploadedByClient: true,
          latestReview: null,
          createdAt: at,
          updatedAt: at,
        },
        documentAccess({ role, centerId: client.centerId }, client, 'cv') === 'open',
      ),
  },
};

describe('the director views (docs/director-view.md)', () => {
  describe.each(Object.entries(VIEWS))('%s', (_name, { view, full, entity, except = [], read }) => {
    it('answers a director exactly its allow-list, even when the full response gains a field', () => {
      const fromMapper = read(Role.Director);
      expect(sorted(Object.keys(fromMapper))).toEqual(sorted(view.fields));
      // A field added to the full DTO later: hidden until someone lists it.
      const grown = { ...read(Role.CaseManager), addedLater: 'not listed anywhere' };
      expect(sorted(Object.keys(view.of(grown as never)))).toEqual(sorted(view.fields));
    });

    it('answers the staff who work the case the whole response', () => {
      for (const role of [Role.Admin, Role.CaseManager]) {
        const whole = read(role);
        expect(sorted(Object.keys(whole))).toEqual(expect.arrayContaining(sorted(view.fields)));
        expect(Object.keys(whole).length).toBeGreaterThanOrEqual(view.fields.length);
      }
    });

    it('documents in OpenAPI exactly the fields it answers, each a field of the full response', () => {
      expect(sorted(documented(view))).toEqual(sorted(view.fields));
      expect(documented(full)).toEqual(expect.arrayContaining(view.fields.map(String)));
    });

    if (entity) {
      it('shows no column the audit log masks as personal', () => {
        const masked = auditedOptions(entity)?.sensitive ?? [];
        const shown = view.fields.map(String).filter((field) => masked.includes(field));
        expect(shown.sort()).toEqual([...except].sort());
      });
    }
  });

  it('hides from directors what the full responses carry about the person', () => {
    const hidden = (name: string) => {
      const { view, full } = VIEWS[name];
      return documented(full).filter((field) => !view.fields.map(String).includes(field));
    };
    expect(hidden('ClientDirectorView').sort()).toEqual(
      [
        'closedReason',
        'consentDate',
        'consentToShare',
        'dateOfBirth',
        'email',
        'immigrationStatus',
        'medicalSchool',
        'phone',
        'preferredLanguage',
        'spokenLanguages',
      ].sort(),
    );
    expect(hidden('CredentialsDirectorView')).toEqual(['usmleId']);
    expect(hidden('ClinicalExperienceDirectorView')).toEqual(['supervisor']);
    expect(hidden('MatchApplicationDirectorView').sort()).toEqual(['nrmpId', 'visa']);
    expect(hidden('ServiceDirectorView').sort()).toEqual(['amountCents', 'currency', 'description', 'provider']);
    expect(hidden('TaskDirectorView').sort()).toEqual(['details', 'title']);
    expect(hidden('ReferralDirectorView')).toEqual(['note']);
    expect(hidden('DocumentDirectorView').sort()).toEqual(
      [
        'contentType',
        'fileName',
        'latestReview',
        'sha256',
        'sizeBytes',
        'title',
        'uploadedByClient',
        'uploadedByUserId',
      ].sort(),
    );
  });
});

describe(asSeenBy.name, () => {
  class Full {
    @ApiProperty() shown: string;
    @ApiProperty() secret: string;
  }
  class FullDirectorView extends AllowListView(Full, ['shown']) {}
  const full: Full = { shown: 'a', secret: 'b' };

  it('gives the staff who work the case the response itself', () => {
    expect(asSeenBy(Role.Admin, full, FullDirectorView)).toBe(full);
    expect(asSeenBy(Role.CaseManager, full, FullDirectorView)).toBe(full);
  });

  it('gives any other reader the allow-list only: directors, and a role nobody planned for', () => {
    expect(asSeenBy(Role.Director, full, FullDirectorView)).toEqual({ shown: 'a' });
    expect(asSeenBy(Role.Client, full, FullDirectorView)).toEqual({ shown: 'a' });
    expect(asSeenBy('auditor' as Role, full, FullDirectorView)).toEqual({ shown: 'a' });
  });

  it('leaves out a listed field the response does not have (an optional one), rather than sending it undefined', () => {
    expect(FullDirectorView.of({ secret: 'b' } as Full)).toEqual({});
    expect('shown' in FullDirectorView.of({ secret: 'b' } as Full)).toBe(false);
  });
});

describe(`${AuditEntryStaffView.name} (the audit log as case managers read it)`, () => {
  const entry = Object.assign(new AuditEntry(), {
    id: '42',
    at,
    actorId: ids.id,
    actorRole: 'case_manager',
    action: 'client.updated',
    entityType: 'client',
    entityId: client.id,
    clientId: client.id,
    centerId: client.centerId,
    changes: { status: { before: 'active', after: 'closed' } },
    requestId: 'req-1',
    ip: '203.0.113.7',
  });

  it('gives case managers who, what, when and the changes, without the IP address or request id', () => {
    const read = toAuditEntryView(entry, 'staff');
    expect(sorted(Object.keys(read))).toEqual(sorted(AuditEntryStaffView.fields));
    expect(JSON.stringify(read)).not.toContain('203.0.113.7');
    expect(
      sorted(documented(AuditEntryView)).filter((f) => !AuditEntryStaffView.fields.map(String).includes(f)),
    ).toEqual(['ip', 'requestId']);
    expect(sorted(documented(AuditEntryStaffView))).toEqual(sorted(AuditEntryStaffView.fields));
  });

  it('gives admins the whole entry', () => {
    expect(toAuditEntryView(entry, 'admin')).toMatchObject({ ip: '203.0.113.7', requestId: 'req-1' });
  });
});
