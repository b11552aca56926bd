import { Audited } from '@lib/audit';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export interface SeasonEvent {
  key: string;
  label: string;
  /** ISO-8601 instant with its US Eastern offset, as NRMP and ERAS publish it. */
  at: string;
  /** Not yet confirmed by a published calendar (derived from the previous cycle). */
  estimated: boolean;
}

/** One Main Residency Match: the dates reminders and deadlines need. Admins correct them. */
@Audited({ type: 'match_season', idProperty: 'matchYear' })
@Entity({ name: 'match_seasons' })
export class MatchSeasonEntity {
  @PrimaryColumn({ type: 'int' }) matchYear: number;
  @Column({ type: 'jsonb' }) events: SeasonEvent[];
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
