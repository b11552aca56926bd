export * from './config/environment';
export * from './errors/app-error';
export * from './pagination/keyset';
export * from './clock';
export * from './kernel.module';
export * from './validation/civil-date';
export * from './validation/us-state';
export * from './validation/search-text';
