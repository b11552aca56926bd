import { AuditContext, AuditService } from '@lib/audit';
import { decodeCursor, NotFoundError, Page, refuseNulls, toPage } from '@lib/kernel';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import {
  CreatePartnerProgramDto,
  PartnerProgramResponse,
  ProgramListQuery,
  toPartnerProgramResponse,
  UpdatePartnerProgramDto,
} from './partner-program.dto';
import { PartnerProgram } from './partner-program.entity';
import { ProgramsError, ProgramsErrorCode } from './programs.errors';

/** The partner program directory: readable by staff, editable by admins (checked by the caller). */
@Injectable()
export class PartnerProgramsService {
  constructor(
    @InjectRepository(PartnerProgram) private readonly programs: Repository<PartnerProgram>,
    private readonly audit: AuditService,
  ) {}

  async list(query: ProgramListQuery): Promise<Page<PartnerProgramResponse>> {
    const q = this.programs
      .createQueryBuilder('p')
      .orderBy('p.name', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .limit(query.limit + 1);
    // Containment (@>) uses the GIN indexes on the arrays; `= ANY` would scan.
    if (query.state) q.andWhere('p.states @> ARRAY[:state]::text[]', { state: query.state });
    if (query.service) q.andWhere('p.services @> ARRAY[:service]::text[]', { service: query.service });
    if (query.cursor) {
      const [name, id] = decodeCursor(query.cursor, ['text', 'uuid']);
      q.andWhere('(p.name, p.id) > (:name, :id)', { name, id });
    }
    return toPage(await q.getMany(), query.limit, (p) => [p.name, p.id], toPartnerProgramResponse);
  }

  async get(id: string): Promise<PartnerProgramResponse> {
    const program = await this.programs.findOneBy({ id });
    if (!program) throw new NotFoundError('Partner program', id);
    return toPartnerProgramResponse(program);
  }

  async create(context: AuditContext, input: CreatePartnerProgramDto): Promise<PartnerProgramResponse> {
    return this.audit.transaction(context, async (manager) => {
      await this.assertSlugFree(manager, input.slug);
      const program = manager.create(PartnerProgram, {
        ...input,
        url: input.url ?? null,
        servicesText: input.servicesText ?? {},
      });
      return toPartnerProgramResponse(await manager.save(program));
    });
  }

  async update(context: AuditContext, id: string, input: UpdatePartnerProgramDto): Promise<PartnerProgramResponse> {
    refuseNulls(input, ['slug', 'name', 'location', 'states', 'scope', 'services', 'servicesText']);
    return this.audit.transaction(context, async (manager) => {
      const program = await manager.findOneBy(PartnerProgram, { id });
      if (!program) throw new NotFoundError('Partner program', id);
      if (input.slug && input.slug !== program.slug) await this.assertSlugFree(manager, input.slug);
      return toPartnerProgramResponse(await manager.save(Object.assign(program, input)));
    });
  }

  async exists(manager: EntityManager, id: string): Promise<boolean> {
    return manager.existsBy(PartnerProgram, { id });
  }

  /** The names of these programs, by id. */
  async names(manager: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await manager.find(PartnerProgram, { select: { id: true, name: true }, where: { id: In([...ids]) } });
    return new Map(rows.map((p) => [p.id, p.name]));
  }

  private async assertSlugFree(manager: EntityManager, slug: string): Promise<void> {
    if (await manager.existsBy(PartnerProgram, { slug })) {
      throw new ProgramsError('conflict', ProgramsErrorCode.SlugTaken, `A program with slug ${slug} already exists`);
    }
  }
}
