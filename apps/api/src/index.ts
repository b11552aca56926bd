export { createApiApp, configureApiApp, createFastifyAdapter, API_PREFIX } from './api-app';
export { API_REQUIRES, ApiModule } from './api.module';
export { UuidParam } from './http/validation';
export { Public } from './auth/auth.decorators';
