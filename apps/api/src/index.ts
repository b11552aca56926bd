export {
  createApiApp,
  configureApiApp,
  createFastifyAdapter,
  createOpenApiDocument,
  setApiPrefix,
  API_PREFIX,
  type ApiAppOptions,
} from './api-app';
export { API_REQUIRES, ApiModule } from './api.module';
export { UuidParam } from './http/validation';
export { Public } from './auth/auth.decorators';
