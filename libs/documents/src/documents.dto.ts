import { AllowListView, PageOf } from '@lib/kernel';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import {
  DOCUMENT_CATEGORIES,
  DOCUMENT_STATUSES,
  DocumentCategory,
  DocumentStatus,
  REVIEW_DECISIONS,
  ReviewDecision,
} from './documents.entities';

const trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** The text fields of an upload (multipart, beside `file`). */
export class DocumentFieldsDto {
  @ApiProperty({ enum: DOCUMENT_CATEGORIES })
  @IsIn(DOCUMENT_CATEGORIES, { message: `category must be one of ${DOCUMENT_CATEGORIES.join(', ')}` })
  category: DocumentCategory;

  @ApiPropertyOptional({ example: 'CV, draft for ERAS 2027', description: 'Default: the file name' })
  @IsOptional()
  @trim()
  @IsString()
  @MinLength(1, { message: 'title cannot be blank' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title?: string;
}

/** The multipart body of an upload, as OpenAPI documents it. */
export const UPLOAD_BODY_SCHEMA = {
  type: 'object',
  required: ['file', 'category'],
  properties: {
    file: {
      type: 'string',
      format: 'binary',
      description: 'PDF, JPEG, PNG, HEIC/HEIF or DOCX; at most DOCUMENT_MAX_BYTES',
    },
    category: { type: 'string', enum: [...DOCUMENT_CATEGORIES] },
    title: { type: 'string', maxLength: 200, description: 'Default: the file name' },
  },
};

/** The multipart body of a new version: the file alone. */
export const VERSION_BODY_SCHEMA = {
  type: 'object',
  required: ['file'],
  properties: { file: UPLOAD_BODY_SCHEMA.properties.file },
};

export class CreateReviewDto {
  @ApiPropertyOptional({
    description: 'The version the reviewer read: 409 DOCUMENT_VERSION_NOT_LATEST when a newer one was sent since',
    example: 2,
  })
  @IsOptional()
  @IsInt({ message: 'version must be a version number' })
  @Min(1, { message: 'version must be a version number' })
  version?: number;

  @ApiProperty({ enum: REVIEW_DECISIONS })
  @IsIn(REVIEW_DECISIONS, { message: `decision must be one of ${REVIEW_DECISIONS.join(', ')}` })
  decision: ReviewDecision;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Please put your US clinical experience first and shorten the summary to three lines.',
    description: 'Required when asking for changes: what to change',
  })
  @ValidateIf((review: CreateReviewDto) => review.decision === 'changes_requested' || review.comment != null)
  @trim()
  // One rule, one message: a missing comment is not also "too long".
  @Length(1, 4000, { message: 'comment must say what to change, in at most 4000 characters' })
  comment?: string | null;
}

export class DocumentReviewResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The version reviewed' }) version: number;
  @ApiProperty({ enum: REVIEW_DECISIONS }) decision: ReviewDecision;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) reviewerUserId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Jordan Lee' }) reviewerName: string | null;
  @ApiProperty() createdAt: Date;
}

export class DocumentVersionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty({ example: 'cv-2026.pdf' }) fileName: string;
  @ApiProperty({ example: 'application/pdf', description: 'Decided from the bytes' }) contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }) sha256: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) uploadedByUserId: string | null;
  @ApiProperty() createdAt: Date;
}

/** A document with its latest version's file, and the latest review (what the IMG reads). */
export class DocumentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ enum: DOCUMENT_CATEGORIES }) category: DocumentCategory;
  @ApiProperty({ example: 'CV, draft for ERAS 2027' }) title: string;
  @ApiProperty({ example: 'cv-2026.pdf', description: "The latest version's file name" }) fileName: string;
  @ApiProperty({ example: 'application/pdf', description: 'Decided from the bytes' }) contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'SHA-256 of the bytes, hex' }) sha256: string;
  @ApiProperty({ description: 'The latest version (1 for a first upload)' }) version: number;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status: DocumentStatus;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: "The latest version's uploader" })
  uploadedByUserId: string | null;
  @ApiProperty({ description: 'Whether the IMG uploaded the latest version' }) uploadedByClient: boolean;
  @ApiProperty({ type: DocumentReviewResponse, nullable: true }) latestReview: DocumentReviewResponse | null;
  @ApiProperty({ description: 'When the document was first uploaded' }) createdAt: Date;
  @ApiProperty({ description: 'When it last changed: a new version or a review' }) updatedAt: Date;
}

/** One document with every version (newest first) and every review (newest first). */
export class DocumentDetailResponse extends DocumentResponse {
  @ApiProperty({ type: DocumentVersionResponse, isArray: true }) versions: DocumentVersionResponse[];
  @ApiProperty({ type: DocumentReviewResponse, isArray: true }) reviews: DocumentReviewResponse[];
}

export class DocumentPage extends PageOf(DocumentResponse) {}

/**
 * What a director reads of a document (docs/director-view.md): that it exists, its category and
 * dates and where its review stands; not its title, file or comments, and never its bytes.
 */
@ApiSchema({ description: 'A document, as a director reads it: an allow-list of DocumentResponse' })
export class DocumentDirectorView extends AllowListView(DocumentResponse, [
  'id',
  'clientId',
  'category',
  'version',
  'status',
  'createdAt',
  'updatedAt',
]) {}
export class DocumentDirectorPage extends PageOf(DocumentDirectorView) {}
export type DocumentView = DocumentResponse | DocumentDirectorView;
