import { CenterPage, CenterResponse, CentersService } from '@lib/centers';
import { PageQuery } from '@lib/kernel';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../http/validation';

@ApiTags('centers')
@Controller('centers')
export class CentersController {
  constructor(private readonly centers: CentersService) {}

  @Get()
  @ApiOkResponse({ type: CenterPage })
  list(@Query() query: PageQuery): Promise<CenterPage> {
    return this.centers.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: CenterResponse })
  @ApiNotFoundResponse({ description: 'No center has this id' })
  get(@UuidParam() id: string): Promise<CenterResponse> {
    return this.centers.get(id);
  }
}
