// @rapport/core/analytics — KPIs as pure functions over plain arrays (chart-ready `KpiReport`s),
// period buckets, the dashboard, health scores and churn warnings, "also bought". `crm` loads this
// code on first use (crm.analytics.*); import from here to compute KPIs yourself. Every type is
// exported from `@rapport/core` too. Explicit named re-exports only.

export type { DomainContext } from '../client/domain-context.js';
export { createAnalytics } from './create-analytics.js';
export type {
  AnalyticsNamespace,
  AnalyticsOptions,
  PipelineQuery,
  HealthCheckResult,
} from './create-analytics.js';
export type { AnalyticsEvent, AnalyticsEventListener } from './analytics-events.js';
export type { CustomerDimensions } from './group-key.js';
export {
  ANALYTICS_PERIODS,
  DEFAULT_ANALYTICS_TIME_ZONE,
  periodBuckets,
  bucketIndexOf,
  zonedDayStart,
} from './period-buckets.js';
export type { AnalyticsPeriod, PeriodBucket, PeriodQuery } from './period-buckets.js';
export { GROUP_BYS, buildKpiReport } from './kpi-report.js';
export type {
  AnalyticsQuery,
  MoneyQuery,
  GroupBy,
  KpiReport,
  KpiSeries,
  KpiPoint,
  KpiUnit,
  KpiSpec,
  Measure,
} from './kpi-report.js';
export { leadConversionRate } from './lead-conversion-rate.js';
export type { LeadFacts } from './lead-conversion-rate.js';
export { winRate } from './win-rate.js';
export type { DealFacts } from './win-rate.js';
export { averageSalesCycle } from './sales-cycle.js';
export { pipelineValue } from './pipeline-value.js';
export { weightedForecast } from './weighted-forecast.js';
export { stageConversion } from './stage-conversion.js';
export { timeInStage, rankBottlenecks } from './time-in-stage.js';
export type { Bottleneck } from './time-in-stage.js';
export { quotaAttainmentReport } from './quota-attainment-report.js';
export { churnRate, retentionRate } from './churn-rate.js';
export type { ChurnQuery } from './churn-rate.js';
export { customerLifetimeValue, lifetimeValues } from './lifetime-value.js';
export type { CustomerLifetimeValue } from './lifetime-value.js';
export type { OrderFacts } from './customer-orders.js';
export { csatScore, npsScore } from './satisfaction-scores.js';
export type { SurveyFacts } from './satisfaction-scores.js';
export { slaCompliance } from './sla-compliance.js';
export type { SlaComplianceQuery } from './sla-compliance.js';
export { firstResponseTime } from './first-response-time.js';
export { complaintRate } from './complaint-rate.js';
export { campaignRoi } from './campaign-roi.js';
export type { CampaignFacts } from './campaign-roi.js';
export { revenueAgainstQuota } from './revenue-against-quota.js';
export type { QuotaFacts } from './revenue-against-quota.js';
export {
  kpiDashboard,
  dashboardRange,
  DASHBOARD_PERIODS,
  DASHBOARD_TILES,
} from './kpi-dashboard.js';
export type {
  KpiDashboard,
  KpiDashboardQuery,
  KpiDashboardSource,
  KpiTile,
  DashboardPeriod,
  DashboardTile,
  ChurnRiskRow,
} from './kpi-dashboard.js';
export {
  healthScore,
  isHealthDrop,
  resolveHealthOptions,
  HEALTH_SIGNALS,
  DEFAULT_HEALTH_WEIGHTS,
} from './health-score.js';
export type {
  HealthScore,
  HealthSignal,
  HealthSignalName,
  HealthWeights,
  HealthOptions,
  HealthInput,
} from './health-score.js';
export { alsoBought } from './also-bought.js';
export type { AlsoBought } from './also-bought.js';
