import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '@/components/Modal';
import { Field } from '@/components/Field';
import { useToast } from '@/components/Toasts';
import { errorMessage } from '@/components/server-errors';
import { fullName } from '@/lib/format';
import { useMemberOptions } from '../api/get-member-options';
import { useBulkAssign } from '../api/bulk-assign';
import type { PlanOption, SettingOption } from '../options';

interface Props {
  plans: PlanOption[];
  settings: SettingOption[];
  preselected?: number[];
  /** Assign to this member alone: no picker. */
  only?: { id: number; name: string };
  onClose: () => void;
}

export function AssignModal({ plans, settings, preselected = [], only, onClose }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const assign = useBulkAssign();
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<Set<number>>(new Set(only ? [only.id] : preselected));
  const [planId, setPlanId] = useState('');
  const [settingId, setSettingId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const members = useMemberOptions(q, !only);

  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id); else next.add(id);
      return next;
    });

  const submit = () => {
    if (selected.size === 0) return setProblem(t('users.assignModal.pickMember'));
    if (!planId) return setProblem(t('users.assignModal.pickPlan'));
    setProblem(null);
    // Not mutate(..., { onSuccess }): assigning a member from their row turns the row into an assigned one once
    // the list is refetched, which unmounts this modal, and React Query drops a per-call callback of an unmounted
    // component — the confirmation would never show. The promise resolves either way.
    assign.mutateAsync({ user_ids: [...selected], ai_plan_id: Number(planId), ai_settings_id: settingId ? Number(settingId) : undefined })
      .then((r) => { toast(t('users.assigned', { count: r.assigned })); onClose(); }, () => { /* worded from assign.error */ });
  };

  return (
    <Modal wide={!only} title={t('users.assignModal.title')} onClose={onClose}
      footer={<>
        {!only && <span className="muted">{t('users.assignModal.selectedCount', { count: selected.size })}</span>}
        <button type="button" className="button" onClick={onClose}>{t('common.cancel')}</button>
        <button type="button" className="button primary" disabled={assign.isPending} onClick={submit}>{t('users.assignModal.submit')}</button>
      </>}>
      {only && <p>{t('users.assignModal.to', { name: only.name })}</p>}
      <div className={only ? 'form-grid' : 'form-grid two'}>
        <Field label={t('users.assignModal.plan')}>
          <select value={planId} onChange={(e) => setPlanId(e.target.value)}>
            <option value="">—</option>
            {plans.filter((p) => p.is_active).map((p) => <option key={p.id} value={p.id}>{p.display_name}</option>)}
          </select>
        </Field>
        <Field label={t('users.assignModal.setting')}>
          <select value={settingId} onChange={(e) => setSettingId(e.target.value)}>
            <option value="">{t('users.assignModal.none')}</option>
            {settings.filter((s) => s.is_active).map((s) => <option key={s.id} value={s.id}>{s.name} ({s.model_name})</option>)}
          </select>
        </Field>
      </div>
      {!only && <>
        <Field label={t('users.assignModal.searchMembers')}>
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </Field>
        <fieldset className="member-picker">
          <legend>{t('users.assignModal.members')}</legend>
          {members.data?.items.length === 0 && <p className="muted">{t('users.assignModal.noMembers')}</p>}
          {members.data?.items.map((m) => (
            <label key={m.id} className="check">
              <input type="checkbox" checked={selected.has(m.id)} onChange={() => toggle(m.id)} />
              {fullName(m)} <span className="muted">({m.username}, {m.email})</span>
            </label>
          ))}
        </fieldset>
      </>}
      {(problem || assign.error) && <p role="alert" className="form-error">{problem ?? errorMessage(assign.error)}</p>}
    </Modal>
  );
}
