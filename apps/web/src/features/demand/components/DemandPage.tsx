import { useId } from 'react';
import type { DemandView, PeriodView } from '@profmonitor/domain';
import { namesByCode, useOrganizations } from '@/api/organizations';
import { useCurrentUser } from '@/api/session';
import { EmptyState, ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { MunicipalitySelect } from '@/components/layout/MunicipalitySelect';
import { OrganizationSelect } from '@/components/layout/OrganizationSelect';
import { PeriodGate } from '@/components/layout/PeriodGate';
import { UploadPanel } from '@/components/uploads/UploadPanel';
import { useChosenMunicipality, useLevel } from '@/hooks/use-level';
import { useSearchParam } from '@/hooks/use-search-param';
import { canUse } from '@/lib/access';
import { choosesMunicipality, type Level } from '@/lib/levels';
import { formatDate, formatNumber } from '@/lib/format';
import { TEMPLATE_LABELS } from '@/lib/uploads';
import { useDemand, type Territory } from '../api/get-demand';
import { demandState, extremeSentences, parseTerritory, TERRITORIES, TERRITORY_GENITIVE } from '../model';
import { DemandSummary } from './DemandSummary';
import { GapChart } from './GapChart';
import { GapTable } from './GapTable';
import { InDemandEditor } from './InDemandEditor';
import { LaborDemandVersions } from './LaborDemandVersions';
import { ProfessionMapping } from './ProfessionMapping';
import { usePageTitle, usePeriodCode } from '@/hooks/use-page-title';

/**
 * Labor demand against graduates' choices: where the city's graduates go against where its
 * (or the region's) vacancies are, area by area; the workbooks behind it and their upload.
 */
export function DemandPage() {
  usePageTitle('Потребность в кадрах', usePeriodCode());
  return (
    <section className="page">
      <header className="page__header">
        <div>
          <h1>Потребность в кадрах и выбор выпускников</h1>
          <p className="muted">
            Куда идут продолжающие обучение и работающие выпускники и где нужны кадры — по областям
            профессиональной деятельности.
          </p>
        </div>
      </header>
      <PeriodGate>{(period, periods) => <Demand period={period} periods={periods} />}</PeriodGate>
    </section>
  );
}

function Demand({ period, periods }: { period: PeriodView; periods: PeriodView[] }) {
  const user = useCurrentUser();
  const [territoryParam, setTerritory] = useSearchParam('territory');
  const [orgParam] = useSearchParam('org');
  const territory = parseTerritory(territoryParam);
  // The ministry (and an account of the whole region) picks a municipality, else the region's;
  // a bound account reads its own.
  const municipality = useChosenMunicipality();
  const level = useLevel();
  // One organization's graduates is the committee's view; the others see the city.
  const mayPickOrganization = canUse(user, 'organizations');
  const org = mayPickOrganization ? orgParam : undefined;
  const demand = useDemand({ period: period.code, territory, org, municipality });

  return (
    <>
      <div className="toolbar">
        {choosesMunicipality(user) && <MunicipalitySelect allLabel="Весь регион" />}
        <TerritorySwitch
          territories={demand.data?.territories ?? []}
          value={demand.data?.territory ?? territory ?? null}
          onChange={setTerritory}
        />
        {mayPickOrganization && (
          <OrganizationSelect
            label="Выпускники"
            allLabel={`Все организации ${level.of}`}
            municipality={level.municipality ?? undefined}
            withGraduates
          />
        )}
      </div>
      {demand.isPending ? (
        <Loading height={420} label="Загрузка потребности в кадрах…" />
      ) : demand.isError ? (
        <ErrorMessage
          error={demand.error}
          what="потребность в кадрах и выбор выпускников"
          retry={() => void demand.refetch()}
        />
      ) : (
        <Comparison
          demand={demand.data}
          periods={periods}
          level={level}
          municipality={municipality}
          onTerritory={setTerritory}
        />
      )}
      <section className="card" aria-labelledby="versions-title">
        <h2 id="versions-title">Книги «Потребность в кадрах» за {period.code}</h2>
        <p className="muted small">
          Для каждой территории действует книга с самой поздней датой; прежние версии остаются в истории.
        </p>
        <LaborDemandVersions period={period.code} municipality={municipality} />
      </section>
      <UploadPanel user={user} only="vacancies" title="Загрузить потребность в кадрах" />
      {canUse(user, 'demandSettings') && (
        <>
          <InDemandEditor period={period.code} />
          <ProfessionMapping />
        </>
      )}
    </>
  );
}

type ComparisonProps = {
  demand: DemandView;
  periods: PeriodView[];
  /** Whose graduates: the city's, a municipality's, the region's. */
  level: Level;
  /** The municipality chosen on the page (its trends are asked for by name). */
  municipality: string | undefined;
  onTerritory: (territory: Territory) => void;
};

/** The comparison itself, or what is missing for it and how to get it. */
function Comparison({ demand, periods, level, municipality, onTerritory }: ComparisonProps) {
  const state = demandState(demand);
  const organizations = useOrganizations();
  const whose = demand.org
    ? `выпускников: ${namesByCode(organizations.data).get(demand.org) ?? demand.org}`
    : `выпускников ${level.of}`;
  return (
    <>
      <DemandSummary demand={demand} periods={periods.map((p) => p.code)} municipality={municipality} />
      {state === 'noDemand' ? (
        <NoDemand demand={demand} onTerritory={onTerritory} />
      ) : state === 'noGraduates' ? (
        <EmptyState>
          <p>
            За {demand.period} нет данных о выборе {whose}: сравнивать вакансии не с чем. Загрузите отчёты
            организаций с листом «Выпускники» или выберите другой период.
          </p>
        </EmptyState>
      ) : (
        <>
          <Extremes demand={demand} />
          <GapChart demand={demand} />
        </>
      )}
      {demand.areas.length > 0 && <GapTable demand={demand} />}
    </>
  );
}

/** «нет данных», never zero: the period (or this territory) has no vacancies workbook yet. */
function NoDemand({ demand, onTerritory }: { demand: DemandView; onTerritory: (t: Territory) => void }) {
  const other = demand.territories.find((t) => t !== demand.territory);
  const where = demand.territory ? ` по ${demand.territory === 'Город' ? 'городу' : 'региону'}` : '';
  return (
    <EmptyState>
      <p>
        <strong>
          Нет данных о потребности в кадрах{where} за {demand.period}.
        </strong>{' '}
        Индекс и расхождения появятся, когда будет загружена книга «{TEMPLATE_LABELS.vacancies}» за этот
        период: скачайте шаблон ниже, заполните вакансии по областям (или профессиям) и загрузите файл.
      </p>
      {other && (
        <p>
          За этот период есть вакансии {TERRITORY_GENITIVE[other]}:{' '}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => onTerritory(other)}
          >
            Показать: {other}
          </button>
        </p>
      )}
    </EmptyState>
  );
}

