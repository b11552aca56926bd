import type { PathwayResult, Stage } from '@lib/pathway';
import { EntityManager } from 'typeorm';
import { Client } from './client.entity';

/**
 * The pathway engine's verdict on a client, from the records that hang from it. Asked by the client
 * record (its detail, and the stage stored after intake or a change of status or career goal);
 * answered by `@lib/pathway-records`, which the app imports. A port, so that the client record
 * does not depend on the records that depend on it.
 */
export abstract class ClientPathway {
  /** The engine's result for a client already found in scope. */
  abstract evaluate(manager: EntityManager, client: Client): Promise<PathwayResult>;
  /** Stores the engine's stage, finding count and report milestones on the client; returns the stage. */
  abstract refreshStage(manager: EntityManager, client: Client): Promise<Stage>;
}
