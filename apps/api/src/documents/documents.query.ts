import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

/** Which version to read, and how the browser should take it. */
export class ContentQuery {
  @ApiPropertyOptional({ description: 'Default: the latest' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'version must be a version number' })
  @Min(1, { message: 'version must be a version number' })
  @Max(100000, { message: 'version must be a version number' })
  version?: number;

  @ApiPropertyOptional({
    enum: ['attachment', 'inline'],
    default: 'attachment',
    description: 'inline: for a preview (still sandboxed)',
  })
  @IsOptional()
  @IsIn(['attachment', 'inline'], { message: 'disposition must be attachment or inline' })
  disposition?: 'attachment' | 'inline';
}
