import { Audited } from '@lib/audit';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A Welcome Back-style center: one site of the network, with its own staff and clients. */
@Audited({ type: 'center', centerIdProperty: 'id' })
@Entity({ name: 'centers' })
@Index('ix_centers_name_id', ['name', 'id'])
@Check('ck_centers_state', `state ~ '^[A-Z]{2}$'`)
export class Center {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stable human key (e.g. `wbc-colorado`); seeds upsert on it. */
  @Column({ type: 'text', unique: true })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  hostInstitution: string;

  @Column({ type: 'text' })
  city: string;

  /** Two-letter USPS code. */
  @Column({ type: 'char', length: 2 })
  state: string;

  /** IANA time zone; reminders go out at a civil hour here. */
  @Column({ type: 'text' })
  timeZone: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
