export * from './mailer.service';
export * from './mail.module';
