/**
 * The application menu's Export… asks the open draft's wizard to show its
 * contract export dialog: the wizard owns the working copy and its
 * problems, the shell only knows which draft is open.
 */
const requests = new EventTarget();

export function requestContractExport(draftId: string): void {
  requests.dispatchEvent(new CustomEvent<string>('export', { detail: draftId }));
}

/** Calls `listener` whenever an export of `draftId` is requested; returns the unsubscribe function. */
export function onContractExportRequest(draftId: string, listener: () => void): () => void {
  const forward = (event: Event) => {
    if ((event as CustomEvent<string>).detail === draftId) listener();
  };
  requests.addEventListener('export', forward);
  return () => requests.removeEventListener('export', forward);
}
