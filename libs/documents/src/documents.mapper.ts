import {
  DocumentDirectorView,
  DocumentResponse,
  DocumentReviewResponse,
  DocumentVersionResponse,
  DocumentView,
} from './documents.dto';
import { ClientDocument, DocumentReview, DocumentVersion } from './documents.entities';

export function toVersionResponse(v: DocumentVersion): DocumentVersionResponse {
  return {
    id: v.id,
    version: v.version,
    fileName: v.fileName,
    contentType: v.contentType,
    sizeBytes: v.sizeBytes,
    sha256: v.sha256,
    uploadedByUserId: v.uploadedByUserId,
    createdAt: v.createdAt,
  };
}

export function toReviewResponse(r: DocumentReview, names: Map<string, string>): DocumentReviewResponse {
  return {
    id: r.id,
    version: r.version,
    decision: r.decision,
    comment: r.comment,
    reviewerUserId: r.reviewerUserId,
    reviewerName: r.reviewerUserId ? (names.get(r.reviewerUserId) ?? null) : null,
    createdAt: r.createdAt,
  };
}

/** A document with its latest version's file and its latest review. */
export function toDocumentResponse(
  d: ClientDocument,
  latest: DocumentVersion,
  review: DocumentReview | null,
  names: Map<string, string>,
  uploadedByClient: boolean,
): DocumentResponse {
  return {
    id: d.id,
    clientId: d.clientId,
    category: d.category,
    title: d.title,
    fileName: latest.fileName,
    contentType: latest.contentType,
    sizeBytes: latest.sizeBytes,
    sha256: latest.sha256,
    version: d.version,
    status: d.status,
    uploadedByUserId: latest.uploadedByUserId,
    uploadedByClient,
    latestReview: review ? toReviewResponse(review, names) : null,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

/** The whole response to a reader who may open the document, its director view to others. */
export const toDocumentView = (full: DocumentResponse, opens: boolean): DocumentView =>
  opens ? full : DocumentDirectorView.of(full);
