import { Injectable } from '@nestjs/common';
import {
  isBlank,
  organizationsSheet,
  type OrganizationFields,
  type OrganizationRow,
  type OrganizationType,
} from '@profmonitor/domain';
import { DataSource } from 'typeorm';
import { assertMunicipality, assertOrganization } from '../accounts/access-policy';
import type { Principal } from '../accounts/principal';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { organizationNotFound } from './organization-not-found';
import { writeTransaction } from '../database/write-transaction';
import {
  ORGANIZATION_FIELDS,
  mapOrganization,
  mapOrganizationChange,
  type OrganizationChangeDto,
  type OrganizationChangeEntryDto,
  type OrganizationDto,
} from './organizations.dto';
import { OrganizationsRepository } from './organizations.repository';
import { RegistryChangesService, stateOfRow } from './registry-changes.service';

/** The registry in the interface: the committee edits and retires organizations, with history. */
@Injectable()
export class OrganizationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsRepository,
    private readonly changes: RegistryChangesService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Changes an organization's fields (retiring it is setting `activeTo`); checked as a row of
   * the registry sheet is. A change of who reports in a period with loaded reports needs `confirm`.
   */
  async update(code: string, body: OrganizationChangeDto, principal: Principal): Promise<OrganizationDto> {
    const given = ORGANIZATION_FIELDS.filter((field) => body[field] !== undefined);
    if (given.length === 0) throw new AppError('empty_change');
    assertOrganization(principal, code);
    // A bound committee keeps its organizations in its municipality: moving one out is the region's.
    if (body.municipality !== undefined) assertMunicipality(principal, body.municipality.trim());
    return writeTransaction(this.dataSource, async (manager) => {
      const organization = await this.organizations.findByCode(code, manager);
      if (!organization) throw organizationNotFound(code);
      const current = mapOrganization(organization);
      const row = checkedRow({ ...current, ...pick(body, given), code: organization.code });
      const { stored, pastChanges } = await this.changes.apply(manager, [stateOfRow(row)], {
        confirm: body.confirm === true,
        by: principal.login,
        source: 'edit',
      });
      const after = mapOrganization(stored[0]);
      const changed = ORGANIZATION_FIELDS.filter((field) => current[field] !== after[field]);
      if (changed.length > 0) {
        await this.audit.record(
          {
            actor: principal,
            action: 'organization-update',
            target: organization.code,
            details: {
              changes: changed.map((field) => ({ field, before: current[field], after: after[field] })),
              ...(pastChanges.length ? { confirmedPastChanges: pastChanges.map((c) => c.message) } : {}),
            },
          },
          manager,
        );
      }
      return after;
    });
  }

  async history(code: string, principal: Principal): Promise<OrganizationChangeEntryDto[]> {
    assertOrganization(principal, code);
    const organization = await this.organizations.findByCode(code);
    if (!organization) throw organizationNotFound(code);
    return (await this.organizations.history(organization.id)).map(mapOrganizationChange);
  }
}

function pick(
  body: OrganizationChangeDto,
  fields: (keyof OrganizationFields)[],
): Partial<OrganizationFields> {
  return Object.fromEntries(fields.map((field) => [field, body[field]]));
}

/**
 * The fields read as the registry sheet reads a row: each column's type and whether it is
 * required, then the sheet's rules. 400 with one message per broken rule.
 */
function checkedRow(fields: OrganizationFields & { code: string }): OrganizationRow {
  const errors: string[] = [];
  const row: Record<string, unknown> = { code: fields.code };
  for (const column of organizationsSheet.columns) {
    if (column.key === 'code') continue;
    const raw = fields[column.key as keyof OrganizationFields];
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (value === null || value === undefined || isBlank(value)) {
      if (column.required) errors.push(`Заполните поле «${column.header}».`);
      row[column.key] = null;
      continue;
    }
    const parsed = column.type.parse(value);
    if ('error' in parsed) errors.push(`«${column.header}»: ${parsed.error}`);
    else row[column.key] = parsed.value;
  }
  if (errors.length === 0) {
    for (const rule of organizationsSheet.rules ?? []) {
      const candidate = row as unknown as OrganizationRow;
      if (rule.violated(candidate, {})) errors.push(rule.message(candidate, {}));
    }
  }
  if (errors.length > 0) throw new AppError('invalid_parameters', errors);
  return { ...(row as unknown as OrganizationRow), type: row.type as OrganizationType };
}
