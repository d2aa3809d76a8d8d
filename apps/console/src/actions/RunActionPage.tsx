import { FormEvent, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { ApiError } from '../api/client';
import { api } from '../api/endpoints';
import type { ImportSummary, JobRequest, Selection } from '../api/types';
import { useSession } from '../auth/session';
import { describeFilter } from '../people/filter-params';
import { NOTHING, selectedCount, toApiSelection } from '../people/selection';
import { useSelection } from '../people/selection-context';
import { ErrorNotice, PageHeading, plural } from '../ui/feedback';
import { FileSelection } from './FileSelection';
import { MessagePreview } from './MessagePreview';
import { ParamsForm } from './ParamsForm';
import { PreviewPanel } from './PreviewPanel';
import { FieldValue, fieldsOf, initialValues, paramsOf, problemsOf } from './schema-fields';

/** Actions whose people may come from an uploaded file: required for invite-users, an alternative for enrol and withdraw. */
const FILE_PURPOSE: Record<string, { purpose: 'invite' | 'select'; only: boolean }> = {
  'invite-users': { purpose: 'invite', only: true },
  enrol: { purpose: 'select', only: false },
  withdraw: { purpose: 'select', only: false },
};

/** Configure an action for the selected people, preview it, confirm it: then follow the job. */
export function RunActionPage() {
  const { actionId = '' } = useParams();
  return <RunAction key={actionId} actionId={actionId} />;
}

function RunAction({ actionId }: { actionId: string }) {
  const session = useSession();
  const navigate = useNavigate();
  const { selection, setSelection } = useSelection();
  const action = session.actions.find((a) => a.id === actionId);
  const fields = useMemo(() => (action ? fieldsOf(action.id, action.paramsSchema) : []), [action]);
  const [values, setValues] = useState(() => initialValues(fields));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const file = FILE_PURPOSE[actionId];
  const [source, setSource] = useState<'selection' | 'file'>(file?.only || selectedCount(selection) === 0 ? 'file' : 'selection');
  const [imported, setImported] = useState<ImportSummary>();
  const idempotencyKey = useRef('');
  const formRef = useRef<HTMLFormElement>(null);

  const request = (): JobRequest | undefined => {
    if (!action) return undefined;
    let chosen: Selection | undefined;
    if (source === 'file' && file) chosen = imported && imported.valid > 0 ? { importId: imported.importId } : undefined;
    else if (selectedCount(selection) > 0) chosen = toApiSelection(selection);
    return chosen && { action: action.id, params: paramsOf(fields, values), selection: chosen };
  };

  const preview = useMutation({
    mutationFn: (job: JobRequest) => api.preview(job),
    onSuccess: () => (idempotencyKey.current = crypto.randomUUID()),
    onError: (error) => showServerProblem(error),
  });
  const submit = useMutation({
    mutationFn: ({ job, approvalCount }: { job: JobRequest; approvalCount?: number }) =>
      api.submit(
        { ...job, snapshotId: preview.data?.snapshotId, ...(approvalCount !== undefined && { options: { approvalCount } }) },
        idempotencyKey.current,
      ),
    onSuccess: ({ id }) => {
      if (source === 'selection') setSelection(NOTHING);
      navigate(`/jobs/${encodeURIComponent(id)}`);
    },
  });

  if (!action) {
    return (
      <>
        <PageHeading title="Action not available">Action not available</PageHeading>
        <p>
          You may not run <code>{actionId}</code>. <Link to="/people">Back to people</Link>.
        </p>
      </>
    );
  }

  function showServerProblem(error: unknown) {
    const field = error instanceof ApiError ? error.field : undefined;
    const name = field?.startsWith('params.') ? field.slice('params.'.length).split('.')[0] : undefined;
    if (name && fields.some((f) => f.name === name)) {
      setProblems({ [name]: (error as ApiError).message.replace(/^[\w.]+: /, '') });
      formRef.current?.querySelector<HTMLElement>(`#run-${CSS.escape(name)}`)?.focus();
    }
  }

  const onChange = (name: string, value: FieldValue) => {
    setValues((v) => ({ ...v, [name]: value }));
    setProblems((p) => Object.fromEntries(Object.entries(p).filter(([key]) => key !== name)));
    preview.reset();
  };

  const onPreview = (e: FormEvent) => {
    e.preventDefault();
    const found = problemsOf(fields, values);
    setProblems(found);
    const first = Object.keys(found)[0];
    if (first) {
      formRef.current?.querySelector<HTMLElement>(`#run-${CSS.escape(first)}`)?.focus();
      return;
    }
    const job = request();
    if (job) preview.mutate(job);
  };

  const job = request();
  const count = selectedCount(selection);
  const serverError = preview.error instanceof ApiError && preview.error.field?.startsWith('params.') ? undefined : preview.error;

  return (
    <>
      <PageHeading title={action.title}>{action.title}</PageHeading>
      <p className="lead">{action.description}</p>
      {action.destructive && (
        <p className="notice notice-warning">
          <strong>Destructive:</strong>{' '}
          {action.notice ??
            (action.reversible
              ? `${action.title} can be undone afterwards: check the selection.`
              : `${action.title} cannot be undone: check the selection.`)}
        </p>
      )}

      <section aria-labelledby="who" className="who-section">
        <h2 id="who">Who</h2>
        {file && !file.only && (
          <fieldset className="choices inline">
            <legend className="visually-hidden">Whose enrolments</legend>
            <label className="choice">
              <input type="radio" name="source" checked={source === 'selection'} onChange={() => setSource('selection')} disabled={count === 0} />
              The selected people
            </label>
            <label className="choice">
              <input type="radio" name="source" checked={source === 'file'} onChange={() => setSource('file')} />
              People listed in a file
            </label>
          </fieldset>
        )}
        {source === 'selection' || !file ? (
          <p className="selected-count">
            {count === 0 ? (
              <>
                Nobody is selected. <Link to="/people">Select people first</Link>.
              </>
            ) : (
              <>
                <strong>{plural(count, 'person', 'people')} selected</strong>
                {selection.kind === 'all' ? ` — everyone matching ${describeFilter(selection.filter)}` : ''}.{' '}
                <Link to="/people">Change the selection</Link>
              </>
            )}
          </p>
        ) : (
          <FileSelection
            purpose={file.purpose}
            onImported={(summary) => {
              setImported(summary);
              preview.reset();
            }}
          />
        )}
      </section>

      <form ref={formRef} noValidate onSubmit={onPreview} aria-labelledby="settings" className="settings">
        <h2 id="settings">Settings</h2>
        <ParamsForm formId="run" fields={fields} values={values} problems={problems} onChange={onChange} />
        {action.id === 'send-notification' && <MessagePreview subject={String(values.subject ?? '')} body={String(values.body ?? '')} />}
        <ErrorNotice error={serverError} title="The preview failed" />
        {!preview.data && (
          <div className="buttons">
            <Link className="button" to="/people">
              Cancel
            </Link>
            <button type="submit" className="primary" disabled={!job || preview.isPending}>
              {preview.isPending ? 'Previewing…' : 'Preview'}
            </button>
          </div>
        )}
      </form>

      {preview.data && job && (
        <PreviewPanel
          action={action}
          preview={preview.data}
          submitting={submit.isPending}
          onBack={() => {
            preview.reset();
            formRef.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
          }}
          onConfirm={(approvalCount) => submit.mutate({ job, approvalCount })}
        />
      )}
      <ErrorNotice error={submit.error} title="The job was not started" />
    </>
  );
}
