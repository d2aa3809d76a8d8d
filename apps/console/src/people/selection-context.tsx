import { createContext, ReactNode, useContext, useMemo, useState } from 'react';
import { NOTHING, SelectionState } from './selection';

interface SelectionStore {
  selection: SelectionState;
  setSelection: (next: SelectionState) => void;
}

const SelectionContext = createContext<SelectionStore | undefined>(undefined);

/** The people selected on the People page, kept while the administrator configures and previews an action. */
export function SelectionProvider({ children }: { children: ReactNode }) {
  const [selection, setSelection] = useState<SelectionState>(NOTHING);
  const store = useMemo(() => ({ selection, setSelection }), [selection]);
  return <SelectionContext.Provider value={store}>{children}</SelectionContext.Provider>;
}

export function useSelection(): SelectionStore {
  const store = useContext(SelectionContext);
  if (!store) throw new Error('useSelection outside SelectionProvider');
  return store;
}
