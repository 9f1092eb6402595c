import { useState, type MouseEvent } from 'react';
import { AutoComplete, Input } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api';
import { formatDate } from '../common/format';
import { useApiGet } from '../common/useApiGet';
import { useDebounced } from '../common/useDebounced';
import type { SearchItem, SearchPage } from './registryTypes';
import { joinPlaces, unitTypeLabel } from './unitLabels';
import { lastDay } from './validity';

// Options are one line by default; the reason and the successors must wrap, not be cut off.
const REASON_STYLE = { whiteSpace: 'normal', fontSize: 13 } as const;

/** Why a unit is not in force on the day: ended (and where it went), not yet begun, or before the registry's data. */
function NotInForce({ item, asOf, onPick }: { item: SearchItem; asOf: string; onPick: (id: number) => void }) {
  const { t } = useTranslation();
  const end = lastDay(item);
  if (item.validTo && item.validTo <= asOf && end) {
    // A click on a successor opens it instead of choosing the ended unit the option stands for.
    const go = (e: MouseEvent, id: number) => {
      e.preventDefault();
      e.stopPropagation();
      onPick(id);
    };
    return (
      <div style={REASON_STYLE} data-testid="units-search-ended">
        {t('unitBrowser.ended', { date: formatDate(end) })} →{' '}
        {item.successors.length === 0
          ? t('unitBrowser.noSuccessor')
          : item.successors.map((s, i) => (
              <span key={s.unit.id}>
                {i > 0 && ', '}
                <a
                  href={`/units/${s.unit.id}`}
                  onMouseDown={(e) => e.stopPropagation()}
                  onClick={(e) => go(e, s.unit.id)}
                  data-testid="units-search-successor"
                >
                  {s.unit.fullName}
                </a>
              </span>
            ))}
      </div>
    );
  }
  if (item.validFrom && item.validFrom > asOf) {
    return <div style={REASON_STYLE}>{t('unitBrowser.startsLater', { date: formatDate(item.validFrom) })}</div>;
  }
  if (item.attestedFrom)
    return <div style={REASON_STYLE}>{t('unitBrowser.unknownOnDay', { date: formatDate(item.attestedFrom) })}</div>;
  return null;
}

function option(t: TFunction, item: SearchItem, asOf: string, onPick: (id: number) => void) {
  return {
    value: String(item.id),
    label: (
      <div data-testid="units-search-option">
        <div>{item.fullName}</div>
        <div style={{ fontSize: 12, color: '#8c8c8c', whiteSpace: 'normal' }}>
          {joinPlaces(unitTypeLabel(t, item.type), item.code, item.districtName, item.provinceName)}
        </div>
        {!item.inForce && <NotInForce item={item} asOf={asOf} onPick={onPick} />}
      </div>
    ),
  };
}

/**
 * Jump to a unit by name or code. Units in force on `asOf` come first; units
 * not in force that day follow, so an abolished commune is still found, with
 * the day it ended and the unit(s) it went into.
 */
export function UnitSearch({ asOf, onPick }: { asOf: string; onPick: (id: number) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 200);
  const { data, loading } = useApiGet<SearchPage>(
    q.length >= 2 ? withQuery('/api/units/search', { q, asOf, limit: 20, includeEnded: 'true' }) : null,
  );
  const pick = (id: number) => {
    setText('');
    onPick(id);
  };
  const items = q.length >= 2 && data ? data.items : [];
  const inForce = items.filter((i) => i.inForce);
  const others = items.filter((i) => !i.inForce);
  const day = formatDate(asOf);
  const options = [
    ...(inForce.length
      ? [{ label: t('unitBrowser.inForceGroup', { date: day }), options: inForce.map((i) => option(t, i, asOf, pick)) }]
      : []),
    ...(others.length
      ? [
          {
            label: t('unitBrowser.otherDatesGroup', { date: day }),
            options: others.map((i) => option(t, i, asOf, pick)),
          },
        ]
      : []),
  ];

  return (
    <AutoComplete
      value={text}
      options={options}
      onChange={setText}
      onSelect={(value: string) => pick(Number(value))}
      notFoundContent={q.length >= 2 && data && !loading ? t('unitBrowser.nothingFound') : null}
      popupMatchSelectWidth={420}
      style={{ width: '100%', maxWidth: 420 }}
    >
      <Input.Search
        placeholder={t('units.searchPlaceholder')}
        loading={loading}
        allowClear
        data-testid="units-search"
      />
    </AutoComplete>
  );
}
