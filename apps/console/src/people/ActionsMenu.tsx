import { KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ActionView } from '../api/types';

/**
 * The "Batch actions" menu button: lists only the actions the caller may run (from GET /v1/actions).
 * Arrow keys move through the items, Enter picks one, Escape closes and gives the focus back.
 */
export function ActionsMenu({ actions, disabled }: { actions: ActionView[]; disabled: boolean }) {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (open) items.current[0]?.focus();
  }, [open]);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!(e.target as HTMLElement).closest(`[data-menu="${id}"]`)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open, id]);

  const onKey = (e: KeyboardEvent) => {
    const at = items.current.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => items.current[(to + actions.length) % actions.length]?.focus();
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(actions.length - 1);
    else if (e.key === 'Escape' || e.key === 'Tab') {
      setOpen(false);
      if (e.key === 'Escape') button.current?.focus();
      return;
    } else return;
    e.preventDefault();
  };

  return (
    <div className="menu" data-menu={id}>
      <button
        ref={button}
        type="button"
        className="primary"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={`${id}-menu`}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        Batch actions ▾
      </button>
      {open && (
        <div id={`${id}-menu`} role="menu" aria-label="Batch actions" className="menu-list" onKeyDown={onKey}>
          {actions.map((action, i) => (
            <button
              key={action.id}
              ref={(el) => {
                items.current[i] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => navigate(`/actions/${action.id}`)}
            >
              <span className="menu-title">{action.title}</span>
              {action.destructive && <span className="tag tag-danger">destructive</span>}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
