import { CreateExamDto, ExamResponse, PathwayRecordsService, UpdateExamDto } from '@lib/pathway-records';
import { Actor, Role } from '@lib/identity';
import { ownClientId } from '@lib/self-service';
import { Body, Controller, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { UuidParam } from '../http/validation';

/**
 * The IMG reports an exam date or result. The same rules apply as for staff (422 for what the
 * USMLE forbids); it is stored unverified, and their case manager gets a task to verify it.
 */
@ApiTags('me')
@ApiBearerAuth()
@Controller('me/exams')
export class MyExamsController {
  constructor(private readonly pathway: PathwayRecordsService) {}

  @Post()
  @Roles(Role.Client)
  @ApiCreatedResponse({ type: ExamResponse, description: 'Stored with verified: false' })
  @ApiUnprocessableEntityResponse({ description: 'A pathway rule refuses it' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateExamDto): Promise<ExamResponse> {
    return this.pathway.createExam(actor, ownClientId(actor), body);
  }

  @Patch(':id')
  @Roles(Role.Client)
  @ApiOkResponse({ type: ExamResponse, description: 'Unverified again until the case manager checks it' })
  @ApiConflictResponse({ description: 'A result the case manager verified (VERIFIED_RESULT): read-only to the IMG' })
  @ApiUnprocessableEntityResponse({ description: 'A pathway rule refuses it' })
  update(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() body: UpdateExamDto): Promise<ExamResponse> {
    return this.pathway.updateExam(actor, ownClientId(actor), id, body);
  }
}
