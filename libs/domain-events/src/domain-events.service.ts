import { Injectable } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { DomainEvent, DomainEventType } from './domain-events';

/**
 * Tells subscribers of a domain event, in this process. Publish only after the change committed
 * (after `AuditService.transaction` returned): a rolled-back write is never told. Subscribers are
 * called synchronously and must not throw into the publisher: they hand work to a queue.
 */
@Injectable()
export class DomainEvents {
  constructor(private readonly emitter: EventEmitter2) {}

  publish(event: DomainEvent): void {
    this.emitter.emit((event.constructor as DomainEventType).eventName, event);
  }
}

/** Marks a method as the subscriber of one kind of domain event (called with the event). */
export const OnDomainEvent = (type: DomainEventType): MethodDecorator => OnEvent(type.eventName);
