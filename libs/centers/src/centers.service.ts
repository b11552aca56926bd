import { decodeCursor, NotFoundError, Page, PageQuery, toPage } from '@lib/kernel';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CenterResponse, toCenterResponse } from './center.dto';
import { Center } from './center.entity';

@Injectable()
export class CentersService {
  constructor(@InjectRepository(Center) private readonly centers: Repository<Center>) {}

  /** Centers by name, then id (keyset over the `(name, id)` index). */
  async list(page: PageQuery): Promise<Page<CenterResponse>> {
    const query = this.centers
      .createQueryBuilder('c')
      .orderBy('c.name', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(page.limit + 1);
    if (page.cursor) {
      const [name, id] = decodeCursor(page.cursor, 2);
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
}
