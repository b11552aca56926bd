import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** A list's `q` parameter: part of a name or e-mail, trimmed, 2 to 100 characters. */
export function SearchText(example: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description: 'Part of a name or e-mail; case and accents ignored', example }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    MinLength(2),
    MaxLength(100),
  );
}

/**
 * SQL for "`text` contains the search `:q`", case and accents ignored (`search_fold`, the function
 * the trigram indexes are built on, so `text` must be written exactly as in its index). `text` is
 * pasted into the SQL: column expressions written in code only, never anything a request sent
 * (the search itself goes as the bound parameter `q`). The
 * search is folded first and its LIKE wildcards escaped after (folding turns a full-width ％ into
 * a %), so they stay literal.
 */
export const foldedContains = (text: string): string =>
  `search_fold(${text}) LIKE '%' || replace(replace(replace(search_fold(:q), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;
