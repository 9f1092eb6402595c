// Taking part in an open consultation: for each section agree/disagree and a comment, the overall vote, the
// commune of residence and the e-mail; then the code e-mailed to that address confirms it (only then it counts).
import { useState } from 'react';
import { Alert, Button, Card, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api';
import { currentLang } from '../i18n';
import { CommunePicker } from './CommunePicker';
import type { ConsultationFull, Participated, Participation, VoteChoice } from './types';

// The same check as the server's (zod's z.email()) in spirit: something@domain.tld, no spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function VoteButtons({
  value,
  onChange,
  testId,
}: {
  value?: VoteChoice;
  onChange: (v: VoteChoice) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      optionType="button"
      buttonStyle="solid"
      size="large"
      value={value}
      onChange={(e) => onChange(e.target.value as VoteChoice)}
      data-testid={testId}
      className="channel-vote"
      options={[
        { value: 'agree', label: t('channel.detail.agree') },
        { value: 'disagree', label: t('channel.detail.disagree') },
      ]}
    />
  );
}

/** The sections to read and vote on, the overall vote, residence and e-mail. */
export function ParticipateForm({
  consultation,
  onSent,
}: {
  consultation: ConsultationFull;
  onSent: (a: Participated) => void;
}) {
  const { t } = useTranslation();
  const [votes, setVotes] = useState<Record<number, VoteChoice>>({});
  const [comments, setComments] = useState<Record<number, string>>({});
  const [overall, setOverall] = useState<VoteChoice>();
  const [residence, setResidence] = useState<string>();
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function send() {
    const body: Participation = {
      email: email.trim(),
      residenceCode: residence ?? '',
      overall,
      votes: Object.entries(votes).map(([sectionId, choice]) => ({ sectionId: Number(sectionId), choice })),
      comments: Object.entries(comments)
        .filter(([, text]) => text.trim())
        .map(([sectionId, text]) => ({ sectionId: Number(sectionId), text: text.trim() })),
    };
    if (!overall && body.votes!.length === 0 && body.comments!.length === 0)
      return setProblem(t('channel.form.nothing'));
    if (!residence) return setProblem(t('channel.form.residenceRequired'));
    if (!EMAIL.test(body.email)) return setProblem(t('channel.form.emailInvalid'));
    setProblem(null);
    setSending(true);
    try {
      onSent(await api.post<Participated>(`/api/consultations/${consultation.id}/participations`, body));
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setSending(false);
    }
  }

  return (
    <div data-testid="participate-form">
      <h2>{t('channel.detail.sections')}</h2>
      {consultation.sections.map((s) => (
        <Card key={s.id} size="small" className="channel-card" data-testid="consultation-section">
          <Typography.Text type="secondary">{t('channel.detail.section', { n: s.position })}</Typography.Text>
          <Typography.Title level={5} className="channel-title">
            {s.heading}
          </Typography.Title>
          {s.body && <Typography.Paragraph className="channel-body">{s.body}</Typography.Paragraph>}
          <VoteButtons
            value={votes[s.id]}
            onChange={(v) => setVotes((old) => ({ ...old, [s.id]: v }))}
            testId={`vote-${s.position}`}
          />
          <Input.TextArea
            className="channel-comment"
            rows={2}
            maxLength={5000}
            placeholder={t('channel.detail.comment')}
            aria-label={t('channel.detail.comment')}
            value={comments[s.id] ?? ''}
            onChange={(e) => setComments((old) => ({ ...old, [s.id]: e.target.value }))}
            data-testid={`comment-${s.position}`}
          />
        </Card>
      ))}
      <Card size="small" className="channel-card" title={t('channel.form.title')}>
        <div className="channel-field">
          <Typography.Text strong>{t('channel.form.overall')}</Typography.Text>
          <VoteButtons value={overall} onChange={setOverall} testId="vote-overall" />
        </div>
        <div className="channel-field">
          <label htmlFor="channel-residence">
            <Typography.Text strong>{t('channel.form.residence')}</Typography.Text>
          </label>
          <CommunePicker
            id="channel-residence"
            value={residence}
            onChange={setResidence}
            placeholder={t('channel.form.residencePlaceholder')}
            data-testid="residence"
          />
          <Typography.Text type="secondary">{t('channel.form.residenceHint')}</Typography.Text>
        </div>
        <div className="channel-field">
          <label htmlFor="channel-email">
            <Typography.Text strong>{t('channel.form.email')}</Typography.Text>
          </label>
          <Input
            id="channel-email"
            size="large"
            type="email"
            inputMode="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            data-testid="email"
          />
          <Typography.Text type="secondary">{t('channel.form.emailHint')}</Typography.Text>
        </div>
        {problem && (
          <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="form-problem" />
        )}
        <Button type="primary" size="large" block loading={sending} onClick={send} data-testid="send">
          {t('channel.form.submit')}
        </Button>
      </Card>
    </div>
  );
}

/** The code step: the server's own message (in the reader's language), then the code from the e-mail. */
export function ConfirmStep({ sent, onConfirmed }: { sent: Participated; onConfirmed: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [sending, setSending] = useState(false);

  async function confirm() {
    setSending(true);
    setProblem(null);
    try {
      await api.post('/api/consultations/confirm', { code: code.trim() });
      setDone(true);
      onConfirmed();
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setSending(false);
    }
  }

  if (done) return <Alert type="success" showIcon title={t('channel.confirm.done')} data-testid="confirmed" />;
  return (
    <Card size="small" className="channel-card" title={t('channel.confirm.title')} data-testid="confirm-step">
      <Alert
        type={sent.email === 'sent' ? 'info' : 'warning'}
        showIcon
        title={sent.email === 'sent' ? sent.message[currentLang()] : t(`channel.confirm.${sent.email}`)}
        style={{ marginBottom: 12 }}
      />
      <label htmlFor="channel-code">
        <Typography.Text strong>{t('channel.confirm.code')}</Typography.Text>
      </label>
      <Input
        id="channel-code"
        size="large"
        autoComplete="one-time-code"
        spellCheck={false}
        placeholder={t('channel.confirm.codePlaceholder')}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        data-testid="code"
      />
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} />}
      <Button
        type="primary"
        size="large"
        block
        style={{ marginTop: 12 }}
        loading={sending}
        disabled={code.trim().length < 16}
        onClick={confirm}
        data-testid="confirm"
      >
        {t('channel.confirm.submit')}
      </Button>
    </Card>
  );
}
