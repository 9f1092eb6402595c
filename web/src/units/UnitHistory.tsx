// Predecessors and successors of a unit, followed transitively by the server;
// `depth` says how many restructuring steps away a related unit is.
import { Alert, Divider, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApiGet } from '../common/useApiGet';
import { formatDate } from '../common/format';
import { lastDay } from './validity';
import type { RelatedUnit, UnitHistory as UnitHistoryData } from '../types';
import { eventKindColor, isRedundantNote, joinPlaces, linkKindColor, unitTypeLabel } from './unitLabels';

function RelatedItem({ item }: { item: RelatedUnit }) {
  const { t } = useTranslation();
  const { unit, depth, linkKind, note, event } = item;
  return (
    <div className="related-item" data-testid="related-unit">
      <Space wrap size={[6, 4]}>
        <Link to={`/units/${unit.id}`} style={{ fontWeight: 600 }}>
          {unit.fullName}
        </Link>
        <Tag color={linkKindColor(linkKind)}>{t(`linkKind.${linkKind}`, { defaultValue: linkKind })}</Tag>
        <Tag variant="filled">{depth <= 1 ? t('history.direct') : t('history.indirect', { depth })}</Tag>
      </Space>
      <div className="related-note">{joinPlaces(unitTypeLabel(t, unit.type), unit.code, unit.provinceName)}</div>
      <div className="related-note">
        <Tag color={eventKindColor(event.kind)}>{t(`eventKind.${event.kind}`, { defaultValue: event.kind })}</Tag>{' '}
        {t('history.effective', { date: formatDate(event.effectiveDate) })}
        {event.legalBasis && <> · {t('history.legalBasis', { basis: event.legalBasis })}</>}
      </div>
      {note && !isRedundantNote(note) && (
        <div className="related-note">
          <Typography.Text type="secondary" italic>
            “{note}”
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

function RelatedList({ title, items, empty }: { title: string; items: RelatedUnit[]; empty: string }) {
  // Nearest first, then by name, so direct predecessors lead the list.
  const sorted = [...items].sort((a, b) => a.depth - b.depth || a.unit.name.localeCompare(b.unit.name, 'vi'));
  return (
    <>
      <Typography.Title level={5}>
        {title} ({items.length})
      </Typography.Title>
      {sorted.length === 0 ? (
        <Typography.Text type="secondary">{empty}</Typography.Text>
      ) : (
        <div>
          {sorted.map((r) => (
            <RelatedItem key={`${r.unit.id}-${r.event.id}-${r.depth}`} item={r} />
          ))}
        </div>
      )}
    </>
  );
}

/** "Ended: in force until 30/06/2025 → Phường Ba Đình": where an ended unit went, one step on. */
function EndedLine({ data }: { data: UnitHistoryData }) {
  const { t } = useTranslation();
  const end = lastDay(data.unit);
  if (!end) return null;
  const direct = data.successors.filter((s) => s.depth <= 1);
  return (
    <Alert
      type="info"
      style={{ marginBottom: 12 }}
      data-testid="unit-ended"
      title={
        <>
          {t('unitBrowser.ended', { date: formatDate(end) })} →{' '}
          {direct.length === 0
            ? t('unitBrowser.noSuccessor')
            : direct.map((s, i) => (
                <span key={s.unit.id}>
                  {i > 0 && ', '}
                  <Link to={`/units/${s.unit.id}`} data-testid="unit-ended-successor">
                    {s.unit.fullName}
                  </Link>
                </span>
              ))}
        </>
      }
    />
  );
}

export function UnitHistory({ id }: { id: number }) {
  const { t } = useTranslation();
  const { data, error, loading } = useApiGet<UnitHistoryData>(`/api/units/${id}/history`);
  return (
    <section data-testid="unit-history">
      <Divider titlePlacement="start">{t('history.title')}</Divider>
      {error && <Alert type="error" showIcon title={error} />}
      {loading && <Skeleton active />}
      {data && !loading && (
        <>
          <EndedLine data={data} />
          <RelatedList
            title={t('history.predecessors')}
            items={data.predecessors}
            empty={t('history.noPredecessors')}
          />
          <div style={{ height: 16 }} />
          <RelatedList title={t('history.successors')} items={data.successors} empty={t('history.noSuccessors')} />
        </>
      )}
    </section>
  );
}
