// Public lookup for citizens: "my old commune, which new one is it now?".
// Built for a phone first: one big box, results as cards, no login.
import { useEffect, useState } from 'react';
import { Alert, Button, Empty, Input, Spin, Tag, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api, errorMessage, withQuery } from '../api';
import { formatNumber } from '../common/format';
import { useApiGet } from '../common/useApiGet';
import { useDebounced } from '../common/useDebounced';
import type { LookupResult } from '../types';
import type { LookupPage as LookupPageData } from './lookupTypes';
import { LookupResultCard } from './LookupResultCard';

const MIN_CHARS = 2;
const PAGE = 10;
// Real pre-2025 names, typed the way people type them (with and without diacritics).
const EXAMPLES = ['Phúc Xá', 'ben nghe', 'Trúc Bạch', 'thi tran Sa Pa'];

function LookupEmptyState({ onPick }: { onPick: (q: string) => void }) {
  const { t } = useTranslation();
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <div data-testid="lookup-empty">
          <Typography.Paragraph strong style={{ marginBottom: 4 }}>
            {t('lookup.emptyTitle')}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('lookup.emptyHint')}</Typography.Paragraph>
          <div className="lookup-examples">
            <Typography.Text type="secondary" style={{ marginRight: 8 }}>
              {t('lookup.examplesLabel')}
            </Typography.Text>
            {EXAMPLES.map((ex) => (
              <Tag
                key={ex}
                variant="outlined"
                color="processing"
                onClick={() => onPick(ex)}
                role="button"
                tabIndex={0}
                onKeyDown={(e) => e.key === 'Enter' && onPick(ex)}
              >
                {ex}
              </Tag>
            ))}
          </div>
        </div>
      }
    />
  );
}

export default function LookupPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(() => params.get('q') ?? '');
  const query = useDebounced(text.trim(), 200);
  const searchable = query.length >= MIN_CHARS;
  const { data, error, loading } = useApiGet<LookupPageData>(
    searchable ? withQuery('/api/public/lookup', { q: query, limit: PAGE }) : null,
  );
  // Later pages of the same query, appended under the first ("Xem thêm"); a new query starts over.
  const [more, setMore] = useState<{ for: LookupPageData; items: LookupResult[]; next: number | null }>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const extra = more && more.for === data ? more : undefined;
  const nextOffset = extra ? extra.next : (data?.nextOffset ?? null);

  async function showMore() {
    if (!data || nextOffset === null) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await api.get<LookupPageData>(
        withQuery('/api/public/lookup', { q: query, limit: PAGE, offset: nextOffset }),
      );
      setMore({ for: data, items: [...(extra?.items ?? []), ...page.items], next: page.nextOffset });
    } catch (err) {
      setMoreError(errorMessage(err));
    } finally {
      setLoadingMore(false);
    }
  }

  // Keep ?q= in the address so a result can be shared or bookmarked.
  useEffect(() => {
    if ((params.get('q') ?? '') !== query) setParams(query ? { q: query } : {}, { replace: true });
  }, [query, params, setParams]);

  const items = searchable && data ? [...data.items, ...(extra?.items ?? [])] : [];
  return (
    <div className="lookup-page">
      <div className="lookup-hero">
        <h1>{t('lookup.title')}</h1>
        <Typography.Paragraph type="secondary">{t('lookup.subtitle')}</Typography.Paragraph>
      </div>
      <Input
        className="lookup-search"
        size="large"
        allowClear
        autoFocus
        inputMode="search"
        enterKeyHint="search"
        autoComplete="off"
        spellCheck={false}
        prefix={<SearchOutlined />}
        suffix={loading ? <Spin size="small" /> : <span />}
        placeholder={t('lookup.placeholder')}
        aria-label={t('lookup.inputLabel')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="lookup-input"
      />
      {text.trim().length > 0 && text.trim().length < MIN_CHARS && (
        <Typography.Text type="secondary">{t('lookup.tooShort')}</Typography.Text>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}

      <div className="lookup-results" aria-live="polite" aria-busy={loading}>
        {!searchable && <LookupEmptyState onPick={setText} />}
        {searchable && !loading && !error && data && items.length === 0 && (
          <Empty
            data-testid="lookup-no-results"
            description={
              <>
                <Typography.Paragraph strong style={{ marginBottom: 4 }}>
                  {t('lookup.noResults', { q: query })}
                </Typography.Paragraph>
                <Typography.Text type="secondary">{t('lookup.noResultsHint')}</Typography.Text>
              </>
            }
          />
        )}
        {items.length > 0 && data && (
          <Typography.Text type="secondary" data-testid="lookup-count">
            {t(data.totalExact ? 'lookupPaging.shown' : 'lookupPaging.shownAtLeast', {
              shown: formatNumber(items.length),
              total: formatNumber(data.total),
            })}
          </Typography.Text>
        )}
        {items.map((r) => (
          <LookupResultCard key={r.unit.id} result={r} />
        ))}
        {moreError && <Alert type="error" showIcon title={moreError} />}
        {searchable && data && nextOffset !== null && (
          <Button size="large" block onClick={showMore} loading={loadingMore} data-testid="lookup-more">
            {loadingMore
              ? t('lookupPaging.loadingMore')
              : t('lookupPaging.more', { shown: formatNumber(items.length), total: formatNumber(data.total) })}
          </Button>
        )}
      </div>
    </div>
  );
}
