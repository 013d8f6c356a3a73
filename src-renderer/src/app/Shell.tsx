/**
 * The application shell: header, the current screen (home or a draft's
 * wizard), and the commands every screen and the application menu share —
 * new draft, import, export, language.
 */
import { App as AntApp, Layout } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MenuCommand } from '../../../src-shared/channels';
import type { Locale } from '../../../src-shared/i18n';
import { MAX_DRAFT_FILE_CHARS, problem } from '../../../src-shared/model';
import { CalculatorPage } from '../calculator/CalculatorPage';
import { call, errorMessage, onMenuCommand } from '../common/client';
import { HISTORY_EVENT } from '../wizard/UndoControls';
import { ComparePage } from '../compare/ComparePage';
import { requestContractExport } from '../export/exportRequests';
import { ImportCheckList, importCheckLines } from '../export/ImportCheck';
import { IMPORT_ACCEPT, isDocxFile, readDocx } from '../export/importFile';
import { HomePage } from '../home/HomePage';
import { NewDraftDialog } from '../home/NewDraftDialog';
import { ReportsPage } from '../reports/ReportsPage';
import { VersionsPage } from '../versions/VersionsPage';
import { flushAllDrafts } from '../common/autosave';
import { WizardPage } from '../wizard/WizardPage';
import { AppActionsContext, type AppActions } from '../common/actions';
import { AppHeader } from './AppHeader';
import { useLocale } from '../common/locale';
import { ProblemsDialog, type ProblemsReport } from './ProblemsDialog';
import { navigate, useRoute, type Route } from '../common/route';
import { ScreenBoundary } from './ScreenBoundary';

/** One key per screen and draft (a draft's steps are one screen): another draft mounts afresh, and a fault on one screen is left behind by going to another. */
function screenKey(route: Route): string {
  return 'draftId' in route ? `${route.screen}:${route.draftId}` : route.screen;
}

/** The JSON of a draft file that was refused, to name the services and metrics its problems are in; undefined when it is not JSON. */
function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    return undefined;
  }
}

