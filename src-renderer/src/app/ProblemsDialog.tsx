/**
 * A dialog listing every problem of a file or a draft as "path: message",
 * the same lines the command line prints, in the current language.
 */
import { Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { pathToString, type Problem } from '../../../src-shared/model';

export interface ProblemsReport {
  title: string;
  intro: string;
  problems: Problem[];
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
              <li key={index}>
                {/* The same "path: message" line as the command line prints. */}
                <code>{pathToString(problem.path)}</code>: {t(problem.key, problem.params)}
              </li>
            ))}
          </ul>
        </>
      )}
    </Modal>
  );
}
