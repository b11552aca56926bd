export * from './center.entity';
export * from './center.dto';
export * from './centers.service';
export * from './centers.module';
export * from './centers.errors';
