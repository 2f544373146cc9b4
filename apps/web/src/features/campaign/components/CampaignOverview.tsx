import { useId, useState, type FormEvent } from 'react';
import {
  formatPercent,
  REPORT_STATES,
  type CampaignChangeView,
  type CampaignView,
} from '@profmonitor/domain';
import { DataTable, type Column } from '@/components/table/DataTable';
import { formatDate, formatDateTime, formatNumber } from '@/lib/format';
import { useChangeCampaign, useOpenCampaign } from '../api/campaign-actions';
import { ReportStateBadge } from '@/components/campaign/ReportStateBadge';
import { changeText, daysText, type ReportFilter } from '../model';
import { Dialog } from './Dialog';

const DEADLINE_REQUIRED = 'Укажите срок сдачи: дату, до которой организации сдают отчёты.';

type OpenCampaignFormProps = { period: string; manages: boolean };

/** No campaign for the period yet: the ministry or the committee opens it with a deadline. */
export function OpenCampaignForm({ period, manages }: OpenCampaignFormProps) {
  const id = useId();
  const [deadline, setDeadline] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const open = useOpenCampaign();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setInputError(deadline ? null : DEADLINE_REQUIRED);
    if (deadline) open.mutate({ period, deadline });
  }

  const error = inputError ?? (open.isError ? open.error.message : null);
  return (
    <section className="card" aria-labelledby="campaign-open-title">
      <h2 id="campaign-open-title">Сбор отчётов за {period} не объявлен</h2>
      {manages ? (
        <>
          <p>
            Объявите сбор: организации увидят срок сдачи, а комитет — кто сдал, кто опоздал и кто ещё не
            прислал отчёт. Ожидаются отчёты всех действующих организаций реестра за этот год.
          </p>
          <form className="toolbar" onSubmit={submit} noValidate>
            <div className="field">
              <label htmlFor={id}>Срок сдачи</label>
              <input id={id} type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
            </div>
            <button type="submit" className="button" disabled={open.isPending}>
              {open.isPending ? 'Объявляем…' : 'Объявить сбор'}
            </button>
            {error && (
              <p className="alert form__message" role="alert">
                Сбор не объявлен. {error}
              </p>
            )}
          </form>
        </>
      ) : (
        <p className="muted">Сбор отчётов объявляет региональное министерство.</p>
      )}
    </section>
  );
}

type CampaignOverviewProps = {
  campaign: CampaignView;
  manages: boolean;
  /** Shows the grid's reports of a state, or the late ones (a count is a button). */
  onFilter: (filter: ReportFilter) => void;
};

/** The campaign at a glance: the deadline and days left, reports by state, on time and late; its actions. */
export function CampaignOverview({ campaign, manages, onFilter }: CampaignOverviewProps) {
  const complete = campaign.counts['сдан'] + campaign.counts['принят'];
  return (
    <section className="card campaign-overview" aria-labelledby="campaign-overview-title">
      <div className="campaign-overview__head">
        <div>
          <h2 id="campaign-overview-title">Срок сдачи: {formatDate(campaign.deadline)}</h2>
          <p className="campaign-overview__days">
            {campaign.open ? (
              daysText(campaign.daysLeft)
            ) : (
              <>
                <span className="badge badge--nodata">сбор закрыт</span>{' '}
                {campaign.closedAt && formatDateTime(campaign.closedAt)}
                {campaign.closedBy && `, ${campaign.closedBy}`}
              </>
            )}
          </p>
        </div>
        {manages && <CampaignActions campaign={campaign} />}
      </div>
      <p>
        Сдано полностью: <strong>{formatNumber(complete)}</strong> из {formatNumber(campaign.expected)} (
        {formatPercent(campaign.expected > 0 ? complete / campaign.expected : null)})
      </p>
      <ul className="campaign-counts" aria-label="Отчёты по состояниям">
        {REPORT_STATES.map((state) => (
          <li key={state}>
            <button
              type="button"
              className="campaign-count"
              onClick={() => onFilter({ state, type: '', lateOnly: false })}
              title={`Показать отчёты в состоянии «${state}»`}
            >
              <ReportStateBadge state={state} />
              <strong>{formatNumber(campaign.counts[state])}</strong>
            </button>
          </li>
        ))}
        <li>
          <span className="campaign-count">
            <span className="badge badge--ok">вовремя</span>
            <strong>{formatNumber(campaign.onTime)}</strong>
          </span>
        </li>
        <li>
          <button
            type="button"
            className="campaign-count"
            onClick={() => onFilter({ state: 'all', type: '', lateOnly: true })}
            title="Показать опоздавших"
          >
            <span className="badge badge--fail">с опозданием</span>
            <strong>{formatNumber(campaign.late)}</strong>
          </button>
        </li>
      </ul>
      <DeadlineHistory period={campaign.period} history={campaign.history} />
    </section>
  );
}

