import { saveFile } from '@/lib/api-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Markdown from 'react-markdown';
import { PageHeader } from '@/components/Layout';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { EmptyState, ErrorState, Loading } from '@/components/States';
import { useSessionUser } from '@/lib/use-session';
import { fullName } from '@/lib/format';
import { useDates } from '@/lib/time-zone';
import { STACKED, useMediaQuery } from '@/lib/use-media-query';
import { useSessions } from '../api/get-sessions';
import { useMarkdownExport } from '../api/export-markdown';
import { useDeleteSession } from '../api/delete-session';
import { useMemberFilterOptions } from '../api/get-member-options';
import { AddEntryForm } from './AddEntryForm';
import type { PromptSession } from '../api/types';

/** Sessions by date, a session's development log rendered, and its Markdown download. */
export function PromptLogPage() {
  const { t, i18n } = useTranslation();
  const user = useSessionUser();
  const isAdmin = user?.role === 'superadmin';
  const [memberId, setMemberId] = useState('');
  const [selected, setSelected] = useState<PromptSession | null>(null);
  const [deleting, setDeleting] = useState(false);
  const members = useMemberFilterOptions(isAdmin);
  const sessions = useSessions(memberId || undefined);
  const exported = useMarkdownExport(selected?.session_id ?? null, i18n.language, isAdmin ? String(selected?.member_id ?? '') : undefined);
  const remove = useDeleteSession();
  const { date } = useDates();
  // The session list is beside the preview on a wide screen and above it on a narrow one.
  const stacked = useMediaQuery(STACKED);

  const byDate = new Map<string, PromptSession[]>();
  for (const s of sessions.data ?? []) {
    const day = date(s.end);
    byDate.set(day, [...(byDate.get(day) ?? []), s]);
  }

  const download = () => {
    if (!exported.data) return;
    saveFile({ blob: new Blob([exported.data.markdown], { type: 'text/markdown;charset=utf-8' }), fileName: exported.data.fileName });
  };

  return (
    <section>
      <PageHeader title={t('promptLog.title')} subtitle={t('promptLog.subtitle')} />
      {isAdmin && (
        <div className="filters">
          <select aria-label={t('promptLog.member')} value={memberId} onChange={(e) => { setMemberId(e.target.value); setSelected(null); }}>
            <option value="">{t('promptLog.allMembers')}</option>
            {members.data?.items.map((m) => <option key={m.id} value={m.id}>{fullName(m)} ({m.username})</option>)}
          </select>
        </div>
      )}
      <div className="prompt-log">
        <nav aria-label={t('promptLog.sessions')} className="card session-list">
          <h2>{t('promptLog.sessions')}</h2>
          {sessions.isPending ? <Loading /> : sessions.isError ? <ErrorState error={sessions.error} /> : byDate.size === 0 ? (
            <p className="muted">{t('promptLog.empty')}</p>
          ) : (
            [...byDate.entries()].map(([day, list]) => (
              <div key={day}>
                <h3>{day}</h3>
                <ul>
                  {list.map((s) => (
                    <li key={`${s.member_id}-${s.session_id}`}>
                      <button type="button" className={selected?.session_id === s.session_id && selected.member_id === s.member_id ? 'link active' : 'link'}
                        aria-current={selected?.session_id === s.session_id ? 'true' : undefined} onClick={() => setSelected(s)}>
                        {s.session_id}
                      </button>{' '}
                      <span className="muted">{t('promptLog.count', { count: s.count })}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ))
          )}
        </nav>
        <div>
          {selected === null ? <EmptyState>{stacked ? t('promptLogLayout.pickAbove') : t('promptLog.pick')}</EmptyState> : exported.isPending ? <Loading /> : exported.isError ? (
            <ErrorState error={exported.error} />
          ) : (
            <article className="card preview" aria-label={t('promptLog.preview')}>
              <div className="card-actions">
                <button type="button" className="button primary" onClick={download}>{t('promptLog.download')}</button>
                {selected.member_id === user?.id && (
                  <button type="button" className="button danger" onClick={() => setDeleting(true)}>{t('promptLog.deleteSession')}</button>
                )}
                <span className="muted">{exported.data.fileName}</span>
              </div>
              <Markdown>{exported.data.markdown}</Markdown>
            </article>
          )}
          {!isAdmin && <AddEntryForm />}
        </div>
      </div>
      {deleting && selected && (
        <ConfirmDialog danger message={t('promptLog.confirmDelete', { session: selected.session_id })} confirmLabel={t('common.delete')}
          busy={remove.isPending} error={remove.error} onCancel={() => setDeleting(false)}
          onConfirm={() => remove.mutate(selected.session_id, { onSuccess: () => { setDeleting(false); setSelected(null); } })} />
      )}
    </section>
  );
}
