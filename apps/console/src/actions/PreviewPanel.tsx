import { useEffect, useId, useRef, useState } from 'react';
import type { ActionView, Preview, ReasonCount } from '../api/types';
import { valueText } from '../jobs/progress';
import { plural } from '../ui/feedback';
import { ReasonTable } from '../ui/ReasonTable';
import { PersonName } from '../ui/PersonName';

interface Props {
  action: Pick<ActionView, 'title' | 'destructive'>;
  preview: Preview;
  /** the confirm button's words (default: "Run <action> for N people") */
  runLabel?: string;
  submitting: boolean;
  onConfirm: (approvalCount?: number) => void;
  onBack: () => void;
}

/**
 * What the job will do before it runs: how many people, a sample with before → after, skips and
 * failures grouped by reason, warnings; a destructive job over the approval threshold asks for the
 * count to be typed.
 */
export function PreviewPanel({ action, preview, runLabel, submitting, onConfirm, onBack }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [typed, setTyped] = useState('');
  const typedId = useId();
  useEffect(() => heading.current?.focus(), [preview.snapshotId]);
  const approved = !preview.requiresApprovalCount || typed.trim() === String(preview.total);
  const skipped = sum(preview.skipped);
  const failed = sum(preview.failed);
  // the typed count below says what APPROVAL_REQUIRED says, in the console's words
  const warnings = preview.warnings.filter((w) => w.code !== 'APPROVAL_REQUIRED');

  return (
    <section className="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading" ref={heading} tabIndex={-1}>
        Preview
      </h2>
      <dl className="counts">
        <div>
          <dt>Selected</dt>
          <dd>{preview.total.toLocaleString('en-GB')}</dd>
        </div>
        <div>
          <dt>Will change</dt>
          <dd className="ok">{preview.willChange.toLocaleString('en-GB')}</dd>
        </div>
        <div>
          <dt>Skipped</dt>
          <dd>{skipped.toLocaleString('en-GB')}</dd>
        </div>
        <div>
          <dt>Will fail</dt>
          <dd className={failed ? 'bad' : undefined}>{failed.toLocaleString('en-GB')}</dd>
        </div>
      </dl>
      {!preview.exact && <p className="muted">Estimated from the first {plural(preview.evaluated, 'person', 'people')}.</p>}

      {warnings.length > 0 && (
        <div className="warnings" role="alert">
          <h3>Warnings</h3>
          <ul>
            {warnings.map((w) => (
              <li key={w.code} className={`warning warning-${w.code.toLowerCase()}`}>
                {sentence(w.message)}
              </li>
            ))}
          </ul>
        </div>
      )}

      <ReasonTable title="Skipped, by reason" reasons={preview.skipped} />
      <ReasonTable title="Will fail, by reason" reasons={preview.failed} />

      {preview.sample.length > 0 && (
        <div className="table-scroll">
          <table className="grid sample">
            <caption>Sample: {plural(preview.sample.length, 'person', 'people')}, before → after</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Outcome</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {preview.sample.map((s) => (
                <tr key={s.userId}>
                  <td>
                    <PersonName person={s} />
                  </td>
                  <td>
                    <span className={`status status-${s.status}`}>{s.status === 'succeeded' ? 'will change' : s.status}</span>
                    {s.code && <span className="muted small"> {s.code}</span>}
                  </td>
                  <td>{valueText(s.before)}</td>
                  <td>{s.status === 'succeeded' ? `→ ${valueText(s.after)}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <form
        className="confirm"
        onSubmit={(e) => {
          e.preventDefault();
          if (approved) onConfirm(preview.requiresApprovalCount ? preview.total : undefined);
        }}
      >
        {preview.requiresApprovalCount && (
          <div className="field approval">
            <label htmlFor={typedId}>
              Type <strong>{preview.total}</strong> to confirm this {action.destructive ? 'destructive ' : ''}job
            </label>
            <input id={typedId} inputMode="numeric" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
          </div>
        )}
        <div className="buttons">
          <button type="button" onClick={onBack}>
            Change settings
          </button>
          <button type="submit" className={action.destructive ? 'danger' : 'primary'} disabled={!approved || submitting || preview.total === 0}>
            {submitting ? 'Starting…' : (runLabel ?? `Run ${action.title.toLowerCase()} for ${plural(preview.total, 'person', 'people')}`)}
          </button>
        </div>
      </form>
    </section>
  );
}

const sum = (reasons: ReasonCount[]) => reasons.reduce((n, r) => n + r.count, 0);
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
