import { EventEmitter } from 'node:events';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Public, UuidParam } from '@app/api';

class ProbeAddress {
  @IsString()
  @MaxLength(50)
  city: string;
}

export class ProbeBody {
  @IsString()
  @MaxLength(100)
  name: string;

  @IsInt()
  @Min(0)
  @Max(10)
  count: number;

  @ValidateNested()
  @Type(() => ProbeAddress)
  address: ProbeAddress;
}

/**
 * A route that only tests mount: it exercises the global validation pipe, the error filter and
 * shutdown draining exactly as real routes do, before the product has write routes of its own.
 */
@Public()
@Controller('probe')
export class ProbeController {
  @Post()
  echo(@Body() body: ProbeBody): ProbeBody {
    return body;
  }

  @Get('slow/:id')
  async slow(@UuidParam() id: string): Promise<{ id: string }> {
    ProbeController.slowStarted.emit('started', id);
    await new Promise((resolve) => setTimeout(resolve, 400));
    return { id };
  }

  /** Tells a test that a slow request has reached its handler. */
  static readonly slowStarted = new EventEmitter();

  @Get('boom')
  boom(): never {
    throw new Error('secret internal detail at /srv/app/x.ts:12');
  }
}