/** The largest surplus and deficit, each in one sentence. */
function Extremes({ demand }: { demand: DemandView }) {
  const { surplus, deficit } = extremeSentences(demand);
  if (!surplus && !deficit) return null;
  return (
    <div className="card extremes" aria-label="Наибольшие расхождения">
      {surplus && <p className="extremes__line extremes__line--surplus">{surplus}</p>}
      {deficit && <p className="extremes__line extremes__line--deficit">{deficit}</p>}
      <p className="muted small">
        Выпускники — {formatNumber(demand.graduates)} продолжающих обучение или работающих; вакансии{' '}
        {demand.territory && TERRITORY_GENITIVE[demand.territory]} — {formatNumber(demand.vacancies)}
        {demand.date && ` на ${formatDate(demand.date)}`}.
      </p>
    </div>
  );
}

type TerritorySwitchProps = {
  territories: readonly Territory[];
  value: Territory | null;
  onChange: (territory: Territory) => void;
};

/** Город or Регион: the territories the period has vacancies for (the chosen one always shows). */
function TerritorySwitch({ territories, value, onChange }: TerritorySwitchProps) {
  const name = useId();
  const shown = TERRITORIES.filter((t) => territories.includes(t) || t === value);
  if (shown.length === 0) return null;
  return (
    <fieldset className="segmented">
      <legend>Вакансии</legend>
      {shown.map((territory) => (
        <label key={territory} className="segmented__option">
          <input
            type="radio"
            name={name}
            value={territory}
            checked={territory === value}
            onChange={() => onChange(territory)}
          />
          <span>{territory}</span>
        </label>
      ))}
    </fieldset>
  );
}