/** Move the deadline; close or reopen the campaign (after a confirmation). */
function CampaignActions({ campaign }: { campaign: CampaignView }) {
  const id = useId();
  const change = useChangeCampaign();
  const [moving, setMoving] = useState(false);
  const [deadline, setDeadline] = useState(campaign.deadline);
  const [inputError, setInputError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  function move(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setInputError(deadline ? null : DEADLINE_REQUIRED);
    if (!deadline) return;
    change.mutate({ period: campaign.period, change: { deadline } }, { onSuccess: () => setMoving(false) });
  }

  const toggle = () =>
    change.mutate(
      { period: campaign.period, change: { open: !campaign.open } },
      { onSuccess: () => setConfirming(false) },
    );

  const error = inputError ?? (change.isError ? change.error.message : null);
  return (
    <div className="campaign-actions">
      {moving ? (
        <form className="toolbar" onSubmit={move} noValidate>
          <div className="field">
            <label htmlFor={id}>Новый срок сдачи</label>
            <input id={id} type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
          </div>
          <button type="submit" className="button button--small" disabled={change.isPending}>
            Сохранить срок
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setMoving(false)}
          >
            Отмена
          </button>
        </form>
      ) : (
        <div className="row-actions">
          {campaign.open && (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                setDeadline(campaign.deadline);
                setMoving(true);
              }}
            >
              Перенести срок
            </button>
          )}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setConfirming(true)}
          >
            {campaign.open ? 'Закрыть сбор' : 'Возобновить сбор'}
          </button>
        </div>
      )}
      {error && !confirming && (
        <p className="alert small" role="alert">
          {error}
        </p>
      )}
      {confirming && (
        <Dialog
          title={
            campaign.open
              ? `Закрыть сбор отчётов за ${campaign.period}?`
              : `Возобновить сбор за ${campaign.period}?`
          }
          onClose={() => setConfirming(false)}
          confirm={{
            label: campaign.open ? 'Закрыть сбор' : 'Возобновить сбор',
            onClick: toggle,
            pending: change.isPending,
          }}
        >
          <p>
            {campaign.open
              ? 'После закрытия организации не смогут загружать отчёты за этот год; комитет сможет внести исправление, указав причину.'
              : 'Организации снова смогут загружать отчёты за этот год.'}
          </p>
          {change.isError && (
            <p className="alert small" role="alert">
              {change.error.message}
            </p>
          )}
        </Dialog>
      )}
    </div>
  );
}

const HISTORY_COLUMNS: Column<CampaignChangeView>[] = [
  { id: 'at', header: 'Когда', kind: 'date', value: (c) => c.at },
  { id: 'what', header: 'Что', kind: 'text', value: changeText },
  { id: 'by', header: 'Кто', kind: 'text', value: (c) => c.by },
];

/** When the campaign was opened, each move of its deadline, closing and reopening. */
function DeadlineHistory({ period, history }: { period: string; history: CampaignChangeView[] }) {
  return (
    <details className="campaign-history">
      <summary>История сроков ({formatNumber(history.length)})</summary>
      <DataTable
        label="История сроков"
        fileName={`История сроков ${period}`}
        columns={HISTORY_COLUMNS}
        rows={history}
        rowKey={(c) => `${c.at} ${c.action} ${c.previousDeadline} ${c.deadline}`}
        search={false}
        compact
      />
    </details>
  );
}
