export * from './mailer.service';
export * from './mail.module';
export * from './outgoing-mail.service';
