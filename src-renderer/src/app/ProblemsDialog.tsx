/**
 * A dialog listing every problem of a file or a draft, each where it is in
 * the wizard's words and what is wrong — the same lines the command line
 * prints — in the current language.
 */
import { Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../src-shared/model';
import { describeProblem } from '../../../src-shared/model/problem-label';

export interface ProblemsReport {
  title: string;
  intro: string;
  problems: Problem[];
  /** What the file or the draft holds (any JSON), to name the services and metrics the problems are in. */
  draft?: unknown;
}

export function ProblemsDialog({ report, onClose }: { report: ProblemsReport | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={report !== null}
      title={report?.title}
      onCancel={onClose}
      onOk={onClose}
      okText={t('common.close')}
      cancelButtonProps={{ style: { display: 'none' } }}
      width={720}
      destroyOnHidden
    >
      {report && (
        <>
          <Typography.Paragraph>{report.intro}</Typography.Paragraph>
          <ul className="problem-report" aria-label={t('common.problemList')}>
            {report.problems.map((problem, index) => (
              <li key={index}>{describeProblem(problem, t, report.draft)}</li>
            ))}
          </ul>
        </>
      )}
    </Modal>
  );
}
