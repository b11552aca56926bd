import {
  ClinicalExperienceDirectorPage,
  ClinicalExperiencePage,
  ClinicalExperienceResponse,
  ClinicalExperienceView,
  CreateClinicalExperienceDto,
  CreateExamDto,
  CreateMatchApplicationDto,
  CredentialsDirectorView,
  CredentialsDto,
  CredentialsResponse,
  CredentialsView,
  ExamDirectorPage,
  ExamPage,
  ExamResponse,
  ExamView,
  MatchApplicationDirectorPage,
  MatchApplicationPage,
  MatchApplicationResponse,
  MatchApplicationView,
  PathwayRecordsService,
  UpdateClinicalExperienceDto,
  UpdateExamDto,
  UpdateMatchApplicationDto,
} from '@lib/pathway-records';
import { Actor, Role } from '@lib/identity';
import { Page } from '@lib/kernel';
import { Body, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import {
  ApiOkForDirectorsToo,
  ClientRecordsController,
  CreateRoute,
  DeleteRoute,
  ListRoute,
  UpdateRoute,
} from '../http/client-record-routes';
import { UuidParam } from '../http/validation';

const READERS = [Role.Admin, Role.Director, Role.CaseManager];
const WRITERS = [Role.Admin, Role.CaseManager];
const REFUSED = 'A write the pathway rules forbid: the body names the rule (code), its sentence and its source';

@ClientRecordsController('exams', 'clients: pathway')
export class ExamsController {
  constructor(private readonly pathway: PathwayRecordsService) {}

  @ListRoute(
    READERS,
    { full: ExamPage, restricted: ExamDirectorPage },
    'By date (taken, scheduled, or end of the eligibility window)',
  )
  list(@CurrentActor() actor: Actor, @UuidParam('clientId') clientId: string): Promise<Page<ExamView>> {
    return this.pathway.listExams(actor, clientId);
  }

  @CreateRoute(WRITERS, ExamResponse)
  @ApiUnprocessableEntityResponse({ description: REFUSED })
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @Body() body: CreateExamDto,
  ): Promise<ExamResponse> {
    return this.pathway.createExam(actor, clientId, body);
  }

  @UpdateRoute(WRITERS, ExamResponse)
  @ApiUnprocessableEntityResponse({ description: REFUSED })
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @UuidParam() id: string,
    @Body() body: UpdateExamDto,
  ): Promise<ExamResponse> {
    return this.pathway.updateExam(actor, clientId, id, body);
  }

  @DeleteRoute(WRITERS)
  remove(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @UuidParam() id: string,
  ): Promise<void> {
    return this.pathway.deleteExam(actor, clientId, id);
  }

  /** Marks an exam the IMG reported as checked (and its verify task done). */
  @Post(':id/verify')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOkResponse({ type: ExamResponse })
  verify(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @UuidParam() id: string,
  ): Promise<ExamResponse> {
    return this.pathway.verifyExam(actor, clientId, id);
  }
}

@ClientRecordsController('credentials', 'clients: pathway')
export class CredentialsController {
  constructor(private readonly pathway: PathwayRecordsService) {}

  @Get()
  @Roles(...READERS)
  @ApiOkForDirectorsToo(
    { full: CredentialsResponse, restricted: CredentialsDirectorView },
    'All fields empty until something is recorded',
  )
  get(@CurrentActor() actor: Actor, @UuidParam('clientId') clientId: string): Promise<CredentialsView> {
    return this.pathway.getCredentials(actor, clientId);
  }

  @Put()
  @Roles(...WRITERS)
  @ApiOkResponse({
    type: CredentialsResponse,
    description: 'The fields given are set (null clears one); the others stay',
  })
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @Body() body: CredentialsDto,
  ): Promise<CredentialsResponse> {
    return this.pathway.updateCredentials(actor, clientId, body);
  }
}

@ClientRecordsController('clinical-experiences', 'clients: pathway')
export class ClinicalExperiencesController {
  constructor(private readonly pathway: PathwayRecordsService) {}

  @ListRoute(READERS, { full: ClinicalExperiencePage, restricted: ClinicalExperienceDirectorPage })
  list(@CurrentActor() actor: Actor, @UuidParam('clientId') clientId: string): Promise<Page<ClinicalExperienceView>> {
    return this.pathway.listClinicalExperiences(actor, clientId);
  }

  @CreateRoute(WRITERS, ClinicalExperienceResponse)
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @Body() body: CreateClinicalExperienceDto,
  ): Promise<ClinicalExperienceResponse> {
    return this.pathway.createClinicalExperience(actor, clientId, body);
  }

  @UpdateRoute(WRITERS, ClinicalExperienceResponse)
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @UuidParam() id: string,
    @Body() body: UpdateClinicalExperienceDto,
  ): Promise<ClinicalExperienceResponse> {
    return this.pathway.updateClinicalExperience(actor, clientId, id, body);
  }

  @DeleteRoute(WRITERS)
  remove(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @UuidParam() id: string,
  ): Promise<void> {
    return this.pathway.deleteClinicalExperience(actor, clientId, id);
  }
}

@ClientRecordsController('match-applications', 'clients: pathway')
export class MatchApplicationsController {
  constructor(private readonly pathway: PathwayRecordsService) {}

  @ListRoute(READERS, { full: MatchApplicationPage, restricted: MatchApplicationDirectorPage }, 'Newest season first')
  list(@CurrentActor() actor: Actor, @UuidParam('clientId') clientId: string): Promise<Page<MatchApplicationView>> {
    return this.pathway.listMatchApplications(actor, clientId);
  }

  @CreateRoute(WRITERS, MatchApplicationResponse)
  @ApiConflictResponse({ description: 'One application per Match season' })
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @Body() body: CreateMatchApplicationDto,
  ): Promise<MatchApplicationResponse> {
    return this.pathway.createMatchApplication(actor, clientId, body);
  }

  @UpdateRoute(WRITERS, MatchApplicationResponse)
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @UuidParam() id: string,
    @Body() body: UpdateMatchApplicationDto,
  ): Promise<MatchApplicationResponse> {
    return this.pathway.updateMatchApplication(actor, clientId, id, body);
  }

  @DeleteRoute(WRITERS)
  remove(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @UuidParam() id: string,
  ): Promise<void> {
    return this.pathway.deleteMatchApplication(actor, clientId, id);
  }
}
