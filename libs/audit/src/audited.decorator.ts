export interface AuditedOptions {
  /** Entity type as written in the log, e.g. `user`. */
  type: string;
  /** Columns whose values are never written to the log: their change shows as `"[masked]"`. */
  sensitive?: string[];
  /** Columns not worth logging (timestamps the database maintains). */
  ignore?: string[];
  /** Property holding the row's id in the log (default `id`). */
  idProperty?: string;
  /** Property holding the client id the row belongs to, when it belongs to one. */
  clientIdProperty?: string;
  /** Property holding the center id the row belongs to, when it belongs to one. */
  centerIdProperty?: string;
}

type EntityClass = abstract new (...args: never[]) => unknown;

const AUDITED = new WeakMap<EntityClass, Required<AuditedOptions>>();

/**
 * Marks an entity whose every insert, update and delete is written to the audit log, in the same
 * transaction, by `AuditSubscriber`. Writing one without an audit context fails.
 */
export function Audited(options: AuditedOptions): ClassDecorator {
  return (target) => {
    AUDITED.set(target as unknown as EntityClass, {
      sensitive: [],
      ignore: ['createdAt', 'updatedAt'],
      idProperty: 'id',
      clientIdProperty: '',
      centerIdProperty: '',
      ...options,
    });
  };
}

export function auditedOptions(target: unknown): Required<AuditedOptions> | undefined {
  return typeof target === 'function' ? AUDITED.get(target as EntityClass) : undefined;
}

export const MASKED = '[masked]';
