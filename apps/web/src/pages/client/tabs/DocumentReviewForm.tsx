import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api, ok } from '../../../api/client';
import { problemsOf } from '../../../api/errors';
import type { components } from '../../../api/schema';
import { FormError } from '../../../components/FormError';
import { useSaveClientRecord } from '../queries';
import type { ReviewDecision } from './DocumentsLabels';

type ReviewBody = components['schemas']['CreateReviewDto'];

/**
 * The case manager's decision on the latest version: Approve (a comment is optional), or Ask for
 * changes, which needs the comment that tells the IMG what to change.
 */
export function DocumentReviewForm({
  clientId,
  documentId,
  version,
}: {
  clientId: string;
  documentId: string;
  version: number;
}) {
  const [comment, setComment] = useState('');
  /** Asked for changes without saying which: said beside the field before the API is asked. */
  const [needsComment, setNeedsComment] = useState(false);
  const review = useSaveClientRecord<ReviewDecision>(
    clientId,
    (decision) => {
      const text = comment.trim();
      // The version read: a newer one sent meanwhile is refused (409), never approved unseen.
      const body: ReviewBody = { decision, version, ...(text ? { comment: text } : {}) };
      return ok(
        api.POST('/api/v1/clients/{clientId}/documents/{id}/reviews', {
          params: { path: { clientId, id: documentId } },
          body,
        }),
      );
    },
    () => setComment(''),
  );

  const decide = (decision: ReviewDecision) => {
    const missing = decision === 'changes_requested' && comment.trim() === '';
    setNeedsComment(missing);
    if (!missing) review.mutate(decision);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    decide('changes_requested');
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`Review version ${version}`}>
      <Stack gap="sm">
        <Textarea
          label="Comment for the client"
          description="Required to ask for changes: say what to change. Optional when approving."
          value={comment}
          onChange={(event) => {
            setComment(event.currentTarget.value);
            if (needsComment) setNeedsComment(false);
          }}
          error={needsComment ? 'Say what the client should change.' : problemsOf(review.error, 'comment')}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={4000}
        />
        <FormError error={review.error} fields={['comment']} />
        <Group gap="sm">
          {/* The primary colour: white on green's hover shade is below AA contrast. */}
          <Button
            onClick={() => decide('approved')}
            loading={review.isPending && review.variables === 'approved'}
            disabled={review.isPending}
          >
            Approve version {version}
          </Button>
          <Button
            type="submit"
            color="red"
            variant="light"
            loading={review.isPending && review.variables === 'changes_requested'}
            disabled={review.isPending}
          >
            Ask for changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
