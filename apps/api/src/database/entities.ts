import { AccountEntity } from '../accounts/account.entity';
import { LoginFailureEntity } from '../accounts/login-failure.entity';
import { SessionEntity } from '../accounts/session.entity';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { AreaEntity } from '../areas/area.entity';
import { CAMPAIGN_ENTITIES } from '../campaign/campaign.entities';
import { CYCLE_ENTITIES } from '../cycle/cycle.entities';
import {
  ChoiceCountEntity,
  DestinationCountEntity,
  InDemandListEntity,
  IndicatorTargetEntity,
  IndicatorValueEntity,
} from '../indicators/indicator.entities';
import { LaborDemandEntity, ProfessionAreaEntity, VacancyRowEntity } from '../labor/labor.entities';
import { OrganizationEntity } from '../organizations/organization.entity';
import { OrganizationChangeEntity } from '../organizations/organization-change.entity';
import { PeriodEntity } from '../organizations/period.entity';
import { ReportVersionEntity } from '../reports/entities/report-version.entity';
import { SCHOOL_SHEET_ENTITIES } from '../reports/entities/sheet-rows.entity';
import { UploadEntity } from '../reports/entities/upload.entity';

export const ENTITIES = [
  AreaEntity,
  OrganizationEntity,
  OrganizationChangeEntity,
  PeriodEntity,
  UploadEntity,
  ReportVersionEntity,
  ...Object.values(SCHOOL_SHEET_ENTITIES),
  LaborDemandEntity,
  VacancyRowEntity,
  ProfessionAreaEntity,
  IndicatorValueEntity,
  ChoiceCountEntity,
  DestinationCountEntity,
  IndicatorTargetEntity,
  InDemandListEntity,
  AccountEntity,
  SessionEntity,
  LoginFailureEntity,
  AuditEntryEntity,
  ...CAMPAIGN_ENTITIES,
  ...CYCLE_ENTITIES,
];
