import { AuditContext, AuditService } from '@lib/audit';
import { CenterZoneChanged, DomainEvents } from '@lib/domain-events';
import { decodeCursor, NotFoundError, Page, PageQuery, refuseNulls, toPage, ValidationFailed } from '@lib/kernel';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { CenterResponse, CreateCenterDto, toCenterResponse, UpdateCenterDto } from './center.dto';
import { Center } from './center.entity';
import { CentersError, CentersErrorCode } from './centers.errors';

/** Centers are network reference data: any staff member reads them; admins (checked by the caller) write them. */
@Injectable()
export class CentersService {
  constructor(
    @InjectRepository(Center) private readonly centers: Repository<Center>,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  /** Centers by name, then id (keyset over the `(name, id)` index). */
  async list(page: PageQuery): Promise<Page<CenterResponse>> {
    const query = this.centers
      .createQueryBuilder('c')
      .orderBy('c.name', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(page.limit + 1);
    if (page.cursor) {
      const [name, id] = decodeCursor(page.cursor, ['text', 'uuid']);
      query.where('(c.name, c.id) > (:name, :id)', { name, id });
    }
    const rows = await query.getMany();
    return toPage(rows, page.limit, (c) => [c.name, c.id], toCenterResponse);
  }

  async get(id: string): Promise<CenterResponse> {
    const center = await this.centers.findOneBy({ id });
    if (!center) throw new NotFoundError('Center', id);
    return toCenterResponse(center);
  }

  async create(context: AuditContext, input: CreateCenterDto): Promise<CenterResponse> {
    const slug = input.slug ?? slugify(input.name);
    if (!slug) {
      throw new ValidationFailed([
        { field: 'slug', problems: ['slug is required when the name has no Latin letters to make one from'] },
      ]);
    }
    return this.audit.transaction(context, async (manager) => {
      await this.assertSlugFree(manager, slug);
      return toCenterResponse(await manager.save(manager.create(Center, { ...input, slug })));
    });
  }

  async update(context: AuditContext, id: string, input: UpdateCenterDto): Promise<CenterResponse> {
    refuseNulls(input, ['slug', 'name', 'hostInstitution', 'city', 'state', 'timeZone']);
    let zoneBefore: string | undefined;
    const center = await this.audit.transaction(context, async (manager) => {
      const row = await manager.findOneBy(Center, { id });
      if (!row) throw new NotFoundError('Center', id);
      if (input.slug && input.slug !== row.slug) await this.assertSlugFree(manager, input.slug);
      zoneBefore = row.timeZone;
      return toCenterResponse(await manager.save(Object.assign(row, input)));
    });
    if (center.timeZone !== zoneBefore) this.events.publish(new CenterZoneChanged(center.id, center.timeZone));
    return center;
  }

  /** The IANA zones of these centers, inside the caller's transaction: what civil dates and hours are read in. */
  async timeZones(manager: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await manager.find(Center, { select: { id: true, timeZone: true }, where: { id: In([...ids]) } });
    return new Map(rows.map((c) => [c.id, c.timeZone]));
  }

  async exists(manager: EntityManager, id: string): Promise<boolean> {
    return manager.existsBy(Center, { id });
  }

  /** The names of these centers, by id. */
  async names(manager: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await manager.find(Center, { select: { id: true, name: true }, where: { id: In([...ids]) } });
    return new Map(rows.map((c) => [c.id, c.name]));
  }

  async timeZoneOf(manager: EntityManager, id: string): Promise<string | undefined> {
    return (await this.timeZones(manager, [id])).get(id);
  }

  private async assertSlugFree(manager: EntityManager, slug: string): Promise<void> {
    if (await manager.existsBy(Center, { slug })) {
      throw new CentersError('conflict', CentersErrorCode.SlugTaken, `A center with slug ${slug} already exists`);
    }
  }
}

function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}
