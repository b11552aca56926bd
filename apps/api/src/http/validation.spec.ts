import { ValidationFailed } from '@lib/kernel';
import { IsString } from 'class-validator';
import { createValidationPipe } from './validation';

class NoteBody {
  @IsString()
  body: string;
}

describe(createValidationPipe.name, () => {
  const pipe = createValidationPipe();
  const asBody = { type: 'body' as const, metatype: NoteBody, data: undefined };

  it('refuses a lone surrogate, naming the field, before any validator runs', async () => {
    const refused = pipe.transform({ body: 'a\ud800b' }, asBody);
    await expect(refused).rejects.toBeInstanceOf(ValidationFailed);
    await expect(refused).rejects.toMatchObject({ fields: [{ field: 'body' }] });
  });

  it('refuses one in a key too, and in a query value', async () => {
    await expect(pipe.transform({ body: 'x', ['k\udc00']: 1 }, asBody)).rejects.toMatchObject({
      fields: [{ field: 'k\udc00' }],
    });
    await expect(pipe.transform('\udfff', { type: 'query', metatype: String, data: 'q' })).rejects.toMatchObject({
      fields: [{ field: 'q' }],
    });
  });

  it('accepts a well-formed pair (an emoji) and text in any script', async () => {
    await expect(pipe.transform({ body: 'Passed 🎉 — أحسنت' }, asBody)).resolves.toMatchObject({
      body: 'Passed 🎉 — أحسنت',
    });
  });
});
