import { useId } from 'react';
import { useMutation } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import type { ImportSummary } from '../api/types';
import { ErrorNotice, plural } from '../ui/feedback';

/**
 * A CSV or XLSX upload that becomes the job's selection (`selection.importId`): people to invite
 * (`invite`), or existing people matched by e-mail (`select`, for enrol and withdraw).
 */
export function FileSelection({ purpose, onImported }: { purpose: 'invite' | 'select'; onImported: (summary: ImportSummary | undefined) => void }) {
  const id = useId();
  const upload = useMutation({ mutationFn: (file: File) => api.importFile(file, purpose), onSuccess: onImported });
  const summary = upload.data;
  return (
    <div className="field file-selection">
      <label htmlFor={id}>{purpose === 'invite' ? 'People to invite (CSV or XLSX)' : 'People by e-mail (CSV or XLSX)'}</label>
      <p className="hint" id={`${id}-hint`}>
        {purpose === 'invite'
          ? 'One row per person: email, name (or first name, infix, last name), role and language. Headers in English or Dutch.'
          : 'A column of e-mail addresses of people already in the directory; other columns are ignored.'}
      </p>
      <input
        id={id}
        type="file"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          onImported(undefined);
          if (file) upload.mutate(file);
        }}
      />
      {upload.isPending && <p role="status">Reading the file…</p>}
      <ErrorNotice error={upload.error} title="The file could not be read" />
      {summary && (
        <div role="status" className="import-summary">
          <p>
            {plural(summary.rows, 'row')}: <strong>{summary.valid} usable</strong>
            {summary.invalid > 0 && `, ${summary.invalid} with problems`}.
          </p>
          {summary.errors.length > 0 && (
            <ul className="small">
              {summary.errors.slice(0, 10).map((e) => (
                <li key={`${e.row}-${e.column}`}>
                  Row {e.row}, {e.column}: {e.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
