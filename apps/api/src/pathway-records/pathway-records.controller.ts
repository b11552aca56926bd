import {
  ClinicalExperiencePage,
  ClinicalExperienceResponse,
  CreateClinicalExperienceDto,
  CreateExamDto,
  CreateMatchApplicationDto,
  CredentialsDto,
  CredentialsResponse,
  ExamPage,
  ExamResponse,
  MatchApplicationPage,
  MatchApplicationResponse,
  PathwayRecordsService,
  UpdateClinicalExperienceDto,
  UpdateExamDto,
  UpdateMatchApplicationDto,
} from '@lib/pathway-records';
import { Actor, Role } from '@lib/identity';
import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { UuidParam } from '../http/validation';

const READERS = [Role.Admin, Role.Director, Role.CaseManager];
const WRITERS = [Role.Admin, Role.CaseManager];
const REFUSED = 'A write the pathway rules forbid: the body names the rule (code), its sentence and its source';

@ApiTags('clients: pathway')
@ApiBearerAuth()
@Controller('clients/:clientId/exams')
export class ExamsController {
  constructor(private readonly pathway: PathwayRecordsService) {}

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: ExamPage, description: 'By date (taken, scheduled, or end of the eligibility window)' })
  list(@CurrentActor() actor: Actor, @UuidParam('clientId') clientId: string): Promise<ExamPage> {
    return this.pathway.listExams(actor, clientId);
  }

  @Post()
  @Roles(...WRITERS)
  @ApiCreatedResponse({ type: ExamResponse })
  @ApiUnprocessableEntityResponse({ description: REFUSED })
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @Body() body: CreateExamDto,
  ): Promise<ExamResponse> {
    return this.pathway.createExam(actor, clientId, body);
  }

  @Patch(':id')
  @Roles(...WRITERS)
  @ApiOkResponse({ type: ExamResponse })
  @ApiUnprocessableEntityResponse({ description: REFUSED })
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @UuidParam() id: string,
    @Body() body: UpdateExamDto,
  ): Promise<ExamResponse> {
    return this.pathway.updateExam(actor, clientId, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...WRITERS)
  @ApiNoContentResponse()
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

@ApiTags('clients: pathway')
@ApiBearerAuth()
@Controller('clients/:clientId/credentials')
export class CredentialsController {
  constructor(private readonly pathway: PathwayRecordsService) {}

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: CredentialsResponse, description: 'All fields empty until something is recorded' })
  get(@CurrentActor() actor: Actor, @UuidParam('clientId') clientId: string): Promise<CredentialsResponse> {
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

@ApiTags('clients: pathway')
@ApiBearerAuth()
@Controller('clients/:clientId/clinical-experiences')
export class ClinicalExperiencesController {
  constructor(private readonly pathway: PathwayRecordsService) {}

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: ClinicalExperiencePage })
  list(@CurrentActor() actor: Actor, @UuidParam('clientId') clientId: string): Promise<ClinicalExperiencePage> {
    return this.pathway.listClinicalExperiences(actor, clientId);
  }

  @Post()
  @Roles(...WRITERS)
  @ApiCreatedResponse({ type: ClinicalExperienceResponse })
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @Body() body: CreateClinicalExperienceDto,
  ): Promise<ClinicalExperienceResponse> {
    return this.pathway.createClinicalExperience(actor, clientId, body);
  }

  @Patch(':id')
  @Roles(...WRITERS)
  @ApiOkResponse({ type: ClinicalExperienceResponse })
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @UuidParam() id: string,
    @Body() body: UpdateClinicalExperienceDto,
  ): Promise<ClinicalExperienceResponse> {
    return this.pathway.updateClinicalExperience(actor, clientId, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...WRITERS)
  @ApiNoContentResponse()
  remove(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @UuidParam() id: string,
  ): Promise<void> {
    return this.pathway.deleteClinicalExperience(actor, clientId, id);
  }
}

@ApiTags('clients: pathway')
@ApiBearerAuth()
@Controller('clients/:clientId/match-applications')
export class MatchApplicationsController {
  constructor(private readonly pathway: PathwayRecordsService) {}

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: MatchApplicationPage, description: 'Newest season first' })
  list(@CurrentActor() actor: Actor, @UuidParam('clientId') clientId: string): Promise<MatchApplicationPage> {
    return this.pathway.listMatchApplications(actor, clientId);
  }

  @Post()
  @Roles(...WRITERS)
  @ApiCreatedResponse({ type: MatchApplicationResponse })
  @ApiConflictResponse({ description: 'One application per Match season' })
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @Body() body: CreateMatchApplicationDto,
  ): Promise<MatchApplicationResponse> {
    return this.pathway.createMatchApplication(actor, clientId, body);
  }

  @Patch(':id')
  @Roles(...WRITERS)
  @ApiOkResponse({ type: MatchApplicationResponse })
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @UuidParam() id: string,
    @Body() body: UpdateMatchApplicationDto,
  ): Promise<MatchApplicationResponse> {
    return this.pathway.updateMatchApplication(actor, clientId, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...WRITERS)
  @ApiNoContentResponse()
  remove(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @UuidParam() id: string,
  ): Promise<void> {
    return this.pathway.deleteMatchApplication(actor, clientId, id);
  }
}
