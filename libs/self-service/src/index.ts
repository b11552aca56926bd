export * from './own-client';
export * from './my-status.dto';
export * from './my-status.service';
export * from './self-service.module';
export * from './my-contact.service';
export * from './deadline-feed.service';
