import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';
import { ReminderMetrics } from './reminder-metrics';
import { QueueModule } from '@lib/queue';

@Module({
  controllers: [MetricsController],
  imports: [QueueModule],
  providers: [MetricsService, ReminderMetrics],
  exports: [MetricsService],
})
export class MetricsModule {}
