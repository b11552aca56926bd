export * from './match-season.entity';
export * from './match-season.dto';
export * from './match-seasons.service';
export * from './match-calendar.module';