export function Shell() {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const { setLocale } = useLocale();
  const route = useRoute();
  const [newDraftOpen, setNewDraftOpen] = useState(false);
  const [report, setReport] = useState<ProblemsReport | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const changeLocale = useCallback(
    (locale: Locale) => {
      void setLocale(locale).then((result) => {
        if (!result.ok) void message.warning(t('language.notRemembered'));
      });
    },
    [setLocale, message, t],
  );

  const importFile = useCallback(
    async (file: File) => {
      const failed = (problems: ProblemsReport['problems'], draft?: unknown) =>
        setReport({
          title: t('home.import.failedTitle', { file: file.name }),
          intro: t('home.import.failedIntro', { count: problems.length }),
          problems,
          draft,
        });
      let content: unknown;
      let result;
      if (isDocxFile(file)) {
        // A contract SLA Studio exported carries its draft: main takes it out and imports it.
        const docx = await readDocx(file);
        if (!docx.ok) return void message.error(t(docx.key, docx.params));
        result = await call('exports.importDocx', { fileName: file.name.slice(-260), base64: docx.base64 });
        if (result.ok) {
          // What the file is: changed after export (a warning to acknowledge), or sealed or not (shown with the draft).
          const { check, title } = result.value;
          const lines = importCheckLines(t, check);
          if (check.findings.length > 0)
            void modal.warning({ title: t('export.check.changedTitle', { title }), content: <ImportCheckList lines={lines} />, width: 560 });
          else void message.info({ content: <ImportCheckList lines={lines} />, duration: 8 });
        }
      } else {
        const text = await file.text();
        if (text.length > MAX_DRAFT_FILE_CHARS) return failed([problem([], 'file.tooLarge', { max: MAX_DRAFT_FILE_CHARS })]);
        result = await call('drafts.import', { fileName: file.name.slice(-260), text });
        if (!result.ok) content = parsedOrUndefined(text);
      }
      if (result.ok) {
        void message.success(t('home.import.done', { title: result.value.title }));
        // A draft exported before it was complete: what it still lacks, which the wizard's steps show too.
        const incomplete = result.value.incomplete ?? [];
        if (incomplete.length > 0)
          setReport({
            title: t('home.import.incompleteTitle', { title: result.value.title }),
            intro: t('home.import.incompleteIntro', { count: incomplete.length }),
            problems: incomplete,
          });
        navigate({ screen: 'draft', draftId: result.value.id, step: 'services' });
      } else if (result.error.problems && result.error.problems.length > 0) {
        failed(result.error.problems, content);
      } else {
        void message.error(errorMessage(t, result.error));
      }
    },
    [message, modal, t],
  );

  const actions = useMemo<AppActions>(
    () => ({
      newDraft: () => setNewDraftOpen(true),
      importDraft: () => fileInput.current?.click(),
      exportDraft: async (draftId: string) => {
        // The file must hold what the user sees, including the last keystrokes.
        await flushAllDrafts();
        const result = await call('exports.draftFile', { id: draftId });
        if (!result.ok) {
          if (result.error.problems && result.error.problems.length > 0) {
            // The stored working copy the problems are in, to name its services and metrics.
            const stored = await call('drafts.get', { id: draftId });
            setReport({
              title: t('wizard.export.failedTitle'),
              intro: t('wizard.export.failedIntro', { count: result.error.problems.length }),
              problems: result.error.problems,
              draft: stored.ok ? stored.value.content : undefined,
            });
          } else {
            void message.error(errorMessage(t, result.error));
          }
          return;
        }
        // null: the user cancelled the save dialog, which needs no comment.
        if (result.value.path !== null) void message.success(t('wizard.export.saved', { path: result.value.path }));
      },
    }),
    [message, t],
  );

  // The menu listener is subscribed once; it reads the route of the moment it fires.
  const routeRef = useRef(route);
  useEffect(() => {
    routeRef.current = route;
  }, [route]);
  useEffect(
    () =>
      onMenuCommand((command: MenuCommand) => {
        switch (command) {
          case 'newDraft':
            actions.newDraft();
            break;
          case 'importDraft':
            actions.importDraft();
            break;
          case 'exportDraft': {
            const current = routeRef.current;
            // The wizard of the open draft shows its contract export dialog; "Export .sla.json" stays a button there.
            if (current.screen === 'draft') requestContractExport(current.draftId);
            else void message.info(t('wizard.export.openDraftFirst'));
            break;
          }
          case 'undo':
          case 'redo':
            // The open draft's wizard undoes whole edits; anywhere else the focused text box undoes its typing.
            if (routeRef.current.screen === 'draft') window.dispatchEvent(new CustomEvent(HISTORY_EVENT, { detail: command }));
            else document.execCommand(command);
            break;
          case 'setLocale:en':
            changeLocale('en');
            break;
          case 'setLocale:zh-CN':
            changeLocale('zh-CN');
            break;
        }
      }),
    [actions, changeLocale, message, t],
  );

  return (
    <AppActionsContext.Provider value={actions}>
      <Layout className="app-layout">
        <AppHeader onChangeLocale={changeLocale} />
        <Layout.Content className="app-content">
          <ScreenBoundary key={screenKey(route)}>
            {route.screen === 'draft' ? (
              <WizardPage draftId={route.draftId} step={route.step} />
            ) : route.screen === 'versions' ? (
              <VersionsPage draftId={route.draftId} />
            ) : route.screen === 'compare' ? (
              <ComparePage draftId={route.draftId} old={route.old} new={route.new} />
            ) : route.screen === 'reports' ? (
              <ReportsPage draftId={route.draftId} />
            ) : route.screen === 'calculator' ? (
              <CalculatorPage />
            ) : (
              <HomePage />
            )}
          </ScreenBoundary>
        </Layout.Content>
      </Layout>
      <input
        ref={fileInput}
        type="file"
        accept={IMPORT_ACCEPT}
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t('home.import.fileLabel')}
        data-testid="import-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
      {newDraftOpen && <NewDraftDialog onClose={() => setNewDraftOpen(false)} />}
      <ProblemsDialog report={report} onClose={() => setReport(null)} />
    </AppActionsContext.Provider>
  );
}
